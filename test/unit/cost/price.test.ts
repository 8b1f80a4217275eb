import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { priceCall } from '../../../src/core/cost/price';
import type { CallUsage, Price } from '../../../src/core/cost/types';
import { sumPrices, scalePrice } from '../../../src/core/cost/money';
import { anthropic, gpt41, llamaTogether, openai, sonnet, together, unpricedOffering } from './fixture-catalog';

const usage = (u: Partial<CallUsage>): CallUsage => ({ freshInput: 0, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0, ...u });

function usd(p: Price): number {
  assert.equal(p.kind, 'priced', `expected a price, got ${JSON.stringify(p)}`);
  return p.kind === 'priced' ? p.usd : NaN;
}

describe('priceCall', () => {
  it('prices fresh input and output: 10,000 in × $2/M + 500 out × $8/M = $0.024', () => {
    const p = priceCall(gpt41, usage({ freshInput: 10_000, output: 500 }), openai);
    assert.equal(usd(p), 0.024);
    assert.deepEqual(p.kind === 'priced' && p.breakdown, { freshInput: 0.02, cachedRead: 0, cacheWrite: 0, output: 0.004, reasoning: 0 });
  });

  it('Anthropic: a 5-minute cache write costs 1.25× input, a read 0.1×', () => {
    assert.equal(usd(priceCall(sonnet, usage({ cacheWrite: 10_000 }), anthropic)), 0.0375);
    assert.equal(usd(priceCall(sonnet, usage({ cachedRead: 10_000 }), anthropic)), 0.003);
    assert.equal(usd(priceCall(sonnet, usage({ cacheWrite: 10_000, output: 1000 }), anthropic)), 0.0525);
  });

  it('Anthropic: a 1-hour cache write costs 2× input', () => {
    assert.equal(usd(priceCall(sonnet, usage({ cacheWrite: 10_000, cacheWriteTtl: '1h' }), anthropic)), 0.06);
  });

  it('OpenAI automatic caching: cached tokens at the cached price, no write premium', () => {
    // 1,000 fresh × $2/M + 3,000 cached × $0.5/M = 0.002 + 0.0015
    assert.equal(usd(priceCall(gpt41, usage({ freshInput: 1000, cachedRead: 3000 }), openai)), 0.0035);
    // A "write" on an automatic provider is ordinary input.
    assert.equal(usd(priceCall(gpt41, usage({ cacheWrite: 1000 }), openai)), 0.002);
  });

  it('reasoning tokens are billed at the output price, shown apart', () => {
    const p = priceCall(gpt41, usage({ output: 100, reasoning: 900 }), openai);
    assert.equal(usd(p), 0.008);
    assert.equal(p.kind === 'priced' && p.breakdown.reasoning, 0.0072);
  });

  it('long-context tier switches strictly above the threshold and prices the whole request', () => {
    const at = priceCall(sonnet, usage({ freshInput: 200_000, output: 1000 }), anthropic);
    assert.equal(usd(at), 0.615); // 0.6 + 0.015 at base prices
    assert.equal(at.kind === 'priced' && at.tierAboveInputTokens, undefined);
    const above = priceCall(sonnet, usage({ freshInput: 200_001, output: 1000 }), anthropic);
    assert.equal(usd(above), 1.222506); // 200,001 × $6/M + 1,000 × $22.5/M
    assert.equal(above.kind === 'priced' && above.tierAboveInputTokens, 200_000);
  });

  it('the tier is chosen by fresh + cached + written tokens', () => {
    // 100,000 fresh + 100,001 cached > 200,000 → tier prices for both parts.
    const p = priceCall(sonnet, usage({ freshInput: 100_000, cachedRead: 100_001 }), anthropic);
    assert.equal(usd(p), 0.6600006); // 100,000 × 6 + 100,001 × 0.6, per million
  });

  it('a tier that omits the cached price scales the base one by the tier input ratio', () => {
    const tiered = { ...gpt41, tiers: [{ aboveInputTokens: 100, input: 4 }] };
    // cachedRead: 0.5 × (4/2) = 1 $/M; output stays 8.
    assert.equal(usd(priceCall(tiered, usage({ cachedRead: 1_000_000, output: 1_000_000 }), openai)), 9);
  });

  it('batch takes the offering discount on every component', () => {
    const p = priceCall(gpt41, usage({ freshInput: 10_000, output: 500, batch: true }), openai);
    assert.equal(usd(p), 0.012);
    assert.equal(p.kind === 'priced' && p.batchDiscount, 0.5);
  });

  it('batch on an offering without a batch discount is unpriced, not full price', () => {
    const p = priceCall(llamaTogether, usage({ freshInput: 1000, batch: true }), together);
    assert.deepEqual(p, { kind: 'unpriced', missing: ['batch discount (together/llama-3.3-70b)'] });
  });

  it('no cached-read price: fresh input where the provider has no caching, unpriced otherwise', () => {
    assert.equal(usd(priceCall(llamaTogether, usage({ cachedRead: 1_000_000 }), together)), 0.88);
    assert.deepEqual(priceCall(llamaTogether, usage({ cachedRead: 1000 })), {
      kind: 'unpriced',
      missing: ['cached-read price (together/llama-3.3-70b)'],
    });
  });

  it('an explicit-caching provider with no write price for the TTL is unpriced', () => {
    const noOneHour = { ...sonnet, prices: { input: 3, output: 15, cachedRead: 0.3, cacheWrite: 3.75 } };
    const p = priceCall(noOneHour, usage({ cacheWrite: 5000, cacheWriteTtl: '1h' }), anthropic);
    assert.deepEqual(p, { kind: 'unpriced', missing: ['1-hour cache-write price (anthropic/claude-sonnet-4-5)'] });
  });

  it('missing prices are unpriced with the list of what is missing, never $0', () => {
    assert.deepEqual(priceCall(unpricedOffering, usage({ freshInput: 10, output: 10, reasoning: 5 })), {
      kind: 'unpriced',
      missing: ['input price (mystery/unpriced-model)', 'output price (mystery/unpriced-model)'],
    });
    assert.deepEqual(priceCall(undefined, usage({ freshInput: 10 })), { kind: 'unpriced', missing: ['offering'] });
  });

  it('bad counts give an unpriced result, not an exception', () => {
    const p = priceCall(gpt41, usage({ freshInput: Number.NaN, output: -3 }), openai);
    assert.equal(p.kind, 'unpriced');
    assert.deepEqual(p.kind === 'unpriced' && p.missing, ['valid freshInput token count (got NaN)', 'valid output token count (got -3)']);
  });

  it('no float drift: $0.1/M × 1M + $0.2/M × 1M is exactly 0.3', () => {
    const o = { ...gpt41, prices: { input: 0.1, output: 0.2 } };
    const p = priceCall(o, usage({ freshInput: 1_000_000, output: 1_000_000 }), openai);
    assert.equal(JSON.stringify(p.kind === 'priced' && p.usd), '0.3');
  });

  it('sums and scales prices exactly', () => {
    const a = priceCall(gpt41, usage({ freshInput: 1_000_000 * 0.05 }), openai); // 0.1
    const b = priceCall(gpt41, usage({ freshInput: 100_000 }), openai); // 0.2
    assert.equal(usd(sumPrices([a, b])), 0.3);
    assert.equal(usd(scalePrice(priceCall(gpt41, usage({ freshInput: 10_000, output: 500 }), openai), 30_000)), 720);
    const missing = sumPrices([a, { kind: 'unpriced', missing: ['x'] }, { kind: 'unpriced', missing: ['x', 'y'] }]);
    assert.deepEqual(missing, { kind: 'unpriced', missing: ['x', 'y'] });
  });

  it('property: the tier applies exactly when the prompt passes the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400_000 }), fc.integer({ min: 0, max: 400_000 }), (fresh, cached) => {
        const p = priceCall(sonnet, usage({ freshInput: fresh, cachedRead: cached, output: 10 }), anthropic);
        assert.equal(p.kind, 'priced');
        const tiered = p.kind === 'priced' && p.tierAboveInputTokens === 200_000;
        assert.equal(tiered, fresh + cached > 200_000);
      }),
    );
  });

  it('property: more tokens of any kind never cost less (within a tier)', () => {
    const field = fc.constantFrom('freshInput', 'cachedRead', 'cacheWrite', 'output', 'reasoning' as const);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 10_000 }), field, (a, b, extra, f) => {
        const base = usage({ freshInput: a, output: b });
        const more = { ...base, [f]: base[f] + extra };
        assert.ok(usd(priceCall(sonnet, more, anthropic)) > usd(priceCall(sonnet, base, anthropic)));
      }),
    );
  });
});

describe('priceCall from JavaScript callers', () => {
  it('treats counts left out as zero', () => {
    const partial = { freshInput: 10_000, output: 500 } as unknown as CallUsage;
    const p = priceCall(gpt41, partial, openai);
    assert.equal(p.kind === 'priced' && p.usd, 0.024);
  });
});
