/**
 * Low / expected / high for every priced site. The expected value is the figure the core has
 * always priced (the stated assumptions); the low and the high re-price the same site with each
 * uncertain input at the low or the high end of its spread:
 *
 * - output length, when assumed: a spread per call kind around the assumed length, capped by the
 *   code's max tokens;
 * - loop steps: from the typical finish to the cap; for an unbounded loop, a stated high;
 * - tool-result sizes and placeholders sized by the default;
 * - ≈ token counts of families whose tokenizer we do not ship (the ratio profile's uncertainty);
 * - cache hits: the simulation assumes every cacheable prefix is read back; the high assumes none is;
 * - branch alternatives: the site could run on any of them.
 *
 * Inputs the code or an annotation fixes do not move. The figures and their sources are in
 * docs/cost.md ("Ranges").
 */
import { estimateWorkload } from '../agent';
import type { Catalog, Offering } from '../catalog/types';
import { withRange } from '../cost';
import type { Price } from '../cost/types';
import type { Workload } from '../workload';
import type { LoopSteps } from './loop-steps';
import type { SiteAlternative } from './types';

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

/** Where a loop bounded at N steps typically finishes: this share of N (a judgement). */
export const TYPICAL_FINISH = 0.4;

/** The stated high of a loop nothing bounds: this many times the assumed step count. */
export const UNBOUNDED_HIGH_FACTOR = 4;

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

/** The step range of a loop, from how its step count was set. */
export function stepRange(steps: LoopSteps, pricedSteps: number): { readonly low: number; readonly high: number } {
  if (steps.stepsFrom === 'annotation') return { low: pricedSteps, high: pricedSteps };
  const low = Math.max(1, Math.ceil(pricedSteps * TYPICAL_FINISH));
  if (steps.stepsFrom === 'assumed') {
    // A framework's hard limit above the assumed count is where the task can run to; with none, the stated high.
    const high = steps.limit ?? (steps.bounded ? pricedSteps : pricedSteps * UNBOUNDED_HIGH_FACTOR);
    return { low, high: Math.max(pricedSteps, high) };
  }
  return { low, high: pricedSteps };
}

interface RangeSpec {
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
  const cost = (x: Workload): number | undefined => {
    const p = estimateWorkload(catalog, offering, x).perUnit;
    return p.kind === 'priced' ? p.usd : undefined;
  };
  const highs = [cost(high)];
  if (w.caching && Math.max(w.steps, high.steps) > 1) highs.push(cost({ ...high, caching: false }));
  const known = highs.filter((x): x is number => x !== undefined);
  // A bound that cannot be priced (its request overflows the window at step 1) leaves that side at the expected value.
  return withRange(expected, cost(low), known.length ? Math.max(...known) : undefined);
}

/** A site on one of several mutually exclusive branches could cost what any of them costs. */
export function widenWithAlternatives(price: Price, alternatives: readonly SiteAlternative[] | undefined): Price {
  if (price.kind !== 'priced' || !alternatives?.length) return price;
  let low = price.low ?? price.usd;
  let high = price.high ?? price.usd;
  for (const alt of alternatives) {
    const p = alt.costPerUnit;
    if (p.kind !== 'priced') continue;
    low = Math.min(low, p.low ?? p.usd);
    high = Math.max(high, p.high ?? p.usd);
  }
  return withRange(price, low, high);
}

/** A price of `tokens` input tokens whose count may be off by `swingLow`/`swingHigh` tokens (prompts, instruction files). */
export function inputOnlyRange(expected: Price, tokens: number, swing: { readonly low: number; readonly high: number }, price: (tokens: number) => Price): Price {
  if (expected.kind !== 'priced' || (swing.low === 0 && swing.high === 0)) return expected;
  const at = (n: number): number | undefined => {
    const p = price(Math.max(0, Math.round(n)));
    return p.kind === 'priced' ? p.usd : undefined;
  };
  return withRange(expected, at(tokens - swing.low), at(tokens + swing.high));
}

/** How far a prompt's token count can swing: its ≈ share and its default-sized placeholders. */
export function promptSwing(literalTokens: number, uncertainty: number, defaultPlaceholderTokens: number): { readonly low: number; readonly high: number } {
  const approx = literalTokens * uncertainty;
  return { low: approx + defaultPlaceholderTokens * (1 - SIZE_SPREAD.low), high: approx + defaultPlaceholderTokens * (SIZE_SPREAD.high - 1) };
}
