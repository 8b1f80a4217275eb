import * as assert from 'node:assert/strict';
import { getBundledCatalog } from '../../../src/core/catalog/bundled';
import { findOffering } from '../../../src/core/catalog';
import { priceCall } from '../../../src/core/cost/price';

describe('bundled catalog: spot-check fixes from the overlay', () => {
  const grok4 = findOffering(getBundledCatalog(), 'xai/grok-4')!;

  it('Grok 4 bills prompts above 128K at $6 / $30 per million, with the source in the note', () => {
    assert.deepEqual(grok4.tiers, [{ aboveInputTokens: 128000, input: 6, output: 30 }]);
    assert.match(grok4.note ?? '', /added by the overlay \(not upstream\): https:\/\/openrouter\.ai\/x-ai\/grok-4/);
  });

  it('a 200K-token prompt is priced on the higher tier: 200,000 × $6 + 1,000 × $30 = $1.23', () => {
    const price = priceCall(grok4, { freshInput: 200_000, cachedRead: 0, cacheWrite: 0, output: 1000, reasoning: 0 });
    assert.equal(price.kind === 'priced' ? price.usd : NaN, 1.23);
  });

  it('a 100K-token prompt stays on the base price: 100,000 × $3 + 1,000 × $15 = $0.315', () => {
    const price = priceCall(grok4, { freshInput: 100_000, cachedRead: 0, cacheWrite: 0, output: 1000, reasoning: 0 });
    assert.equal(price.kind === 'priced' ? price.usd : NaN, 0.315);
  });
});
