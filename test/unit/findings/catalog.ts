/** The report fixture catalog with what the savings rules need: a large maximum output, batch discounts, and an explicit-caching provider (round prices). */
import type { Catalog } from '../../../src/core/catalog/types';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';

const P = { source: 'test fixture', asOf: '2025-01-01' };

export const SAVINGS_CATALOG: Catalog = {
  ...TEST_CATALOG,
  models: [
    ...TEST_CATALOG.models.map((m) => (m.id === 'gpt-4.1' ? { ...m, maxOutput: 32768 } : m)),
    { ...P, id: 'claude-test', name: 'Claude Test', vendor: 'anthropic', family: 'claude', tokenizer: 'o200k_base', aliases: [], contextWindow: 200_000, maxOutput: 8192, reasoning: false, openWeight: false },
  ],
  offerings: [
    ...TEST_CATALOG.offerings.map((o) => ({ ...o, batchDiscount: 0.5 })),
    { ...P, id: 'anthropic/claude-test', provider: 'anthropic', model: 'claude-test', prices: { input: 3, output: 15, cachedRead: 0.3, cacheWrite: 3.75 }, batchDiscount: 0.5 },
  ],
  providers: [
    ...TEST_CATALOG.providers,
    { ...P, id: 'anthropic', name: 'Anthropic', caching: { ...P, mode: 'explicit', minCacheableTokens: 1024, ttlSeconds: 300 }, chatFraming: { ...P, tokensPerMessage: 3, tokensPerRequest: 3 } },
  ],
};

export const SAVINGS_ASSUMPTIONS = { ...TEST_ASSUMPTIONS, callsPerDay: 1000, caching: true };
export const SAVINGS_ENV = { catalog: SAVINGS_CATALOG, assumptions: SAVINGS_ASSUMPTIONS };
