/**
 * The audit's data cases (issue 14), each recomputed by hand in the comments:
 * implicit caching per model (Gemini 2.0 Flash has none), cache-write premiums
 * on automatic caching (OpenAI GPT-5.6), a request over the context window is
 * not priced, and context windows reconciled with the disagreement kept.
 */
import * as assert from 'node:assert/strict';
import { simulateAgentLoop } from '../../../src/core/agent/simulate';
import { findModel, findOffering, getBundledCatalog } from '../../../src/core/catalog';
import { checkContextFit } from '../../../src/core/catalog/context';
import { priceCallInWindow } from '../../../src/core/cost/call-in-window';
import type { Workload } from '../../../src/core/workload';

const catalog = getBundledCatalog();
const usd = (p: { kind: string; usd?: number }) => (p.kind === 'priced' ? p.usd! : NaN);
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);

/**
 * 10 steps; every size a multiple of 128 so OpenAI's 128-token cache steps read whole prefixes:
 * step i sends 10,240 + (i−1) × 2,048 tokens (each step adds 512 output + 1,536 tool result).
 */
const LOOP: Workload = { inputTokens: 10_240, cachedInputTokens: 0, outputTokens: 512, reasoningTokens: 0, steps: 10, toolResultTokens: 1_536, caching: true, batch: false, callsPerDay: 1 };

