/**
 * Low / expected / high of a workload's price. The expected value is the workload as given; the
 * low and the high re-price it with each uncertain input at the low or the high end of its spread
 * (output length per call kind, capped by the code's max tokens; loop steps; tool-result sizes;
 * placeholders at the default size; ≈ token counts; cache hits). What is uncertain is stated by the
 * caller (the report knows which inputs were assumed); docs/cost.md ("Ranges") gives the figures
 * and their sources.
 */
import type { Catalog, Offering } from '../catalog/types';
import { withRange } from '../cost/money';
import type { Price } from '../cost/types';
import type { Workload } from '../workload';
import { estimateWorkload } from './estimate';

/** What a call's output length is, for its spread: a single request, or one step of an agent loop. */
export type OutputKind = 'call' | 'agent-step';

/**
 * Spread of the output length around the assumed length, as factors of it. Judgements anchored
 * on published traces (docs/cost.md cites them): chat answers are mostly shorter than the 500
 * tokens assumed (median about 130), with a long tail; agent steps are mostly short tool calls.
 */
export const OUTPUT_SPREAD: Readonly<Record<OutputKind, { readonly low: number; readonly high: number }>> = {
  call: { low: 0.25, high: 3 },
  'agent-step': { low: 0.1, high: 2 },
};

/** Spread of an assumed tool-result size and of a placeholder sized by the default (factors). */
export const SIZE_SPREAD = { low: 0.25, high: 4 } as const;

/** The inputs of one site that were assumed rather than read, collected while it is priced. */
export interface UncertainInputs {
  /** Set when the output length was assumed (no annotation): the assumed length, and the code's max tokens if any. */
  output?: { readonly kind: OutputKind; readonly assumed: number; readonly cap?: number };
  /** Input tokens of placeholders at the default size (no annotation, no setting). */
  defaultPlaceholderTokens: number;
  /** Input tokens counted by a calibrated ratio (≈), and the ratio's relative uncertainty. */
  approximateTokens: number;
  approximateUncertainty: number;
}

export function noUncertainty(): UncertainInputs {
  return { defaultPlaceholderTokens: 0, approximateTokens: 0, approximateUncertainty: 0 };
}

export interface RangeSpec {
  readonly uncertain: UncertainInputs;
  /** Set for loops: the tool-result size was assumed. */
  readonly toolResultAssumed?: boolean;
  /** Set for loops: where the step count can go. */
  readonly steps?: { readonly low: number; readonly high: number };
}

/** The two workloads that bound a site: every uncertain input at its low end, then at its high end. */
export function boundingWorkloads(w: Workload, spec: RangeSpec): { readonly low: Workload; readonly high: Workload } {
  const u = spec.uncertain;
  const inputSwing = (end: 'low' | 'high'): number => {
    const sign = end === 'low' ? -1 : 1;
    const placeholders = u.defaultPlaceholderTokens * ((end === 'low' ? SIZE_SPREAD.low : SIZE_SPREAD.high) - 1);
    return placeholders + sign * u.approximateTokens * u.approximateUncertainty;
  };
  const output = (end: 'low' | 'high'): number => {
    if (!u.output) return w.outputTokens;
    const spread = OUTPUT_SPREAD[u.output.kind];
    // The spread is around the assumed length, then capped: a cap under the assumed length is the high.
    const value = Math.round(u.output.assumed * (end === 'low' ? spread.low : spread.high));
    return Math.min(value, u.output.cap ?? Infinity);
  };
  const tool = (end: 'low' | 'high'): number => (spec.toolResultAssumed ? Math.round(w.toolResultTokens * (end === 'low' ? SIZE_SPREAD.low : SIZE_SPREAD.high)) : w.toolResultTokens);
  const bound = (end: 'low' | 'high'): Workload => ({
    ...w,
    inputTokens: Math.max(0, Math.round(w.inputTokens + inputSwing(end))),
    outputTokens: output(end),
    toolResultTokens: tool(end),
    steps: spec.steps ? spec.steps[end] : w.steps,
  });
  return { low: bound('low'), high: bound('high') };
}

/**
 * The expected price with its range. Cache hits: the low keeps the simulation's reads, the high
 * is the larger of the same loop with and without them (a miss on every step is the worst case;
 * with explicit caching a miss-free run can cost more in writes on short loops).
 */
export function priceWithRange(catalog: Catalog, offering: Offering, w: Workload, expected: Price, spec: RangeSpec): Price {
  if (expected.kind !== 'priced') return expected;
  const { low, high } = boundingWorkloads(w, spec);
  const cost = (x: Workload): number | undefined => boundCost(catalog, offering, x);
  const highs = [cost(high)];
  if (w.caching && Math.max(w.steps, high.steps) > 1) highs.push(cost({ ...high, caching: false }));
  const known = highs.filter((x): x is number => x !== undefined);
  // A bound that cannot be priced (its request overflows the window at step 1) leaves that side at the expected value.
  return withRange(expected, cost(low), known.length ? Math.max(...known) : undefined);
}

/**
 * Bounds priced before, by catalog, offering and workload: a scan prices the same bounding
 * workloads again and again (default sizes, assumed steps), each a whole loop simulation. The
 * simulation is pure, so a bound is simulated once; the cache is dropped when it grows large.
 */
const boundCosts = new WeakMap<Catalog, WeakMap<Offering, Map<string, number | undefined>>>();
const MAX_BOUNDS_PER_OFFERING = 4096;

function boundCost(catalog: Catalog, offering: Offering, w: Workload): number | undefined {
  let byOffering = boundCosts.get(catalog);
  if (!byOffering) boundCosts.set(catalog, (byOffering = new WeakMap()));
  let costs = byOffering.get(offering);
  if (!costs) byOffering.set(offering, (costs = new Map()));
  const key = `${w.inputTokens},${w.cachedInputTokens},${w.outputTokens},${w.reasoningTokens},${w.steps},${w.toolResultTokens},${w.caching},${w.cacheWriteTtl},${w.batch},${w.stepsAssumed},${w.callsPerDay}`;
  if (costs.has(key)) return costs.get(key);
  const p = estimateWorkload(catalog, offering, w).perUnit;
  const usd = p.kind === 'priced' ? p.usd : undefined;
  if (costs.size >= MAX_BOUNDS_PER_OFFERING) costs.clear();
  costs.set(key, usd);
  return usd;
}

/** Whether anything in the spec can move the price. */
export function hasUncertainty(spec: RangeSpec): boolean {
  const u = spec.uncertain;
  return Boolean(u.output || u.defaultPlaceholderTokens > 0 || u.approximateTokens * u.approximateUncertainty > 0 || spec.toolResultAssumed || (spec.steps && spec.steps.low !== spec.steps.high));
}
