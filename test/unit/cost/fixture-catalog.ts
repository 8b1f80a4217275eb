/**
 * A small hand-written catalog for cost, agent, compare and CLI tests, so that no
 * expectation depends on the bundled (live) prices. Prices are $ per million tokens.
 */
import type { Catalog, ModelEntry, Offering, ProviderEntry } from '../../../src/core/catalog/types';

const P = { source: 'test fixture', asOf: '2026-01-01' };

function model(id: string, vendor: string, tokenizer: ModelEntry['tokenizer'], contextWindow: number, extra: Partial<ModelEntry> = {}): ModelEntry {
  return { ...P, id, name: id, vendor, family: vendor, tokenizer, aliases: [], contextWindow, reasoning: false, openWeight: false, ...extra };
}

export const anthropic: ProviderEntry = {
  ...P,
  id: 'anthropic',
  name: 'Anthropic',
  caching: { ...P, mode: 'explicit', minCacheableTokens: 1024, ttlSeconds: 300 },
};
export const openai: ProviderEntry = {
  ...P,
  id: 'openai',
  name: 'OpenAI',
  caching: { ...P, mode: 'automatic', minCacheableTokens: 1024, cacheIncrementTokens: 128 },
};
export const google: ProviderEntry = { ...P, id: 'google', name: 'Google', caching: { ...P, mode: 'automatic', minCacheableTokens: 1024 } };
export const together: ProviderEntry = { ...P, id: 'together', name: 'Together', caching: { ...P, mode: 'none', minCacheableTokens: 0 } };
export const mystery: ProviderEntry = { ...P, id: 'mystery', name: 'Mystery', caching: { ...P, mode: 'automatic', minCacheableTokens: 0 } };

export const sonnet: Offering = {
  ...P,
  id: 'anthropic/claude-sonnet-4-5',
  provider: 'anthropic',
  model: 'claude-sonnet-4-5',
  prices: { input: 3, output: 15, cachedRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 },
  tiers: [{ aboveInputTokens: 200_000, input: 6, output: 22.5, cachedRead: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 }],
  batchDiscount: 0.5,
  speed: { ...P, ttftMs: 1000, outputTokensPerSecond: 50, prefillTokensPerSecond: 20_000 },
};
export const gpt41: Offering = {
  ...P,
  id: 'openai/gpt-4.1',
  provider: 'openai',
  model: 'gpt-4.1',
  prices: { input: 2, output: 8, cachedRead: 0.5 },
  batchDiscount: 0.5,
  speed: { ...P, ttftMs: 500, outputTokensPerSecond: 100, prefillTokensPerSecond: 20_000 },
};
export const flash: Offering = {
  ...P,
  id: 'google/gemini-2.5-flash',
  provider: 'google',
  model: 'gemini-2.5-flash',
  prices: { input: 0.3, output: 2.5, cachedRead: 0.03 },
  speed: { ...P, ttftMs: 400, outputTokensPerSecond: 200 },
};
export const llamaTogether: Offering = {
  ...P,
  id: 'together/llama-3.3-70b',
  provider: 'together',
  model: 'llama-3.3-70b',
  prices: { input: 0.88, output: 0.88 },
};
/** A priced model with a 3,000-token window, for overflow cases. */
export const tiny: Offering = { ...P, id: 'mystery/tiny-model', provider: 'mystery', model: 'tiny-model', prices: { input: 1, output: 2 } };
/** An offering with no prices at all. */
export const unpricedOffering: Offering = { ...P, id: 'mystery/unpriced-model', provider: 'mystery', model: 'unpriced-model', prices: {} };

export const fixtureCatalog: Catalog = {
  version: 1,
  asOf: '2026-01-01',
  source: 'test fixture',
  models: [
    model('claude-sonnet-4-5', 'anthropic', 'claude', 1_000_000, { maxOutput: 64_000 }),
    model('gpt-4.1', 'openai', 'o200k_base', 1_047_576),
    model('gemini-2.5-flash', 'google', 'gemini', 1_048_576),
    model('llama-3.3-70b', 'meta', 'llama3', 131_072, { openWeight: true }),
    model('tiny-model', 'mystery', 'other', 3_000),
    model('unpriced-model', 'mystery', 'other', 100_000),
  ],
  offerings: [sonnet, gpt41, flash, llamaTogether, tiny, unpricedOffering],
  providers: [anthropic, openai, google, together, mystery],
  frameworks: [],
};
