/**
 * Every catalog offering that can serve a workload, priced with the same
 * simulation as a single estimate. An offering fits when its model's context
 * window holds the largest request of the workload (for loops: the last step).
 */
import { estimateWorkload } from '../agent/estimate';
import { priceWithRange, type RangeSpec } from '../agent/range';
import { scalePrice, sumPrices } from '../cost/money';
import { profileForTokenizer, ratioProfile } from '../tokenize';
import { catalogModel } from '../agent/lookup';
import type { Catalog, ModelEntry, Offering } from '../catalog/types';
import type { Workload } from '../workload';
import { checkCapabilities, needLabel, requiredNeeds, type CapabilityCheck } from './capability';
import { paretoFlags } from './pareto';
import { convertWorkload } from './tokens';
import type { CompareOptions, CompareResult, CompareRow, CompareSort, ExcludedOffering } from './types';

function keep(offering: Offering, model: ModelEntry, options: CompareOptions): boolean {
  const f = options.filter;
  if (!f) return true;
  if (f.providers && f.providers.length > 0 && !f.providers.includes(offering.provider)) return false;
  if (f.openWeight !== undefined && model.openWeight !== f.openWeight) return false;
  if (f.models && f.models.length > 0 && !f.models.includes(model.id)) return false;
  return true;
}

function rowFor(catalog: Catalog, offering: Offering, model: ModelEntry, workload: Workload, options: CompareOptions, capability: CapabilityCheck | undefined): CompareRow | ExcludedOffering {
  const from = { tokenizer: options.workloadTokenizer ?? 'o200k_base', model: options.workloadModel };
  const converted = convertWorkload(workload, from, model);
  const e = estimateWorkload(catalog, offering, converted.workload);
  if (e.overflowStep !== undefined) {
    return { id: offering.id, reason: 'context-window', maxContextTokens: e.maxContextTokens, contextWindow: e.contextWindow ?? model.contextWindow };
  }
  const own = options.ranges ? priceWithRange(catalog, offering, converted.workload, e.perUnit, convertedSpec(options.ranges, converted.ratio, converted.exact, model, converted.workload.inputTokens)) : e.perUnit;
  const perUnit = options.alsoSends?.length ? sumPrices([own, ...options.alsoSends.map((x) => scalePrice(estimateWorkload(catalog, offering, convertWorkload(x.workload, from, model).workload).perUnit, x.times))]) : own;
  return {
    kind: 'api',
    id: offering.id,
    provider: offering.provider,
    model: model.id,
    openWeight: model.openWeight,
    tokenizer: model.tokenizer,
    tokensExact: converted.exact,
    tokenRatio: converted.ratio,
    tokens: e.tokens,
    perUnit,
    monthly: perUnit === e.perUnit ? e.monthly : scalePrice(perUnit, e.unitsPerMonth),
    ttftMs: e.ttftMs,
    outputTokensPerSecond: e.outputTokensPerSecond,
    latencyMs: e.latencyMs,
    latencyBasis: e.latencyBasis,
    contextWindow: e.contextWindow ?? model.contextWindow,
    maxContextTokens: e.maxContextTokens,
    ...(e.agentTax !== undefined ? { agentTax: e.agentTax } : {}),
    pareto: false,
    ...(capability ? { capability } : {}),
    ...(e.agent.notes.length > 0 ? { notes: e.agent.notes } : {}),
  };
}

/** A range spec in the row's tokenizer: token figures scaled by the ratio; a converted count adds the ratio's own uncertainty. */
function convertedSpec(spec: RangeSpec, ratio: number, exact: boolean, model: ModelEntry, inputTokens: number): RangeSpec {
  if (ratio === 1 && exact) return spec;
  const u = spec.uncertain;
  const scale = (n: number) => Math.round(n * ratio);
  const uncertainty = exact ? 0 : (ratioProfile(profileForTokenizer(model.tokenizer))?.uncertainty ?? 0);
  return {
    ...spec,
    uncertain: {
      ...(u.output ? { output: { ...u.output, assumed: scale(u.output.assumed), ...(u.output.cap !== undefined ? { cap: scale(u.output.cap) } : {}) } } : {}),
      defaultPlaceholderTokens: scale(u.defaultPlaceholderTokens),
      // A converted count is ≈ as a whole: its first request's input is what may be off.
      approximateTokens: exact ? scale(u.approximateTokens) : inputTokens,
      approximateUncertainty: Math.max(u.approximateUncertainty, uncertainty),
    },
  };
}

