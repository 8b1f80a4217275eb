import * as assert from 'node:assert/strict';
import type { Catalog } from '../../../src/core/catalog/types';
import { offeringFacts, offeringsOf } from '../../../src/extension/catalog-facts';
import { TEST_CATALOG } from '../report/catalog-fixture';

const P = { source: 'test fixture', asOf: '2025-01-01' };
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  offerings: [
    { ...P, id: 'cheapcloud/gpt-4.1', provider: 'cheapcloud', model: 'gpt-4.1', prices: { input: 1, output: 4 } },
    ...TEST_CATALOG.offerings,
    { ...P, id: 'pricey/gpt-4.1', provider: 'pricey', model: 'gpt-4.1', prices: { input: 3, output: 9 }, speed: { ...P, ttftMs: 400, outputTokensPerSecond: 90 } },
  ],
};

describe('extension/catalog facts', () => {
  it('lists the vendor’s own offering first, then the others by input price', () => {
    const model = CATALOG.models.find((m) => m.id === 'gpt-4.1')!;
    assert.deepEqual(offeringsOf(CATALOG, model).map((o) => o.id), ['openai/gpt-4.1', 'cheapcloud/gpt-4.1', 'pricey/gpt-4.1']);
  });

  it('flattens an offering with its model’s context window and speed', () => {
    const pricey = CATALOG.offerings.find((o) => o.id === 'pricey/gpt-4.1')!;
    assert.deepEqual(offeringFacts(CATALOG, pricey), {
      id: 'pricey/gpt-4.1', provider: 'pricey', model: 'gpt-4.1', modelName: 'GPT-4.1', contextWindow: 1_000_000, maxOutput: undefined,
      prices: { input: 3, output: 9 }, ttftMs: 400, outputTokensPerSecond: 90, asOf: '2025-01-01', source: 'test fixture',
    });
  });
});
