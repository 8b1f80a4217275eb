import * as assert from 'node:assert/strict';
import { modelItems } from '../../../src/extension/commands/model-items';
import { TEST_CATALOG } from '../report/catalog-fixture';

describe('extension/model picker items', () => {
  it('lists every catalog model with its vendor, prices, provider and context; marks the current one', () => {
    const items = modelItems(TEST_CATALOG, 'tiny');
    assert.deepEqual(items.map((i) => [i.label, i.description, i.detail]), [
      ['gpt-4.1', 'GPT-4.1 · openai', '$2.00/M in · $8.00/M out (openai) · context 1M'],
      ['$(check) tiny', 'Tiny · openai', '$1.00/M in · $1.00/M out (openai) · context 1k'],
      ['no-price', 'No price · openai', 'unpriced · context 8k'],
    ]);
    assert.equal(items[1]?.modelId, 'tiny');
  });
});