const KEY: Record<CompareSort, (r: CompareRow) => number> = {
  cost: (r) => (r.perUnit.kind === 'priced' ? r.perUnit.usd : Infinity),
  latency: (r) => r.latencyMs,
  ttft: (r) => r.ttftMs,
  // Fastest first.
  speed: (r) => -r.outputTokensPerSecond,
};

/** Sorted by the key, unpriced rows last, ties broken by cost, latency and id so output is stable. */
export function sortRows(rows: readonly CompareRow[], sort: CompareSort): CompareRow[] {
  const priced = (r: CompareRow) => (r.perUnit.kind === 'priced' ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      priced(a) - priced(b) ||
      KEY[sort](a) - KEY[sort](b) ||
      KEY.cost(a) - KEY.cost(b) ||
      a.latencyMs - b.latencyMs ||
      a.id.localeCompare(b.id),
  );
}

/** The front among rows that can do the job: a row shown with `showAll` that cannot is never on it. */
function markPareto(rows: readonly CompareRow[]): CompareRow[] {
  const able = rows.filter((r) => !r.capability || r.capability.verdict === 'can');
  const flags = new Map(paretoFlags(able).map((flag, i) => [able[i], flag] as const));
  return rows.map((r) => {
    const flag = flags.get(r) ?? false;
    return r.pareto === flag ? r : { ...r, pareto: flag };
  });
}

export function compareOfferings(catalog: Catalog, workload: Workload, options: CompareOptions = {}): CompareResult {
  const sort = options.sort ?? 'cost';
  const rows: CompareRow[] = [];
  const excluded: ExcludedOffering[] = [];
  let hidden = 0;
  for (const offering of catalog.offerings) {
    const model = catalogModel(catalog, offering.model);
    if (!model) {
      excluded.push({ id: offering.id, reason: 'unknown-model' });
      continue;
    }
    if (!keep(offering, model, options)) continue;
    // Capabilities first: a cheap check that spares the simulation of offerings that cannot do the job.
    const check = checkCapabilities(model, offering, options.needs, { outputTokens: workload.outputTokens + workload.reasoningTokens });
    if (check.verdict !== 'can' && !options.showAll) {
      excluded.push({ id: offering.id, reason: 'capability', capability: check });
      hidden++;
      continue;
    }
    const r = rowFor(catalog, offering, model, workload, options, options.needs || check.verdict !== 'can' ? check : undefined);
    if ('reason' in r) excluded.push(r);
    else rows.push(r);
  }
  return {
    unit: workload.steps > 1 ? 'task' : 'call',
    workload,
    workloadTokenizer: options.workloadTokenizer ?? 'o200k_base',
    sort,
    rows: sortRows(markPareto(rows), sort),
    excluded,
    ...(options.needs || hidden > 0 || options.showAll
      ? { capabilityFilter: { needs: requiredNeeds(options.needs).map(needLabel), hidden, showAll: options.showAll === true } }
      : {}),
  };
}

/**
 * The seam for other row sources (the hardware layer's self-hosted options):
 * merge rows in, recompute the Pareto front over all of them and re-sort.
 */
export function withExtraRows(result: CompareResult, extra: readonly CompareRow[], note: string): CompareResult {
  if (extra.length === 0) return result;
  const all = markPareto([...result.rows, ...extra]);
  return { ...result, rows: sortRows(all, result.sort), selfHosted: { note, rowCount: extra.length } };
}
