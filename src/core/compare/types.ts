/**
 * The Compare Providers result: every offering that can serve a workload, priced
 * and timed the same way, with the cost-vs-latency Pareto front marked. Shared by
 * the CLI's `compare`, the Compare Providers panel and hover alternatives.
 */
import type { RangeSpec } from '../agent/range';
import type { TokenizerId } from '../catalog/types';
import type { Price } from '../cost/types';
import type { SiteNeeds } from '../report/types';
import type { CapabilityCheck } from './capability';
import type { Workload } from '../workload';

export type CompareSort = 'cost' | 'latency' | 'ttft' | 'speed';

export interface CompareFilter {
  /** Keep only these provider ids. */
  readonly providers?: readonly string[];
  /** Keep only open-weight models (true) or only closed ones (false). */
  readonly openWeight?: boolean;
  /** Keep only these canonical model ids. */
  readonly models?: readonly string[];
}

export interface CompareOptions {
  readonly filter?: CompareFilter;
  /** Default `cost`. Unpriced rows always come last. */
  readonly sort?: CompareSort;
  /** Tokenizer the workload's token counts were measured in; default `o200k_base`. */
  readonly workloadTokenizer?: TokenizerId;
  /** The model the counts were measured for, when known (picks model-specific ratio profiles). */
  readonly workloadModel?: string;
  /**
   * Which inputs of the workload were assumed (a site's, from the report): every row then carries
   * low / high beside its expected price (`perUnit`, `monthly`), for the chart's error bars.
   * Token figures are in the workload's tokenizer.
   */
  readonly ranges?: RangeSpec;
  /**
   * What the site's code needs of a model (tools, structured output, images, reasoning). By default
   * only offerings that can do the job are rows (see `checkCapabilities`); the others are `excluded`
   * with reason `capability`. Embedding models are never rows for a workload with output.
   */
  readonly needs?: SiteNeeds;
  /** Keep offerings that cannot (or may not) do the job as rows, each marked with its `capability`. */
  readonly showAll?: boolean;
  /**
   * Other requests the unit of work sends besides the workload (a graph cycle's other nodes, `times` = its passes),
   * each priced on the row's offering too: the row is the whole task, as the site's report prices it.
   */
  readonly alsoSends?: readonly { readonly workload: Workload; readonly times: number }[];
}

export interface CompareRow {
  /** `api` for catalog offerings; `self-hosted` rows are added by the hardware layer (see `withExtraRows`). */
  readonly kind: 'api' | 'self-hosted';
  /** `provider/model` for API rows; the hardware layer names its own. */
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  readonly openWeight: boolean;
  readonly tokenizer: TokenizerId;
  /** True when the workload's counts are in this model's own tokenizer. */
  readonly tokensExact: boolean;
  /** Model tokens per workload token applied to every count (1 when exact). */
  readonly tokenRatio: number;
  /** Token counts as this model sees them (after conversion). */
  readonly tokens: { readonly input: number; readonly output: number; readonly reasoning: number };
  /** $ per call or per task (see `CompareResult.unit`). */
  readonly perUnit: Price;
  readonly monthly: Price;
  readonly ttftMs: number;
  readonly outputTokensPerSecond: number;
  /** Whole call or whole task, model time. */
  readonly latencyMs: number;
  readonly latencyBasis: 'catalog' | 'assumed';
  readonly contextWindow?: number;
  readonly maxContextTokens: number;
  readonly agentTax?: number;
  /** On the cost-vs-latency Pareto front: no other priced row is both cheaper and faster. */
  readonly pareto: boolean;
  readonly notes?: readonly string[];
  /** Set when needs were given or the row fails them (shown with `showAll`): what it can and cannot do. */
  readonly capability?: CapabilityCheck;
  /** Kind-specific detail (e.g. GPU, precision and break-even for self-hosted rows). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** An offering left out, and why. */
export interface ExcludedOffering {
  readonly id: string;
  readonly reason: 'context-window' | 'unknown-model' | 'capability';
  readonly maxContextTokens?: number;
  readonly contextWindow?: number;
  /** For `capability`: what fails and what no source states. */
  readonly capability?: CapabilityCheck;
}

export interface CompareResult {
  readonly unit: 'call' | 'task';
  readonly workload: Workload;
  readonly workloadTokenizer: TokenizerId;
  readonly sort: CompareSort;
  /** Sorted; unpriced rows last. */
  readonly rows: readonly CompareRow[];
  readonly excluded: readonly ExcludedOffering[];
  /**
   * Reserved for the hardware layer: a note on the self-hosted rows merged in
   * (assumed utilisation, GPU prices' source). Absent when none were added.
   */
  readonly selfHosted?: { readonly note: string; readonly rowCount: number };
  /** The capability filter applied: the needs (labels), how many offerings it hid, whether all are shown. */
  readonly capabilityFilter?: { readonly needs: readonly string[]; readonly hidden: number; readonly showAll: boolean };
}
