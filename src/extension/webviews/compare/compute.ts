/**
 * The Compare Providers panel's data, computed on the host with the same core
 * functions as `tokenomics compare` (`compareOfferings`) and `compare
 * --self-hosted` (`selfHostedCandidates`, priced at the workload's volume).
 * Pure: no vscode, so the agreement test with the CLI and the page tests can
 * call it in plain Node. It only arranges core results; it prices nothing.
 */
import type { RangeSpec } from '../../../core/agent/range';
import type { Catalog, Offering, TokenizerId } from '../../../core/catalog/types';
import { compareOfferings } from '../../../core/compare';
import type { CompareOptions } from '../../../core/compare/types';
import { selfHostedCandidates, selfHostedMonthlyUsd, selfHostedUsdPerMillion, type HardwareEstimate } from '../../../core/hardware';
import type { Workload } from '../../../core/workload';
import { findOffering } from '../../../core/catalog';
import type { SiteNeeds } from '../../../core/report/types';
import type { CompareData, OfferingSource, PinnedFigure, SelfHostedView } from '../../../webview/protocol/compare';

export interface CompareInput {
  readonly label: string;
  readonly currentModel?: string;
  readonly pinned?: PinnedFigure;
  /** Tokenizer the workload was counted in (default o200k_base) and the model it was counted for. */
  readonly workloadTokenizer?: TokenizerId;
  readonly workloadModel?: string;
  /** What the site needs of a model; rows carry core `checkCapabilities`' verdict and the page hides those that cannot do the job until "Show all". */
  readonly needs?: SiteNeeds;
  /** What the site assumed (its report's `rangeInputs`): every row then carries low/high, drawn as error bars. */
  readonly ranges?: RangeSpec;
  /** Other requests the site's unit of work sends (a graph cycle's other nodes each pass): priced on every row too. */
  readonly alsoSends?: CompareOptions['alsoSends'];
}

/** Open models priced in the self-hosted section: those of the cheapest API rows first. */
const MAX_SELF_HOSTED_MODELS = 6;
/** Configurations kept per model (cheapest $/M tokens first); the page pages through them. */
const MAX_ROWS_PER_MODEL = 12;

export function sourceOf(offering: Offering): OfferingSource {
  const p = offering.prices;
  return {
    source: offering.source,
    asOf: offering.asOf,
    pricesPerMillion: { input: p.input, output: p.output, cachedRead: p.cachedRead, cacheWrite: p.cacheWrite },
    ...(offering.batchDiscount !== undefined ? { batchDiscount: offering.batchDiscount } : {}),
    ...(offering.speed ? { speed: { source: offering.speed.source, asOf: offering.speed.asOf } } : {}),
  };
}

/** The lowest volume at which one deployment beats an API offering of the same model. */
function bestBreakEven(e: HardwareEstimate, sameModel: ReadonlySet<string>): Pick<SelfHostedView, 'breakEven' | 'breakEvenNote'> {
  let best: SelfHostedView['breakEven'];
  const own = e.breakEven.filter((b) => sameModel.has(b.offering));
  for (const b of own) {
    if (b.breakEvenTokensPerMonth !== null && (!best || b.breakEvenTokensPerMonth < best.tokensPerMonth)) {
      best = { tokensPerMonth: b.breakEvenTokensPerMonth, offering: b.offering };
    }
  }
  if (best) return { breakEven: best };
  if (own.length === 0) return { breakEvenNote: 'no API offering of this model to compare with' };
  return { breakEvenNote: own[0].note };
}

/** Break-even against the model the code uses now (its cheapest offering), when that is another model. */
function currentBreakEven(e: HardwareEstimate, current: string | undefined): Pick<SelfHostedView, 'breakEvenVsCurrent'> {
  const b = current ? e.breakEven.find((x) => x.offering === current) : undefined;
  if (!b) return {};
  return { breakEvenVsCurrent: { offering: b.offering, tokensPerMonth: b.breakEvenTokensPerMonth, note: b.note } };
}

