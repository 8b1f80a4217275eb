/**
 * Exact money arithmetic. Prices are dollars per million tokens, so
 * `tokens × price` is in micro-dollars; holding the price as an integer number of
 * micro-dollars per million tokens (price × 10^6) makes `tokens × price` an exact
 * integer of pico-dollars (10^-12 $). Sums stay exact in BigInt and are turned into
 * a dollar figure once, at the end, by a single correctly rounded division — so no
 * figure ever shows binary float drift such as 0.30000000000000004.
 */
import type { CostBreakdown, Price } from './types';

/** Pico-dollars per dollar. */
const PICO_PER_USD = 1_000_000_000_000n;
/** Fixed-point scale for fractions (discounts, multipliers): parts per million. */
const PPM = 1_000_000n;

/** A list price in $/M as integer micro-dollars per million tokens (= pico-dollars per token). */
export function picoPerToken(usdPerMillion: number): bigint {
  return BigInt(Math.round(usdPerMillion * 1_000_000));
}

/** Whole tokens: counts converted by a tokenizer ratio can be fractional; providers bill whole tokens. */
export function wholeTokens(tokens: number): bigint {
  return BigInt(Math.max(0, Math.round(tokens)));
}

/** `amount × factor`, rounded half up to a whole pico-dollar; the factor is taken to 6 decimals. */
export function scalePico(amount: bigint, factor: number): bigint {
  const f = BigInt(Math.round(factor * 1_000_000));
  return (amount * f + PPM / 2n) / PPM;
}

export function picoToUsd(pico: bigint): number {
  // Split so the integer part stays exact even past 2^53 pico-dollars (~$9,007).
  const whole = pico / PICO_PER_USD;
  const rest = pico % PICO_PER_USD;
  return Number(whole) + Number(rest) / 1e12;
}

export function usdToPico(usd: number): bigint {
  return BigInt(Math.round(usd * 1e12));
}

/** Pico-dollar amounts per billed component; summed exactly, converted once. */
export interface PicoBreakdown {
  readonly freshInput: bigint;
  readonly cachedRead: bigint;
  readonly cacheWrite: bigint;
  readonly output: bigint;
  readonly reasoning: bigint;
}

export const ZERO_PICO: PicoBreakdown = { freshInput: 0n, cachedRead: 0n, cacheWrite: 0n, output: 0n, reasoning: 0n };

const COMPONENTS = ['freshInput', 'cachedRead', 'cacheWrite', 'output', 'reasoning'] as const;

export function totalPico(b: PicoBreakdown): bigint {
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
export function pricedFromPico(b: PicoBreakdown, extra?: { tierAboveInputTokens?: number; batchDiscount?: number }): Price {
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
 * read as cheaper than it is.
 */
export function sumPrices(prices: readonly Price[]): Price {
  const missing: string[] = [];
  let sum = ZERO_PICO;
  for (const p of prices) {
    if (p.kind === 'unpriced') {
      for (const m of p.missing) if (!missing.includes(m)) missing.push(m);
    } else {
      sum = addPico(sum, breakdownToPico(p.breakdown));
    }
  }
  return missing.length > 0 ? { kind: 'unpriced', missing } : pricedFromPico(sum);
}

/** A price times a count or factor (calls per month, a share), exact to a pico-dollar per component. */
export function scalePrice(price: Price, factor: number): Price {
  if (price.kind === 'unpriced') return price;
  const pico = breakdownToPico(price.breakdown);
  const scaled = Object.fromEntries(COMPONENTS.map((c) => [c, scalePico(pico[c], factor)])) as unknown as PicoBreakdown;
  return pricedFromPico(scaled, { tierAboveInputTokens: price.tierAboveInputTokens, batchDiscount: price.batchDiscount });
}
