import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareOfferings, withExtraRows } from '../../../src/core/compare/compare';
import { dominates, paretoFlags } from '../../../src/core/compare/pareto';
import { ratioToO200k } from '../../../src/core/compare/tokens';
import type { Catalog } from '../../../src/core/catalog/types';
import type { CompareRow } from '../../../src/core/compare/types';
import type { Price } from '../../../src/core/cost/types';
import type { Workload } from '../../../src/core/workload';
import { fixtureCatalog } from '../cost/fixture-catalog';

const workload = (w: Partial<Workload>): Workload => ({
  inputTokens: 2000,
  cachedInputTokens: 0,
  outputTokens: 1000,
  reasoningTokens: 0,
  steps: 1,
  toolResultTokens: 0,
  caching: false,
  batch: false,
  callsPerDay: 1000,
  ...w,
});

/** The fixture with every model on o200k_base, so counts need no conversion and expectations stay literal. */
const sameTokenizer: Catalog = { ...fixtureCatalog, models: fixtureCatalog.models.map((m) => ({ ...m, tokenizer: 'o200k_base' })) };

const usdOf = (p: Price) => (p.kind === 'priced' ? p.usd : 'unpriced');
const priced = (usd: number): Price => ({ kind: 'priced', usd, breakdown: { freshInput: usd, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 } });

describe('compareOfferings', () => {
  it('every fitting offering, cheapest first, unpriced last, Pareto front marked', () => {
    const r = compareOfferings(sameTokenizer, workload({}));
    assert.equal(r.unit, 'call');
    assert.deepEqual(
      r.rows.map((x) => [x.id, usdOf(x.perUnit), x.latencyMs, x.pareto]),
      [
        ['together/llama-3.3-70b', 0.00264, 15185.7, true], // 3000 × 0.88; assumed 70 tok/s
        ['google/gemini-2.5-flash', 0.0031, 5600, true], // 2000 × 0.3 + 1000 × 2.5
        ['mystery/tiny-model', 0.004, 15185.7, false],
        ['openai/gpt-4.1', 0.012, 10600, false],
        ['anthropic/claude-sonnet-4-5', 0.021, 21100, false],
        ['mystery/unpriced-model', 'unpriced', 15185.7, false],
      ],
    );
    assert.equal(usdOf(r.rows[1].monthly), 93); // 0.0031 × 1000 × 30
    assert.deepEqual(r.excluded, []);
  });

  it('leaves out offerings whose context window cannot hold the request, saying why', () => {
    const r = compareOfferings(sameTokenizer, workload({ inputTokens: 2500 }));
    assert.deepEqual(r.excluded, [{ id: 'mystery/tiny-model', reason: 'context-window', maxContextTokens: 3500, contextWindow: 3000 }]);
  });

  it('a loop fits only if its last step fits', () => {
    // Steps: 1000, 1500, 2000, 2500 input + 100 out; the 4th is 2600 ≤ 3000 — fits; a 5th (3100) does not.
    const loop = workload({ inputTokens: 1000, outputTokens: 100, toolResultTokens: 400, steps: 4 });
    assert.ok(compareOfferings(sameTokenizer, loop).rows.some((x) => x.id === 'mystery/tiny-model'));
    const longer = compareOfferings(sameTokenizer, { ...loop, steps: 5 });
    assert.equal(longer.unit, 'task');
    assert.ok(longer.excluded.some((x) => x.id === 'mystery/tiny-model'));
  });

  it('filters by provider and open weights; sorts by latency', () => {
    const byProvider = compareOfferings(sameTokenizer, workload({}), { filter: { providers: ['openai', 'google'] } });
    assert.deepEqual(byProvider.rows.map((x) => x.id), ['google/gemini-2.5-flash', 'openai/gpt-4.1']);
    const open = compareOfferings(sameTokenizer, workload({}), { filter: { openWeight: true } });
    assert.deepEqual(open.rows.map((x) => x.id), ['together/llama-3.3-70b']);
    const fastest = compareOfferings(sameTokenizer, workload({}), { sort: 'latency' });
    assert.deepEqual(fastest.rows.slice(0, 2).map((x) => x.id), ['google/gemini-2.5-flash', 'openai/gpt-4.1']);
    assert.equal(fastest.rows[fastest.rows.length - 1].perUnit.kind, 'unpriced');
  });

  it('converts token counts to each model family and marks them approximate', () => {
    const r = compareOfferings(fixtureCatalog, workload({}), { workloadTokenizer: 'o200k_base' });
    const gpt = r.rows.find((x) => x.id === 'openai/gpt-4.1')!;
    const claude = r.rows.find((x) => x.id === 'anthropic/claude-sonnet-4-5')!;
    assert.equal(gpt.tokensExact, true);
    assert.equal(gpt.tokens.input, 2000);
    assert.equal(claude.tokensExact, false);
    const ratio = Math.round(ratioToO200k('claude-sonnet-4-5') * 1000) / 1000;
    assert.ok(ratio > 1, 'Claude counts more tokens than o200k_base for the same text');
    assert.equal(claude.tokenRatio, ratio);
    assert.equal(claude.tokens.input, Math.round(2000 * ratio));
  });

  it('extra (self-hosted) rows join the ranking and the Pareto front', () => {
    const base = compareOfferings(sameTokenizer, workload({}));
    const selfHosted: CompareRow = { ...base.rows[0], kind: 'self-hosted', id: 'self/llama-3.3-70b@h100', perUnit: priced(0.001), latencyMs: 1000, pareto: false };
    const merged = withExtraRows(base, [selfHosted], 'test');
    assert.equal(merged.rows[0].id, 'self/llama-3.3-70b@h100');
    assert.deepEqual(merged.rows.filter((x) => x.pareto).map((x) => x.id), ['self/llama-3.3-70b@h100']);
    assert.deepEqual(merged.selfHosted, { note: 'test', rowCount: 1 });
  });
});

describe('paretoFlags', () => {
  it('hand-made points', () => {
    const pts = [
      { perUnit: priced(1), latencyMs: 10 },
      { perUnit: priced(2), latencyMs: 5 },
      { perUnit: priced(2), latencyMs: 6 }, // dominated by the one above
      { perUnit: priced(3), latencyMs: 5 }, // dominated (same latency, dearer)
      { perUnit: priced(1), latencyMs: 10 }, // duplicate of a front point
      { perUnit: { kind: 'unpriced', missing: ['x'] } as Price, latencyMs: 1 },
    ];
    assert.deepEqual(paretoFlags(pts), [true, true, false, false, true, false]);
  });

  it('property: front rows are never dominated, other priced rows always are', () => {
    const point = fc.record({
      perUnit: fc.oneof(
        fc.integer({ min: 1, max: 50 }).map((c) => priced(c / 1000)),
        fc.constant({ kind: 'unpriced', missing: ['x'] } as Price),
      ),
      latencyMs: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), (pts) => {
        const flags = paretoFlags(pts);
        pts.forEach((p, i) => {
          const dominated = pts.some((q) => dominates(q, p));
          if (p.perUnit.kind === 'unpriced') assert.equal(flags[i], false);
          else assert.equal(flags[i], !dominated, `point ${i}`);
        });
      }),
    );
  });
});
