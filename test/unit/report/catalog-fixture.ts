import type { Catalog } from '../../../src/core/catalog/types';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../../src/core/workload';

const P = { source: 'test fixture', asOf: '2025-01-01' };

/** A two-model catalog with round prices, so that expected costs can be worked out by hand. */
export const TEST_CATALOG: Catalog = {
  version: 1,
  asOf: '2025-01-01',
  source: 'test fixture',
  models: [
    { ...P, id: 'gpt-4.1', name: 'GPT-4.1', vendor: 'openai', family: 'gpt-4.1', tokenizer: 'o200k_base', aliases: ['openai/gpt-4.1'], contextWindow: 1_000_000, reasoning: false, openWeight: false },
    { ...P, id: 'tiny', name: 'Tiny', vendor: 'openai', family: 'gpt-4.1', tokenizer: 'o200k_base', aliases: [], contextWindow: 1_000, reasoning: false, openWeight: false },
    { ...P, id: 'no-price', name: 'No price', vendor: 'openai', family: 'gpt-4.1', tokenizer: 'o200k_base', aliases: [], contextWindow: 8_000, reasoning: false, openWeight: false },
  ],
  offerings: [
    { ...P, id: 'openai/gpt-4.1', provider: 'openai', model: 'gpt-4.1', prices: { input: 2, output: 8, cachedRead: 0.5 } },
    { ...P, id: 'openai/tiny', provider: 'openai', model: 'tiny', prices: { input: 1, output: 1, cachedRead: 0.1 } },
  ],
  providers: [
    { ...P, id: 'openai', name: 'OpenAI', caching: { ...P, mode: 'automatic', minCacheableTokens: 1024 }, chatFraming: { ...P, tokensPerMessage: 3, tokensPerRequest: 3 } },
  ],
  frameworks: [
    { ...P, framework: 'openai-agents', language: 'both', stepOption: 'max_turns', defaultSteps: 10 },
    { ...P, framework: 'claude-agent-sdk', language: 'both', stepOption: 'max_turns', defaultSteps: null },
  ],
};

export const TEST_ASSUMPTIONS: Assumptions = {
  ...DEFAULT_ASSUMPTIONS,
  defaultModel: 'gpt-4.1',
  codingModel: 'gpt-4.1',
  outputTokens: 100,
  toolResultTokens: 100,
  unboundedSteps: 3,
  callsPerDay: 10,
  caching: false,
  placeholderTokens: 50,
};
