/**
 * `countTokens`: exact counts for OpenAI encodings, calibrated approximations for other families.
 * Never throws: a non-string text counts as empty, an unknown tokenizer id as `other`.
 */
import type { TokenizerId } from '../catalog/types';
import type { TokenCount } from './types';
import { encodingCounter, type ExactEncoding } from './encodings';
import { CountCache } from './count-cache';
import {
  blendedRatio,
  isRatioProfileId,
  profileForTokenizer,
  ratioProfile,
  type RatioProfileId,
} from './approximate';

// 256 texts or 4 M characters (~8 MB of UTF-16), whichever is reached first; texts under 64
// characters are counted again rather than cached.
const caches: Record<ExactEncoding, CountCache> = {
  o200k_base: new CountCache(256, 4_000_000, 64),
  cl100k_base: new CountCache(256, 4_000_000, 64),
};

export function isExactTokenizer(tokenizer: string): tokenizer is ExactEncoding {
  return tokenizer === 'o200k_base' || tokenizer === 'cl100k_base';
}

/** Exact token count under an OpenAI encoding, special-token spellings counted as plain text. */
export function countExact(text: string, encoding: ExactEncoding): number {
  const cache = caches[encoding];
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const count = encodingCounter(encoding).count(text);
  cache.set(text, count);
  return count;
}

/** Tokens of `text` under `tokenizer`, with how the number was made. */
export function countTokens(text: string, tokenizer: TokenizerId): TokenCount {
  const safeText = typeof text === 'string' ? text : '';
  if (isExactTokenizer(tokenizer)) {
    return {
      tokens: countExact(safeText, tokenizer),
      exact: true,
      tokenizer,
      basis: `exact, js-tiktoken ${tokenizer} ranks`,
    };
  }
  const known = typeof tokenizer === 'string' && tokenizer.length > 0 ? tokenizer : 'other';
  return countApproximate(safeText, profileForTokenizer(known), known);
}

/**
 * Approximate count with an explicit ratio profile (e.g. `claude-opus-4.7`, whose tokenizer differs
 * from earlier Claude models while sharing the `claude` tokenizer id).
 */
export function countApproximate(text: string, profileId: RatioProfileId, tokenizer: TokenizerId): TokenCount {
  const id = isRatioProfileId(profileId) ? profileId : 'other';
  const profile = ratioProfile(id);
  const safeText = typeof text === 'string' ? text : '';
  const base = countExact(safeText, 'o200k_base');
  const ratio = blendedRatio(profile, safeText);
  return {
    tokens: Math.round(base * ratio),
    exact: false,
    tokenizer,
    uncertainty: profile.uncertainty,
    basis:
      `≈ o200k_base × ${ratio.toFixed(2)} (${profile.label}: ${profile.method} ratio ` +
      `${profile.prose} prose / ${profile.code} code, ±${Math.round(profile.uncertainty * 100)}%, as of ${profile.asOf})`,
  };
}

/** Empties the count caches (tests, memory pressure). */
export function clearTokenCountCache(): void {
  caches.o200k_base.clear();
  caches.cl100k_base.clear();
}

export function tokenCountCacheStats(): Record<ExactEncoding, { size: number; hits: number; misses: number }> {
  const stats = (c: CountCache) => ({ size: c.size, hits: c.hits, misses: c.misses });
  return { o200k_base: stats(caches.o200k_base), cl100k_base: stats(caches.cl100k_base) };
}
