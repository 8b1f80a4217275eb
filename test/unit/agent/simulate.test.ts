import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulateAgentLoop } from '../../../src/core/agent/simulate';
import { estimateWorkload } from '../../../src/core/agent/estimate';
import type { Price } from '../../../src/core/cost/types';
import type { Workload } from '../../../src/core/workload';
import { fixtureCatalog, flash, gpt41, llamaTogether, sonnet, tiny } from '../cost/fixture-catalog';

const workload = (w: Partial<Workload>): Workload => ({
  inputTokens: 2000,
  cachedInputTokens: 0,
  outputTokens: 100,
  reasoningTokens: 0,
  steps: 3,
  toolResultTokens: 400,
  caching: true,
  batch: false,
  callsPerDay: 100,
  ...w,
});

const usd = (p: Price): number => (p.kind === 'priced' ? p.usd : Number.NaN);

describe('simulateAgentLoop', () => {
  it('Anthropic explicit caching, 3 steps, hand-computed', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({}));
    const rows = a.steps.map((s) => [s.inputTokens, s.freshInput, s.cachedRead, s.cacheWrite, usd(s.price!)]);
    assert.deepEqual(rows, [
      [2000, 0, 0, 2000, 0.009], // write 2000 × 3.75 + out 100 × 15
      [2500, 0, 2000, 500, 0.003975], // read 2000 × 0.3 + write 500 × 3.75 + 1500
      [3000, 0, 2500, 500, 0.004125],
    ]);
    assert.equal(usd(a.totals.cost), 0.0171);
    assert.equal(usd(a.singleCall.price), 0.0075); // 2000 × 3 + 100 × 15, no write on a lone call
    assert.equal(a.agentTax, 2.28);
    assert.equal(a.caching.mode, 'explicit');
    assert.equal(a.totals.inputTokens, 7500);
    assert.equal(a.maxContextTokens, 3100);
    assert.equal(a.completed, true);
  });

  it('without caching the same loop costs 0.027 (agent tax 3.6)', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({ caching: false }));
    assert.equal(usd(a.totals.cost), 0.027); // (2000 + 2500 + 3000) × 3 + 3 × 100 × 15
    assert.equal(a.agentTax, 3.6);
    assert.equal(a.caching.mode, 'off');
  });

  it('1-hour TTL writes at 2× input', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({ steps: 2, cacheWriteTtl: '1h' }));
    // step 1: 2000 × 6 + 1500 = 13,500 µ$; step 2: 2000 × 0.3 + 500 × 6 + 1500 = 5,100 µ$
    assert.equal(usd(a.totals.cost), 0.0186);
  });

  it('OpenAI automatic caching: the previous prompt is read in 128-token steps above 1024', () => {
    const a = simulateAgentLoop(fixtureCatalog, gpt41, workload({ inputTokens: 1500, toolResultTokens: 300 }));
    const rows = a.steps.map((s) => [s.inputTokens, s.freshInput, s.cachedRead, s.cacheWrite, usd(s.price!)]);
    assert.deepEqual(rows, [
      [1500, 1500, 0, 0, 0.0038],
      [1900, 492, 1408, 0, 0.002488], // 1024 + 3 × 128 of the 1500 seen before
      [2300, 508, 1792, 0, 0.002712], // 1024 + 6 × 128 of 1900
    ]);
    assert.equal(usd(a.totals.cost), 0.009);
  });

  it('a cached prefix below the minimum is not read', () => {
    const a = simulateAgentLoop(fixtureCatalog, gpt41, workload({ inputTokens: 500, toolResultTokens: 100, cachedInputTokens: 500 }));
    assert.deepEqual(a.steps.map((s) => s.cachedRead), [0, 0, 0]); // 500, 700, 900 < 1024
  });

  it('tokens already cached before the first step are read on step 1', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({ steps: 1, cachedInputTokens: 1500 }));
    assert.deepEqual([a.steps[0].freshInput, a.steps[0].cachedRead, a.steps[0].cacheWrite], [500, 1500, 0]);
    assert.equal(usd(a.totals.cost), 0.00345); // 500 × 3 + 1500 × 0.3 + 1500
  });

  it('no caching at the provider: every token fresh, cached input ignored', () => {
    const a = simulateAgentLoop(fixtureCatalog, llamaTogether, workload({ cachedInputTokens: 1500 }));
    assert.equal(a.caching.mode, 'none');
    assert.deepEqual(a.steps.map((s) => s.cachedRead), [0, 0, 0]);
    assert.equal(usd(a.totals.cost), 0.006864); // (7500 + 300) × 0.88
  });

  it('overflow: the first step past the window is flagged, later steps not run, totals cover what ran', () => {
    const a = simulateAgentLoop(fixtureCatalog, tiny, workload({ steps: 5 }));
    assert.deepEqual(a.steps.map((s) => s.status), ['ok', 'ok', 'overflow', 'not-run', 'not-run']);
    assert.equal(a.overflowStep, 3); // 3000 + 100 > 3000
    assert.equal(a.stepsRun, 2);
    assert.equal(a.completed, false);
    assert.equal(a.agentTax, undefined);
    assert.equal(usd(a.totals.cost), 0.0049); // (2000 + 2500) × 1 + 200 × 2
    assert.equal(a.steps[2].price, undefined);
    assert.ok(a.notes.some((n) => /overflows at step 3/.test(n)));
  });

  it('overflow on step 1: the task is unpriced, never $0', () => {
    const a = simulateAgentLoop(fixtureCatalog, tiny, workload({ inputTokens: 5000 }));
    assert.equal(a.overflowStep, 1);
    assert.equal(a.totals.cost.kind, 'unpriced');
  });

  it('bad workload numbers are clamped and listed', () => {
    const a = simulateAgentLoop(fixtureCatalog, gpt41, workload({ steps: 0, outputTokens: Number.NaN }));
    assert.equal(a.steps.length, 1);
    assert.deepEqual(a.notes, ['steps was 0; used 1', 'outputTokens was NaN; used 0']);
  });

  it('latency is the sum of step latencies, cache reads skip prefill', () => {
    const a = simulateAgentLoop(fixtureCatalog, sonnet, workload({ steps: 2 }));
    // step 1: 1000 + 2000/20000 s + 100/50 s = 3100; step 2: 1000 + 500/20000 s + 2000 = 3025
    assert.deepEqual(a.steps.map((s) => s.latency!.totalMs), [3100, 3025]);
    assert.equal(a.totals.latencyMs, 6125);
  });

  it('property: without caching, cost grows faster than linearly with steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 2, max: 30 }),
        (input, out, tool, steps) => {
          const cost = (n: number) => usd(simulateAgentLoop(fixtureCatalog, gpt41, workload({ inputTokens: input, outputTokens: out, toolResultTokens: tool, steps: n, caching: false })).totals.cost);
          const one = cost(1);
          assert.ok(cost(steps) > steps * one, `cost(${steps}) should exceed ${steps} × cost(1)`);
          assert.ok(cost(steps + 1) - cost(steps) > cost(steps) - cost(steps - 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: with no write premium (automatic caching), caching never raises the cost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 25 }),
        fc.constantFrom(gpt41, flash),
        (input, out, tool, steps, offering) => {
          const w = workload({ inputTokens: input, outputTokens: out, toolResultTokens: tool, steps });
          const on = usd(simulateAgentLoop(fixtureCatalog, offering, w).totals.cost);
          const off = usd(simulateAgentLoop(fixtureCatalog, offering, { ...w, caching: false }).totals.cost);
          assert.ok(on <= off, `${on} > ${off}`);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('estimateWorkload', () => {
  it('single call: per call, monthly at callsPerDay × 30, TTFT and latency', () => {
    const e = estimateWorkload(fixtureCatalog, gpt41, workload({ inputTokens: 10_000, outputTokens: 500, steps: 1, callsPerDay: 1000 }));
    assert.equal(e.kind, 'call');
    assert.equal(usd(e.perUnit), 0.024);
    assert.equal(e.unitsPerMonth, 30_000);
    assert.equal(usd(e.monthly), 720);
    assert.equal(e.ttftMs, 1000);
    assert.equal(e.latencyMs, 6000);
    assert.equal(e.agentTax, 1);
  });

  it('loop: per task with the agent tax', () => {
    const e = estimateWorkload(fixtureCatalog, sonnet, workload({}));
    assert.equal(e.kind, 'task');
    assert.equal(usd(e.perUnit), 0.0171);
    assert.equal(usd(e.monthly), 51.3); // 0.0171 × 100 × 30
    assert.equal(e.agentTax, 2.28);
    assert.deepEqual(e.tokens, { input: 7500, output: 300, reasoning: 0 });
  });
});

describe('simulateAgentLoop: provider context limit', () => {
  it('an offering with a lower context window than its model overflows at the lower one', () => {
    const capped = { ...gpt41, contextWindow: 2500 };
    const a = simulateAgentLoop(fixtureCatalog, capped, workload({ steps: 3 }));
    assert.equal(a.contextWindow, 2500);
    assert.equal(a.overflowStep, 2); // 2500 + 100 > 2500
  });
});
