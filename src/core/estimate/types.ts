/**
 * One estimate per site: the figure every surface shows (hover, CodeLens, status bar,
 * Compare's pinned row, the report sidebar, the CLI), built once in the core from the
 * FileReport and the catalog. Surfaces only format these fields; they never price.
 */
import type { TokenizerId, TokenPrices } from '../catalog/types';
import type { Price } from '../cost/types';
import type { ModelSource, PlaceholderAssumption, SiteAssumption, UnknownInput } from '../report/types';

export type EstimateUnit = 'call' | 'task' | 'request';

/** The model a site is priced on, and how it was found. */
export interface ModelFinding {
  /** The catalog id when the model resolved, else the id the site is priced under (never a code identifier). */
  readonly id: string;
  /** Whether the catalog knows the model (else the site is unpriced). */
  readonly known: boolean;
  /** The offering priced, `provider/model`. */
  readonly offering?: string;
  readonly source: ModelSource;
}

/** The list prices applied, per million tokens, with where they come from. */
export interface AppliedPrices {
  readonly offering: string;
  readonly provider: string;
  readonly prices: TokenPrices;
  readonly source: string;
  readonly asOf: string;
}

/** A prompt's part of the call that sends it. */
export interface PromptShare {
  readonly promptId: string;
  readonly tokens: number;
  readonly exact: boolean;
  readonly tokenizer: TokenizerId;
  readonly tokenBasis: string;
  /** The prompt's tokens ÷ the call's input tokens (0..1); absent when the prompt has no call. */
  readonly ofInput?: number;
  /** What the prompt's tokens cost as input of one call. */
  readonly price: Price;
  readonly placeholders: readonly PlaceholderAssumption[];
  /** How many calls send this prompt (a shared tool description): the figure is the first one's. */
  readonly sentBy: number;
}

export interface StepsFinding {
  readonly count: number;
  readonly bounded: boolean;
  readonly from: 'code' | 'framework-default' | 'annotation' | 'assumed';
  readonly limit?: number;
}

export interface SiteEstimate {
  /** Id of the site the figure belongs to (for a prompt: its call's id, when it has one). */
  readonly siteId: string;
  /** What the user points at. A prompt shows its call's figure and its own share. */
  readonly kind: 'call' | 'loop' | 'prompt' | 'instructions' | 'text';
  readonly unit: EstimateUnit;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly framework?: string;
  /** Per call, per task or per request, with `low`/`high` where the core knows the range. */
  readonly price: Price;
  /**
   * Per month at the site's calls a day. Absent for a call priced as a step of a loop or agent
   * (`stepOf`): its cost is in that task's figure, not counted again. Absent too where `notBilled` says why.
   */
  readonly monthly?: Price;
  /** A call with no bill of its own: a model binding (sends nothing) or a request inside the repository's own chat-model class (billed at its invokes). */
  readonly notBilled?: NotBilled;
  readonly callsPerDay: number;
  readonly stepOf?: string;
  readonly latencyMs?: number;
  readonly tokens: { readonly input: number; readonly output: number };
  /** The input could not be read (report/types.ts UnknownInput): surfaces show it as unknown with its range, never as a count. */
  readonly inputUnknown?: UnknownInput;
  readonly steps?: StepsFinding;
  readonly agentTax?: number;
  readonly overflowStep?: number;
  readonly model: ModelFinding;
  readonly applied?: AppliedPrices;
  readonly contextWindow?: number;
  /** Input of one request ÷ the model's context window (0..1). */
  readonly contextShare?: number;
  readonly assumptions: readonly SiteAssumption[];
  /** For a prompt: its part of the figure. */
  readonly prompt?: PromptShare;
  /** In words, what the figure covers: `one call`, `one task of 12 steps`, `the selection as one call's input`. */
  readonly basis: string;
}

export type NotBilled = 'binding' | 'implementation' | 'relay';
