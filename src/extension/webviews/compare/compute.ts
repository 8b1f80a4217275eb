/**
 * The Compare Providers panel's data, computed on the host with the same core
 * functions as `tokenomics compare` (`compareOfferings`) and `tokenomics
 * hardware` (`selfHostedOptions`). Pure: no vscode, so the agreement test with
 * the CLI and the page tests can call it in plain Node.
 */
import type { Catalog, Offering, TokenizerId } from '../../../core/catalog/types';
import { compareOfferings } from '../../../core/compare';
import type { CompareRow } from '../../../core/compare/types';
import { selfHostedOptions, type HardwareEstimate } from '../../../core/hardware';
import type { Workload } from '../../../core/workload';
import { findOffering } from '../../../core/catalog';
import type { SiteNeeds } from '../../../core/report/types';
import type { CompareData, OfferingSource, SelfHostedView } from '../../../webview/protocol/compare';

export interface CompareInput {
  readonly label: string;
  readonly currentModel?: string;
  /** Tokenizer the workload was counted in (default o200k_base) and the model it was counted for. */
  readonly workloadTokenizer?: TokenizerId;
  readonly workloadModel?: string;
  /** What the site needs of a model; rows carry core `checkCapabilities`' verdict and the page hides those that cannot do the job until "Show all". */
  readonly needs?: SiteNeeds;
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

/**
 * The open-weight models to price self-hosted, in the order of the (cheapest-first) API rows,
 * each with the API row that says how many tokens one request carries in that model's tokenizer.
 */
function selfHostedModels(rows: readonly CompareRow[]): CompareRow[] {
  const seen = new Set<string>();
  const out: CompareRow[] = [];
  for (const r of rows) {
    if (r.kind !== 'api' || !r.openWeight || seen.has(r.model)) continue;
    seen.add(r.model);
    out.push(r);
  }
  return out;
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
    ...(e.usdPerMillionTokens !== undefined ? { usdPerMillionTokens: e.usdPerMillionTokens } : {}),
    ...(e.monthlyUsd !== undefined ? { monthlyUsd: e.monthlyUsd } : {}),
    ...bestBreakEven(e, sameModel),
    ...currentBreakEven(e, current),
    quality: e.quality.note,
    basis,
  };
}

/**
 * One request of the workload in the model's own tokens: the API row's totals spread over the
 * steps (a loop's requests grow; the hardware model takes their average), as `compare --self-hosted` does.
 */
function perRequest(row: CompareRow, workload: Workload) {
  const steps = Math.max(1, workload.steps);
  return {
    inputTokens: Math.round(row.tokens.input / steps),
    outputTokens: Math.round(row.tokens.output / steps),
    reasoningTokens: Math.round(row.tokens.reasoning / steps),
    callsPerDay: workload.callsPerDay,
    steps,
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
  });
  const sources: Record<string, OfferingSource> = {};
  for (const row of result.rows) {
    const offering = findOffering(catalog, row.id);
    if (offering) sources[row.id] = sourceOf(offering);
  }
  const selfHosted: SelfHostedView[] = [];
  // Rows are cheapest first: the first of the current model is its cheapest priced offering.
  const current = input.currentModel ? result.rows.find((r) => r.model === input.currentModel && r.perUnit.kind === 'priced') : undefined;
  let models = 0;
  for (const row of selfHostedModels(result.rows)) {
    if (models >= MAX_SELF_HOSTED_MODELS) break;
    // The catalog links a model to its architecture in the hardware data (ids may differ).
    const architecture = catalog.models.find((m) => m.id === row.model)?.architecture ?? row.model;
    const offerings = catalog.offerings.filter((o) => o.model === row.model);
    const sameModel = new Set(offerings.map((o) => o.id));
    // Also against the current model's cheapest offering: "when does self-hosting this beat what the code uses?"
    const vsCurrent = current && current.model !== row.model ? catalog.offerings.find((o) => o.id === current.id) : undefined;
    const options = selfHostedOptions(architecture, perRequest(row, workload), { offerings: vsCurrent ? [...offerings, vsCurrent] : offerings });
    if (!options.known) continue; // an open model without architecture data
    models++;
    issues.push(...options.issues);
    selfHosted.push(...options.rows.slice(0, MAX_ROWS_PER_MODEL).map((e) => selfHostedView(e, sameModel, vsCurrent?.id)));
  }
  if (result.rows.length === 0) issues.push('No catalog offering can serve this workload (none is priced, or the context is too large for every model).');
  return {
    label: input.label,
    ...(input.currentModel ? { currentModel: input.currentModel } : {}),
    workload: result.workload,
    unit: result.unit,
    workloadTokenizer: result.workloadTokenizer,
    rows: result.rows,
    excluded: result.excluded,
    sources,
    selfHosted,
    ...(selfHosted.length > 0
      ? { selfHostedNote: 'One deployment rented 24/7 at the stated utilization; prices per accelerator-hour from the hardware data (see each row).' }
      : {}),
    catalog: { asOf: catalog.asOf, source: catalog.source },
    issues,
  };
}
