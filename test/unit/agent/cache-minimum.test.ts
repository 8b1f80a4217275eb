import * as assert from 'node:assert/strict';
import { simulateAgentLoop } from '../../../src/core/agent/simulate';
import type { Catalog, Offering } from '../../../src/core/catalog/types';
import type { Price } from '../../../src/core/cost/types';
import type { Workload } from '../../../src/core/workload';
import { fixtureCatalog, flash, sonnet } from '../cost/fixture-catalog';

const workload = (w: Partial<Workload>): Workload => ({
  inputTokens: 4000,
  cachedInputTokens: 0,
  outputTokens: 100,
  reasoningTokens: 0,
  steps: 3,
  toolResultTokens: 500,
  caching: true,
  batch: false,
  callsPerDay: 100,
  ...w,
});

const usd = (p: Price): number => (p.kind === 'priced' ? p.usd : Number.NaN);

/** The fixture catalog with one offering replaced by a copy that has its own cache minimum. */
function withOwnMinimum(base: Offering, minCacheableTokens: number): { catalog: Catalog; offering: Offering } {
  const offering: Offering = { ...base, minCacheableTokens, minCacheableSource: 'test' };
  return { offering, catalog: { ...fixtureCatalog, offerings: fixtureCatalog.offerings.map((o) => (o.id === base.id ? offering : o)) } };
}

describe('per-offering minimum cacheable prompt', () => {
  it('explicit (Anthropic): a 4096-token model minimum delays the first cache write to the step that reaches it', () => {
    const { catalog, offering } = withOwnMinimum(sonnet, 4096);
    const a = simulateAgentLoop(catalog, offering, workload({}));
    const rows = a.steps.map((s) => [s.inputTokens, s.freshInput, s.cachedRead, s.cacheWrite, usd(s.price!)]);
    assert.deepEqual(rows, [
      [4000, 4000, 0, 0, 0.0135], // under 4096: nothing written; 4000 × 3 + 100 × 15
      [4600, 0, 0, 4600, 0.01875], // write 4600 × 3.75 + 1500
      [5200, 0, 4600, 600, 0.00513], // read 4600 × 0.3 + write 600 × 3.75 + 1500
    ]);
    assert.equal(usd(a.totals.cost), 0.03738);
    assert.equal(a.caching.minCacheableTokens, 4096);
    assert.match(a.caching.note, /own minimum/);
  });

  it('the same loop with the provider minimum (1024) writes from step 1 and costs 0.02658', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({}));
    // 4000 × 3.75 + 1500; 4000 × 0.3 + 600 × 3.75 + 1500; 4600 × 0.3 + 600 × 3.75 + 1500 (µ$)
    assert.equal(usd(a.totals.cost), 0.02658);
    assert.equal(a.caching.minCacheableTokens, 1024);
  });

  it('automatic (Gemini): prompts under a 2048 model minimum are never read from the cache', () => {
    const { catalog, offering } = withOwnMinimum(flash, 2048);
    const a = simulateAgentLoop(catalog, offering, workload({ inputTokens: 1500, toolResultTokens: 300 }));
    assert.deepEqual(a.steps.map((s) => s.cachedRead), [0, 0, 0]); // 1500 and 1900 were never cached
    assert.equal(usd(a.totals.cost), 0.00246); // (1500 + 1900 + 2300) × 0.3 + 3 × 100 × 2.5
    const withProviderMinimum = simulateAgentLoop(fixtureCatalog, flash, workload({ inputTokens: 1500, toolResultTokens: 300 }));
    assert.deepEqual(withProviderMinimum.steps.map((s) => s.cachedRead), [0, 1500, 1900]);
    // 1500 × 0.3 + 250; 400 × 0.3 + 1500 × 0.03 + 250; 400 × 0.3 + 1900 × 0.03 + 250 (µ$)
    assert.equal(usd(withProviderMinimum.totals.cost), 0.001542);
  });
});
