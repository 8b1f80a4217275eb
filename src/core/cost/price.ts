/**
 * The price of one model call, from an offering's per-million-token prices.
 *
 * Rules (each one is a decision a user can read back in docs/cost.md):
 * - Long-context tiers: the prompt size is fresh + cached read + cache write. The
 *   tier with the largest `aboveInputTokens` strictly below that size prices the
 *   WHOLE request (input and output), as Anthropic and Google bill it.
 *   A tier lists what changes; an input-side price it omits (cached read, cache
 *   write) scales with the tier's input price, an omitted output price stays the base one.
 * - Reasoning tokens are billed at the output price.
 * - Cached reads with no cached-read price: if the provider has no caching the
 *   tokens were never cached and are billed as fresh input; otherwise the call is
 *   unpriced (we do not know the discount, and guessing either way is wrong).
 * - Cache writes with no write price: automatic-caching and no-caching providers
 *   have no write premium, so writes are ordinary input; explicit-caching providers
 *   (Anthropic) or an unknown provider → unpriced.
 * - Batch: every component takes the offering's batch discount; an offering
 *   without one cannot be priced as batch (unpriced, "batch discount").
 * - Never $0 for something we cannot price: the result is `unpriced` with a list of
 *   what is missing.
 */
import { cachingModeOf } from '../catalog/caching';
import type { Offering, PriceTier, ProviderEntry, TokenPrices } from '../catalog/types';
import type { CallUsage, Price } from './types';
import { picoPerToken, pricedFromPico, scalePico, wholeTokens, type PicoBreakdown } from './money';

/** Prompt size that selects the long-context tier. */
export function promptTokens(usage: CallUsage): number {
  return usage.freshInput + usage.cachedRead + usage.cacheWrite;
}

/** The tier that applies to a prompt of `tokens`, if any: the highest threshold strictly below it. */
export function tierFor(tiers: readonly PriceTier[] | undefined, tokens: number): PriceTier | undefined {
  let chosen: PriceTier | undefined;
  for (const tier of tiers ?? []) {
    if (tokens > tier.aboveInputTokens && (!chosen || tier.aboveInputTokens > chosen.aboveInputTokens)) chosen = tier;
  }
  return chosen;
}

/** Base prices overlaid with a tier's, filling what the tier omits as described above. */
export function effectivePrices(base: TokenPrices, tier: PriceTier | undefined): TokenPrices {
  if (!tier) return base;
  const ratio = tier.input !== undefined && base.input ? tier.input / base.input : undefined;
  const scaled = (p: number | undefined) => (p !== undefined && ratio !== undefined ? p * ratio : undefined);
  return {
    input: tier.input ?? base.input,
    output: tier.output ?? base.output,
    cachedRead: tier.cachedRead ?? scaled(base.cachedRead),
    cacheWrite: tier.cacheWrite ?? scaled(base.cacheWrite),
    cacheWrite1h: tier.cacheWrite1h ?? scaled(base.cacheWrite1h),
  };
}

/** A count as billed: left out by a JavaScript caller → 0; not a count → reported in `invalid`. */
function count(value: number | undefined, field: string, invalid: string[]): number {
  const n = value ?? 0;
  if (!Number.isFinite(n) || n < 0) invalid.push(`valid ${field} token count (got ${n})`);
  return n;
}

/** Explicit field reads rather than a generic map: this runs once per simulated step, thousands of times per compare. */
function normalizeUsage(usage: CallUsage): { usage: CallUsage; invalid: string[] } {
  const invalid: string[] = [];
  const normalized: CallUsage = {
    freshInput: count(usage.freshInput, 'freshInput', invalid),
    cachedRead: count(usage.cachedRead, 'cachedRead', invalid),
    cacheWrite: count(usage.cacheWrite, 'cacheWrite', invalid),
    cacheWriteTtl: usage.cacheWriteTtl,
    output: count(usage.output, 'output', invalid),
    reasoning: count(usage.reasoning, 'reasoning', invalid),
    batch: usage.batch,
  };
  return { usage: normalized, invalid };
}

export function priceCall(offering: Offering | undefined, given: CallUsage, provider?: ProviderEntry): Price {
  if (!offering) return { kind: 'unpriced', missing: ['offering'] };
  const { usage, invalid } = normalizeUsage(given);
  if (invalid.length > 0) return { kind: 'unpriced', missing: invalid };

  const tier = tierFor(offering.tiers, promptTokens(usage));
  const prices = effectivePrices(offering.prices, tier);
  const mode = provider ? cachingModeOf(offering, provider) : undefined;
  const missing: string[] = [];
  const need = (what: string) => missing.push(`${what} (${offering.id})`);

  /** Pico-dollars for `tokens` at `price`; records what is missing when tokens need a price we lack. */
  const charge = (tokens: number, price: number | undefined, what: string): number => {
    const n = wholeTokens(tokens);
    if (n === 0) return 0;
    if (price === undefined || !Number.isFinite(price) || price < 0) {
      need(what);
      return 0;
    }
    return n * picoPerToken(price);
  };

  const cachedReadPrice = prices.cachedRead ?? (mode === 'none' ? prices.input : undefined);
  const writeListPrice = usage.cacheWriteTtl === '1h' ? prices.cacheWrite1h : prices.cacheWrite;
  const writePrice = writeListPrice ?? (mode === 'automatic' || mode === 'none' ? prices.input : undefined);

  let pico: PicoBreakdown = {
    freshInput: charge(usage.freshInput, prices.input, 'input price'),
    cachedRead: charge(usage.cachedRead, cachedReadPrice, 'cached-read price'),
    cacheWrite: charge(usage.cacheWrite, writePrice, usage.cacheWriteTtl === '1h' ? '1-hour cache-write price' : 'cache-write price'),
    output: charge(usage.output, prices.output, 'output price'),
    reasoning: charge(usage.reasoning, prices.output, 'output price'),
  };

  let batchDiscount: number | undefined;
  if (usage.batch) {
    const d = offering.batchDiscount;
    if (d === undefined || !(d >= 0 && d < 1)) need('batch discount');
    else {
      batchDiscount = d;
      const keep = 1 - d;
      pico = {
        freshInput: scalePico(pico.freshInput, keep),
        cachedRead: scalePico(pico.cachedRead, keep),
        cacheWrite: scalePico(pico.cacheWrite, keep),
        output: scalePico(pico.output, keep),
        reasoning: scalePico(pico.reasoning, keep),
      };
    }
  }

  if (missing.length > 0) return { kind: 'unpriced', missing: [...new Set(missing)] };
  return pricedFromPico(pico, { tierAboveInputTokens: tier?.aboveInputTokens, batchDiscount });
}
