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
 * - branch alternatives: the site could run on any of them;
 * - a guessed model (the repository's default, repo/repository-default.ts): the site could run on any
 *   of the plausible models (the repository's other models of that vendor and the vendor default).
 *
 * Inputs the code or an annotation fixes do not move. The figures and their sources are in
 * docs/cost.md ("Ranges").
 */
import { withRange } from '../cost';
import type { Price } from '../cost/types';
import { type UncertainInputs, SIZE_SPREAD } from '../agent/range';
import type { LoopSteps } from './loop-steps';
import type { CallReport } from './types';

export { OUTPUT_SPREAD, SIZE_SPREAD, boundingWorkloads, hasUncertainty, noUncertainty, priceWithRange, type OutputKind, type RangeSpec, type UncertainInputs } from '../agent/range';

/** Where a loop bounded at N steps typically finishes: this share of N (a judgement). */
export const TYPICAL_FINISH = 0.4;

/** The stated high of a loop nothing bounds: this many times the assumed step count. */
export const UNBOUNDED_HIGH_FACTOR = 4;

/** The step range of a loop, from how its step count was set. */
export function stepRange(steps: LoopSteps, pricedSteps: number): { readonly low: number; readonly high: number } {
  const own = ownStepRange(steps, pricedSteps);
  // Another branch that builds the same agent runs its own number of steps: the range spans them too.
  return (steps.alternatives ?? []).reduce((r, alt) => {
    const other = ownStepRange({ steps: alt.steps, stepsFrom: 'code', bounded: alt.bounded }, alt.steps);
    const high = alt.bounded ? other.high : alt.steps * UNBOUNDED_HIGH_FACTOR;
    return { low: Math.min(r.low, other.low), high: Math.max(r.high, high) };
  }, own);
}

function ownStepRange(steps: LoopSteps, pricedSteps: number): { readonly low: number; readonly high: number } {
  if (steps.stepsFrom === 'annotation') return { low: pricedSteps, high: pricedSteps };
  const low = Math.max(1, Math.ceil(pricedSteps * TYPICAL_FINISH));
  if (steps.stepsFrom === 'assumed') {
    // A framework's hard limit above the assumed count is where the task can run to; with none, the stated high.
    const high = steps.limit ?? (steps.bounded ? pricedSteps : pricedSteps * UNBOUNDED_HIGH_FACTOR);
    return { low, high: Math.max(pricedSteps, high) };
  }
  return { low, high: pricedSteps };
}

/** The other models a site could run on: its branch alternatives and, for a guessed model, the plausible ones. */
export function rangeModels(call: Pick<CallReport, 'alternatives' | 'plausibleModels'>): readonly { readonly costPerUnit: Price }[] {
  if (!call.plausibleModels?.length) return call.alternatives ?? [];
  return [...(call.alternatives ?? []), ...call.plausibleModels];
}

/** A site on one of several mutually exclusive branches (or priced on a guess) could cost what any of them costs. */
export function widenWithAlternatives(price: Price, alternatives: readonly { readonly costPerUnit: Price }[] | undefined): Price {
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

/**
 * A loop whose call has branch alternatives: each branch runs the whole task on its model. The
 * task on another branch is taken as the priced task scaled by that branch's per-call price over the
 * priced call's (an approximation: the branches' caching rules and windows may differ).
 */
export function widenTaskWithAlternatives(task: Price, call: Pick<CallReport, 'costPerCall' | 'alternatives' | 'plausibleModels'> | undefined): Price {
  const base = call?.costPerCall;
  const others = call ? rangeModels(call) : [];
  if (task.kind !== 'priced' || !others.length || base?.kind !== 'priced' || !(base.usd > 0)) return task;
  const ratios = others.flatMap((a) => (a.costPerUnit.kind === 'priced' ? [a.costPerUnit.usd / base.usd] : []));
  if (!ratios.length) return task;
  const low = task.low ?? task.usd;
  const high = task.high ?? task.usd;
  return withRange(task, Math.min(low, low * Math.min(...ratios)), Math.max(high, high * Math.max(...ratios)));
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
