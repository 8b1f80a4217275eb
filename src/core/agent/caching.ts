/**
 * Which input tokens of each step are fresh, read from the cache or written to it,
 * by the provider's caching rules (catalog `providers[].caching`).
 *
 * - automatic (OpenAI, DeepSeek, Google implicit, xAI, Groq…): the provider keeps
 *   the prefix of every prompt it has seen; a later prompt that starts with it
 *   reads it from the cache, if it is at least `minCacheableTokens` long, counted
 *   in `cacheIncrementTokens` steps above the minimum (OpenAI: 1024, then 128s).
 *   Usually no write premium: the first sending is ordinary input. Where the
 *   offering carries a cache-write price (OpenAI's GPT-5.6 family: 1.25× input),
 *   the part of a cacheable prompt not read from the cache is billed as written,
 *   on every request, a single call included: the provider caches it regardless.
 * - Per model: where a provider caches only the models it lists (Gemini implicit
 *   caching from 2.5 on; Groq's list), the offering's own `caching.mode` wins.
 * - unknown (a provider whose rules are not researched): no cache reads.
 * - explicit (Anthropic): the caller marks the end of the prompt as a cache
 *   breakpoint each step; the part not yet cached is written (billed at the
 *   write price for the TTL), what was written before is read. A single call
 *   (steps = 1) writes nothing: nothing would ever read it.
 * - none, or caching off, or no cached-read price: every input token is fresh.
 */
import { cachingModeOf } from '../catalog/caching';
import type { Catalog, Offering, ProviderEntry } from '../catalog/types';
import type { Workload } from '../workload';
import { catalogProvider } from './lookup';
import type { CachingApplied } from './types';

/** The split of one request's input. */
export interface InputSplit {
  readonly freshInput: number;
  readonly cachedRead: number;
  readonly cacheWrite: number;
}

export interface CachePolicy {
  readonly applied: CachingApplied;
  /** Split the input of a step given the tokens now in cache; returns the split and what the cache holds after. */
  split(input: number, cached: number, writes: boolean): { split: InputSplit; cachedAfter: number };
}

const ALL_FRESH: CachePolicy['split'] = (input) => ({
  split: { freshInput: input, cachedRead: 0, cacheWrite: 0 },
  cachedAfter: 0,
});

function off(reason: string, mode: CachingApplied['mode'] = 'off'): CachePolicy {
  return { applied: { mode, minCacheableTokens: 0, note: reason }, split: ALL_FRESH };
}

/** Longest cacheable length of a `prefix`, given the minimum and the increment. */
export function cacheableLength(prefix: number, minimum: number, increment: number | undefined): number {
  if (prefix <= 0 || prefix < minimum) return 0;
  if (!increment || increment <= 1) return prefix;
  return minimum + Math.floor((prefix - minimum) / increment) * increment;
}

export function findProviderOf(catalog: Catalog, offering: Offering): ProviderEntry | undefined {
  return catalogProvider(catalog, offering.provider);
}

export function cachePolicy(provider: ProviderEntry | undefined, offering: Offering, workload: Workload): CachePolicy {
  if (!workload.caching) return off('off (caching disabled for this workload)');
  if (!provider) return off(`not modelled: provider '${offering.provider}' has no caching rules in the catalog`);
  const rules = provider.caching;
  const mode = cachingModeOf(offering, provider);
  if (mode === 'unknown') return off(`not modelled: ${provider.name}'s prompt-caching rules are not in the catalog; all input priced as fresh (an upper bound)`);
  if (mode === 'none') {
    return off(offering.caching ? `none: ${offering.model} is not cached at ${provider.name} (${offering.caching.source})` : `none: ${provider.name} has no prompt caching`, 'none');
  }
  if (offering.prices.cachedRead === undefined) {
    return off(`not modelled: no cached-read price for ${offering.id}; all input priced as fresh (an upper bound)`);
  }
  const ttl = workload.cacheWriteTtl ?? '5m';
  // A model can have its own documented minimum (Claude Haiku 4.5: 4096, Gemini 2.5 Pro: 2048); it wins over the provider's.
  const min = Math.max(0, offering.minCacheableTokens ?? rules.minCacheableTokens);
  const minNote = offering.minCacheableTokens !== undefined ? ` (${offering.id}'s own minimum)` : '';
  const inc = rules.cacheIncrementTokens;

  if (mode === 'automatic') {
    const ratio = ratioText(offering.prices.cachedRead, offering.prices.input);
    const ttlWrite = ttl === '1h' ? offering.prices.cacheWrite1h ?? offering.prices.cacheWrite : offering.prices.cacheWrite;
    const premium = ttlWrite !== undefined && offering.prices.input !== undefined && ttlWrite > offering.prices.input;
    const perModel = offering.caching ? ` (${offering.model}: listed for implicit caching)` : '';
    return {
      applied: {
        mode: 'automatic',
        minCacheableTokens: min,
        ...(inc ? { incrementTokens: inc } : {}),
        note: `automatic (${provider.id})${perModel}: repeated prefix ≥ ${min} tokens${minNote}${inc ? ` in ${inc}-token steps` : ''} read at ${ratio}, ${premium ? `new prefix written at ${ratioText(ttlWrite, offering.prices.input)} (the offering's cache-write price)` : 'no write premium'}`,
      },
      split(input, cached) {
        const read = Math.min(cacheableLength(cached, min, inc), input);
        // The provider keeps this prompt's prefix for the next request; with a write price, the new part is billed as written.
        const written = premium && input >= min ? input - read : 0;
        return { split: { freshInput: input - read - written, cachedRead: read, cacheWrite: written }, cachedAfter: input >= min ? input : cached };
      },
    };
  }

  const writePrice = ttl === '1h' ? offering.prices.cacheWrite1h : offering.prices.cacheWrite;
  if (writePrice === undefined) {
    return off(`not modelled: no ${ttl === '1h' ? '1-hour ' : ''}cache-write price for ${offering.id}; all input priced as fresh`);
  }
  return {
    applied: {
      mode: 'explicit',
      minCacheableTokens: min,
      writeTtl: ttl,
      note: `explicit (${provider.id}): new context written at ${ratioText(writePrice, offering.prices.input)} (${ttl} TTL), cached prefix read at ${ratioText(offering.prices.cachedRead, offering.prices.input)}; prefixes under ${min} tokens${minNote} are not cached`,
    },
    split(input, cached, writes) {
      const read = cached >= min ? Math.min(cached, input) : 0;
      if (!writes || input < min) return { split: { freshInput: input - read, cachedRead: read, cacheWrite: 0 }, cachedAfter: cached };
      return { split: { freshInput: 0, cachedRead: read, cacheWrite: input - read }, cachedAfter: input };
    },
  };
}

function ratioText(price: number | undefined, input: number | undefined): string {
  if (price === undefined) return '?';
  if (!input) return `$${price}/M`;
  return `${Number((price / input).toFixed(3))}× input`;
}
