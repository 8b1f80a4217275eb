/**
 * Price and workload values for the alternative-picking tests (plain inputs of the
 * compare layer). Report fixtures are built by the core: see `analysed.ts`.
 */
import type { Price } from '../../../src/core/cost/types';
import type { Workload } from '../../../src/core/workload';

export function priced(usd: number): Price {
  return { kind: 'priced', usd, breakdown: { freshInput: usd, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 } };
}

export const UNPRICED: Price = { kind: 'unpriced', missing: ['offering acme/gpt-9'] };

export const WORKLOAD: Workload = {
  inputTokens: 1800, cachedInputTokens: 0, outputTokens: 500, reasoningTokens: 0, steps: 1,
  toolResultTokens: 1000, caching: true, batch: false, callsPerDay: 1000,
};