function selfHostedView(e: HardwareEstimate, sameModel: ReadonlySet<string>, current: string | undefined): SelfHostedView {
  const basis = [
    `model: ${e.basis.model}`,
    `accelerator: ${e.basis.accelerator}`,
    e.basis.price ? `price: ${e.basis.price}` : 'price: none in the data (unpriced)',
    `engine: ${e.basis.engine}`,
    ...e.basis.assumptions,
    ...e.issues,
  ];
  return {
    id: `${e.model}@${e.accelerators}x${e.accelerator}/${e.precision}`,
    model: e.model,
    accelerator: e.accelerator,
    accelerators: e.accelerators,
    precision: e.precision,
    engine: e.engine,
    memory: { requiredGB: e.memory.requiredGB, availableGB: e.memory.availableGB },
    tokensPerSecond: { perUser: e.decodeTokensPerSecond.perUser, total: e.decodeTokensPerSecond.total },
    ttftMs: e.ttftMs,
    latencyMs: e.totalLatencyMs,
    // The price basis of `compare --self-hosted`: at the workload's volume, idle hours included.
    ...(selfHostedUsdPerMillion(e) !== undefined ? { usdPerMillionTokens: selfHostedUsdPerMillion(e) } : {}),
    ...(selfHostedMonthlyUsd(e) !== undefined ? { monthlyUsd: selfHostedMonthlyUsd(e) } : {}),
    ...bestBreakEven(e, sameModel),
    ...currentBreakEven(e, current),
    quality: e.quality.note,
    basis,
  };
}

export function buildCompareData(catalog: Catalog, workload: Workload, input: CompareInput): CompareData {
  const issues: string[] = [];
  const result = compareOfferings(catalog, workload, {
    ...(input.workloadTokenizer ? { workloadTokenizer: input.workloadTokenizer } : {}),
    ...(input.workloadModel ? { workloadModel: input.workloadModel } : {}),
    // With a site's needs every offering comes back marked, and the page's default view shows those that can
    // do the job ("Show all" the rest). Without needs, the rows are exactly `tokenomics compare`'s.
    ...(input.needs ? { needs: input.needs, showAll: true } : {}),
    ...(input.ranges ? { ranges: input.ranges } : {}),
    ...(input.alsoSends?.length ? { alsoSends: input.alsoSends } : {}),
  });
  const sources: Record<string, OfferingSource> = {};
  for (const row of result.rows) {
    const offering = findOffering(catalog, row.id);
    if (offering) sources[row.id] = sourceOf(offering);
  }
  // Rows are cheapest first: the first of the current model is its cheapest priced offering.
  const current = input.currentModel ? result.rows.find((r) => r.model === input.currentModel && r.perUnit.kind === 'priced') : undefined;
  const vsCurrent = current ? catalog.offerings.find((o) => o.id === current.id) : undefined;
  // The core's one self-hosted engine (as `compare --self-hosted`), with break-even also against the current model.
  const engine = selfHostedCandidates(catalog, result, { maxModels: MAX_SELF_HOSTED_MODELS, ...(vsCurrent ? { alsoAgainst: vsCurrent } : {}) });
  issues.push(...engine.issues);
  const selfHosted: SelfHostedView[] = engine.candidates.flatMap((c) =>
    c.estimates.slice(0, MAX_ROWS_PER_MODEL).map((e) => selfHostedView(e, new Set(c.sameModel), vsCurrent && vsCurrent.model !== c.api.model ? vsCurrent.id : undefined)),
  );
  if (result.rows.length === 0) issues.push('No catalog offering can serve this workload (none is priced, or the context is too large for every model).');
  return {
    label: input.label,
    ...(input.currentModel ? { currentModel: input.currentModel } : {}),
    ...(input.pinned ? { pinned: input.pinned } : {}),
    workload: result.workload,
    unit: result.unit,
    workloadTokenizer: result.workloadTokenizer,
    rows: result.rows,
    excluded: result.excluded,
    sources,
    selfHosted,
    ...(selfHosted.length > 0
      ? { selfHostedNote: "Deployments rented 24/7, priced at this workload's volume (idle hours included), as `tokenomics compare --self-hosted`; prices per accelerator-hour from the hardware data (see each row)." }
      : {}),
    catalog: { asOf: catalog.asOf, source: catalog.source },
    issues,
  };
}
