import * as assert from 'node:assert/strict';
import type { Offering } from '../../../src/core/catalog/types';
import { estimateHardware, findAccelerator, findWeightFormat, openModelArchitecture, selfHostedOptions } from '../../../src/core/hardware';

const workload = { inputTokens: 2000, outputTokens: 500, reasoningTokens: 0, callsPerDay: 2000 };
const api: Offering = { id: 'acme/llama-3.3-70b', provider: 'acme', model: 'llama-3.3-70b', prices: { input: 0.6, output: 0.6 }, source: 'test', asOf: '2025-01-01' };

describe('selfHostedOptions', () => {
  it('lists only configurations that fit, cheapest first, with break-even rows per API offering', () => {
    const opts = selfHostedOptions('llama-3.3-70b', workload, { offerings: [api] });
    assert.equal(opts.known, true);
    assert.ok(opts.rows.length > 5);
    for (const r of opts.rows) {
      assert.equal(r.fits, true);
      assert.ok(r.accelerators <= 8);
      assert.equal(r.breakEven.length, 1);
    }
    const priced = opts.rows.filter((r) => r.usdPerMillionTokens !== undefined).map((r) => r.usdPerMillionTokens as number);
    assert.deepEqual(priced, [...priced].sort((a, b) => a - b));
    const int4OnH100 = opts.rows.find((r) => r.accelerator === 'h100-sxm' && r.precision === 'int4');
    assert.equal(int4OnH100?.accelerators, 1);
    const bf16OnH100 = opts.rows.find((r) => r.accelerator === 'h100-sxm' && r.precision === 'bf16');
    // 2000 calls/day keep ~1 request in flight (Little's law), so the batch is 1 and BF16 needs 2 H100s.
    assert.equal(bf16OnH100?.batch, 1);
    assert.equal(bf16OnH100?.acceleratorsNeeded, 2);
    assert.ok((bf16OnH100?.accelerators ?? 0) >= 2);
  });

  it('an unknown or closed model is reported, not thrown', () => {
    const opts = selfHostedOptions('gpt-4o', workload);
    assert.equal(opts.known, false);
    assert.deepEqual(opts.rows, []);
    assert.match(opts.issues[0], /no open-weight architecture/);
  });

  it('an accelerator without a price gives an unpriced $/M tokens and says so', () => {
    const est = estimateHardware({
      model: openModelArchitecture('llama-3.1-8b')!,
      accelerator: findAccelerator('m4-max')!,
      format: findWeightFormat('q4_k_m')!,
      engine: 'llama.cpp',
      inputTokens: 500,
      outputTokens: 200,
    });
    assert.equal(est.usdPerMillionTokens, undefined);
    assert.ok(est.issues.some((i) => /no hourly price/.test(i)));
    assert.equal(est.fits, true);
    assert.equal(est.batch, 1);
  });

  it('asking for too few accelerators says how many are needed', () => {
    const est = estimateHardware({
      model: openModelArchitecture('llama-3.3-70b')!,
      accelerator: findAccelerator('h100-sxm')!,
      format: findWeightFormat('bf16')!,
      engine: 'vllm',
      accelerators: 1,
      batch: 1,
      inputTokens: 1000,
      outputTokens: 200,
    });
    assert.equal(est.fits, false);
    assert.equal(est.acceleratorsNeeded, 2);
    assert.ok(est.issues.some((i) => /needs 2/.test(i)));
  });

  it('a stated daily volume sets the batch from traffic and prices the month: 5M tokens/day on one H100', () => {
    const est = estimateHardware({
      model: openModelArchitecture('llama-3.3-70b')!,
      accelerator: findAccelerator('h100-sxm')!,
      format: findWeightFormat('int4')!,
      engine: 'vllm',
      inputTokens: 2000,
      outputTokens: 500,
      tokensPerDay: 5_000_000,
    });
    // 2000 requests/day = 0.023/s; each takes ~10 s alone, so ~0.2 in flight: batch 1.
    assert.equal(est.batch, 1);
    assert.ok(est.atVolume);
    assert.equal(est.atVolume.deployments, 1);
    assert.ok(Math.abs((est.atVolume.monthlyUsd ?? 0) - 2.99 * 720) < 1e-9); // $2,152.80
    assert.ok(Math.abs((est.atVolume.usdPerMillionTokens ?? 0) - (2.99 * 720) / 150) < 1e-9); // $14.352/M over 150M tokens
  });

  it('nonsense numbers never throw: NaN, negatives and fractions are coerced or ignored', () => {
    const est = estimateHardware({
      model: openModelArchitecture('llama-3.1-8b')!,
      accelerator: findAccelerator('l4')!,
      format: findWeightFormat('int4')!,
      engine: 'vllm',
      inputTokens: Number.NaN,
      outputTokens: -5,
      accelerators: 0.2,
      batch: Number.NaN,
      utilization: Number.NaN,
      usdPerHour: -1,
      tokensPerDay: Number.NaN,
    });
    assert.equal(est.inputTokens, 1);
    assert.equal(est.outputTokens, 1);
    assert.equal(est.accelerators, 1);
    assert.equal(est.batch, 1);
    assert.equal(est.utilization, 0.5);
    assert.equal(est.usdPerHour, 0.71); // the catalog price, not the negative one
    assert.ok(Number.isFinite(est.decodeTokensPerSecond.perUser));
    assert.equal(est.atVolume, undefined);
  });
});