describe('catalog: the audit cases', () => {
  it('Gemini 2.0 Flash has no implicit caching: a 10-step loop pays every input token fresh', () => {
    const flash20 = findOffering(catalog, 'google/gemini-2.0-flash')!;
    assert.equal(flash20.caching?.mode, 'none');
    assert.match(flash20.caching!.source, /ai\.google\.dev\/gemini-api\/docs\/caching/);
    const a = simulateAgentLoop(catalog, flash20, LOOP);
    assert.equal(a.caching.mode, 'none');
    assert.equal(a.totals.cachedRead, 0);
    // Input: Σ (10,240 + (i−1)·2,048), i = 1..10 = 102,400 + 2,048·45 = 194,560 tokens × $0.10/M = $0.019456.
    // Output: 10 × 512 = 5,120 tokens × $0.40/M = $0.002048.  Total $0.021504.
    close(usd(a.totals.cost), 0.021504, 'Gemini 2.0 Flash loop');
    // Before the fix the provider-wide rule read each previous prompt at $0.025/M: step 1 fresh 10,240 × 0.10,
    // steps 2–10 read 165,888 × 0.025 and add 9 × 2,048 fresh × 0.10, plus the same output:
    // 1,024 + 4,147.2 + 1,843.2 + 2,048 = 9,062.4 µ$ = $0.0090624, 2.37× too low.
    assert.ok(usd(a.totals.cost) / 0.0090624 > 2.3);
  });

  it('Gemini 2.5 Flash keeps implicit caching (listed by Google): later steps read the cache', () => {
    const flash25 = findOffering(catalog, 'google/gemini-2.5-flash')!;
    assert.equal(flash25.caching?.mode, 'automatic');
    const a = simulateAgentLoop(catalog, flash25, LOOP);
    assert.equal(a.caching.mode, 'automatic');
    // Steps 2–10 read the previous prompt (all above the 2,048-token minimum): Σ prompts 1..9 = 165,888 tokens.
    assert.equal(a.totals.cachedRead, 165_888);
  });

  it('GPT-5.6 bills its cache-write premium on automatic caching: the 10-step loop is 9% dearer than without it', () => {
    const luna = findOffering(catalog, 'openai/gpt-5.6-luna')!;
    assert.deepEqual(luna.prices, { input: 0.2, output: 1.2, cachedRead: 0.02, cacheWrite: 0.25 });
    const a = simulateAgentLoop(catalog, luna, LOOP);
    assert.match(a.caching.note, /written at 1\.25× input/);
    // Step 1 writes its 10,240-token prompt: 10,240 × $0.25/M = 2,560 µ$, + 512 × $1.20/M = 614.4 µ$.
    // Steps 2–10 read the previous prompt (Σ 165,888 × $0.02/M = 3,317.76 µ$), write the 2,048 new tokens
    // (9 × 2,048 × 0.25 = 4,608 µ$) and output 9 × 614.4 = 5,529.6 µ$.
    // Total 2,560 + 614.4 + 3,317.76 + 4,608 + 5,529.6 = 16,629.76 µ$ = $0.01662976.
    close(usd(a.totals.cost), 0.01662976, 'GPT-5.6 Luna loop');
    assert.equal(a.totals.cacheWrite, 10_240 + 9 * 2_048);
    // Billed as ordinary input (the old rule) the writes cost 28,672 × $0.20/M = 5,734.4 µ$ instead of 7,168:
    // $0.01519616, 8.6% below the true figure.
    close(usd(a.totals.cost) - (10_240 + 9 * 2_048) * (0.25 - 0.2) / 1e6, 0.01519616, 'without the premium');
  });

  it('a provider without a write price keeps "no write premium" (GPT-4.1: writes are ordinary input)', () => {
    const a = simulateAgentLoop(catalog, findOffering(catalog, 'openai/gpt-4.1')!, LOOP);
    assert.equal(a.totals.cacheWrite, 0);
    assert.match(a.caching.note, /no write premium/);
  });

  it('a request over the window is not priced (the API rejects it), the same result as a one-step agent task', () => {
    const model = findModel(catalog, 'gpt-4o')!;
    const offering = findOffering(catalog, 'openai/gpt-4o')!;
    // 127,800 input + 500 output = 128,300 > 128,000.
    const over = priceCallInWindow(model, offering, { freshInput: 127_800, cachedRead: 0, cacheWrite: 0, output: 500, reasoning: 0 });
    assert.equal(over.fit.kind, 'exceeds');
    assert.deepEqual(over.price, { kind: 'unpriced', missing: ['a context window of at least 128300 tokens (gpt-4o has 128000)'] });
    const task = simulateAgentLoop(catalog, offering, { ...LOOP, inputTokens: 127_800, outputTokens: 500, toolResultTokens: 0, steps: 1, caching: false });
    assert.deepEqual(task.totals.cost, over.price);
    // 127,000 + 500 fits: 127,000 × $2.50/M + 500 × $10/M = $0.3175 + $0.005 = $0.3225.
    const fits = priceCallInWindow(model, offering, { freshInput: 127_000, cachedRead: 0, cacheWrite: 0, output: 500, reasoning: 0 });
    assert.equal(fits.fit.kind, 'fits');
    close(usd(fits.price), 0.3225, 'gpt-4o in window');
  });

  it('a model whose window no source states: the fit is unknown, never checked against a guess', () => {
    const unknown = catalog.models.find((m) => m.contextWindow === undefined)!;
    const fit = checkContextFit(unknown, undefined, 10_000_000);
    assert.equal(fit.kind, 'unknown');
    assert.equal(fit.window.tokens, undefined);
  });

  it('DeepSeek: the documented 128K window wins over upstream\'s 64,000, and the disagreement is shown', () => {
    const model = findModel(catalog, 'deepseek-v3')!;
    const offering = findOffering(catalog, 'deepseek/deepseek-v3')!;
    // A 100,000-token request: over upstream's 64,000 (the old, silent choice), within the documented 131,072.
    const fit = checkContextFit(model, offering, 100_000);
    assert.equal(fit.kind, 'fits');
    assert.equal(fit.window.tokens, 131_072);
    assert.match(fit.window.conflict!, /upstream says 64,000/);
    assert.match(fit.window.conflict!, /api-docs\.deepseek\.com/);
  });

  it('a host serving less than the model has: its own window applies, with both figures stated', () => {
    const model = findModel(catalog, 'llama-4-scout')!;
    const groq = findOffering(catalog, 'groq/llama-4-scout')!;
    const fit = checkContextFit(model, groq, 200_000);
    assert.equal(fit.kind, 'exceeds');
    assert.equal(fit.window.tokens, 131_072);
    assert.match(fit.window.conflict!, /10,485,760/);
    // The model itself, at a host without a smaller window, takes the 200,000-token request.
    assert.equal(checkContextFit(model, undefined, 200_000).kind, 'fits');
  });
});
