/**
 * Exact money arithmetic. Prices are dollars per million tokens, so
 * `tokens × price` is in micro-dollars; holding the price as an integer number of
 * micro-dollars per million tokens (price × 10^6) makes `tokens × price` an exact
 * integer of pico-dollars (10^-12 $). Integers are exact in a double up to 2^53
 * pico-dollars (~$9,007), and amounts in whole cents stay exact far beyond that,
 * so sums are exact integer additions turned into dollars once, at the end, by a
 * single correctly rounded division: no figure shows float drift such as
 * 0.30000000000000004. (Plain numbers rather than BigInt: an agent-loop compare
 * prices thousands of steps per hover, and BigInt allocation dominated its time.)
 */
import type { CostBreakdown, Price } from './types';

/** Pico-dollars per dollar. */
const PICO_PER_USD = 1e12;

/** A list price in $/M as integer micro-dollars per million tokens (= pico-dollars per token). */
export function picoPerToken(usdPerMillion: number): number {
  return Math.round(usdPerMillion * 1_000_000);
}

/** Whole tokens: counts converted by a tokenizer ratio can be fractional; providers bill whole tokens. */
export function wholeTokens(tokens: number): number {
  return Math.max(0, Math.round(tokens));
}

/** `amount × factor`, rounded to a whole pico-dollar. */
export function scalePico(amount: number, factor: number): number {
  return Math.round(amount * factor);
}

export function picoToUsd(pico: number): number {
  return pico / PICO_PER_USD;
}

export function usdToPico(usd: number): number {
  return Math.round(usd * PICO_PER_USD);
}

/** Pico-dollar amounts per billed component; summed exactly, converted once. */
export interface PicoBreakdown {
  readonly freshInput: number;
  readonly cachedRead: number;
  readonly cacheWrite: number;
  readonly output: number;
  readonly reasoning: number;
}

export const ZERO_PICO: PicoBreakdown = { freshInput: 0, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 };

const COMPONENTS = ['freshInput', 'cachedRead', 'cacheWrite', 'output', 'reasoning'] as const;

export function totalPico(b: PicoBreakdown): number {
  return b.freshInput + b.cachedRead + b.cacheWrite + b.output + b.reasoning;
}

export function addPico(a: PicoBreakdown, b: PicoBreakdown): PicoBreakdown {
  return {
    freshInput: a.freshInput + b.freshInput,
    cachedRead: a.cachedRead + b.cachedRead,
    cacheWrite: a.cacheWrite + b.cacheWrite,
    output: a.output + b.output,
    reasoning: a.reasoning + b.reasoning,
  };
}

export function breakdownToUsd(b: PicoBreakdown): CostBreakdown {
  return {
    freshInput: picoToUsd(b.freshInput),
    cachedRead: picoToUsd(b.cachedRead),
    cacheWrite: picoToUsd(b.cacheWrite),
    output: picoToUsd(b.output),
    reasoning: picoToUsd(b.reasoning),
  };
}

export function breakdownToPico(b: CostBreakdown): PicoBreakdown {
  return {
    freshInput: usdToPico(b.freshInput),
    cachedRead: usdToPico(b.cachedRead),
    cacheWrite: usdToPico(b.cacheWrite),
    output: usdToPico(b.output),
    reasoning: usdToPico(b.reasoning),
  };
}

/** A priced `Price` from exact components. */
export function pricedFromPico(b: PicoBreakdown, extra?: { tierAboveInputTokens?: number; batchDiscount?: number }): Extract<Price, { kind: 'priced' }> {
  return {
    kind: 'priced',
    usd: picoToUsd(totalPico(b)),
    breakdown: breakdownToUsd(b),
    ...(extra?.tierAboveInputTokens !== undefined ? { tierAboveInputTokens: extra.tierAboveInputTokens } : {}),
    ...(extra?.batchDiscount !== undefined ? { batchDiscount: extra.batchDiscount } : {}),
  };
}

/**
 * The sum of several prices, exact. Any unpriced part makes the sum unpriced and
 * names everything missing (deduplicated): a total that silently skips a part would
 * read as cheaper than it is. Ranges add up too: the low is the sum of the lows and the
 * high the sum of the highs (a part without a range adds its expected value to both);
 * docs/cost.md says why summing the bounds is the right combination here.
 */
export function sumPrices(prices: readonly Price[]): Price {
  const missing: string[] = [];
  let sum = ZERO_PICO;
  let low = 0;
  let high = 0;
  let ranged = false;
  for (const p of prices) {
    if (p.kind === 'unpriced') {
      for (const m of p.missing) if (!missing.includes(m)) missing.push(m);
    } else {
      const pico = breakdownToPico(p.breakdown);
      sum = addPico(sum, pico);
      const expected = totalPico(pico);
      if (p.low !== undefined || p.high !== undefined) ranged = true;
      low += p.low !== undefined ? usdToPico(p.low) : expected;
      high += p.high !== undefined ? usdToPico(p.high) : expected;
    }
  }
  if (missing.length > 0) return { kind: 'unpriced', missing };
  const total = pricedFromPico(sum);
  return ranged ? withRangePico(total, low, high) : total;
}

/** A price times a count or factor (calls per month, a share), exact to a pico-dollar per component; its range scales with it. */
export function scalePrice(price: Price, factor: number): Price {
  if (price.kind === 'unpriced') return price;
  const pico = breakdownToPico(price.breakdown);
  const scaled = Object.fromEntries(COMPONENTS.map((c) => [c, scalePico(pico[c], factor)])) as unknown as PicoBreakdown;
  const out = pricedFromPico(scaled, { tierAboveInputTokens: price.tierAboveInputTokens, batchDiscount: price.batchDiscount });
  if (price.low === undefined && price.high === undefined) return out;
  const expected = totalPico(scaled);
  return withRangePico(out, price.low !== undefined ? scalePico(usdToPico(price.low), factor) : expected, price.high !== undefined ? scalePico(usdToPico(price.high), factor) : expected);
}

/**
 * A priced figure with the range it could swing over (`low ≤ usd ≤ high`, in dollars). The bounds
 * are widened to hold the expected value; a range that collapses onto it is left out, so a
 * figure every input of which came from code carries none.
 */
export function withRange(price: Price, low: number | undefined, high: number | undefined): Price {
  if (price.kind === 'unpriced') return price;
  const expected = usdToPico(price.usd);
  return withRangePico(price, low !== undefined && Number.isFinite(low) ? usdToPico(low) : expected, high !== undefined && Number.isFinite(high) ? usdToPico(high) : expected);
}

type PricedPrice = Extract<Price, { kind: 'priced' }>;

function withRangePico(price: PricedPrice, lowPico: number, highPico: number): Price {
  const expected = usdToPico(price.usd);
  const lo = Math.min(lowPico, expected);
  const hi = Math.max(highPico, expected);
  const rest: Price = {
    kind: 'priced',
    usd: price.usd,
    breakdown: price.breakdown,
    ...(price.tierAboveInputTokens !== undefined ? { tierAboveInputTokens: price.tierAboveInputTokens } : {}),
    ...(price.batchDiscount !== undefined ? { batchDiscount: price.batchDiscount } : {}),
  };
  if (lo === expected && hi === expected) return rest;
  return { ...rest, low: picoToUsd(lo), high: picoToUsd(hi) };
}
