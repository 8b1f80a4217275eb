import * as assert from 'node:assert/strict';
import type { Offering } from '../../../src/core/catalog/types';
import { apiUsdPerToken, breakEven, servingCost } from '../../../src/core/hardware';

const close = (a: number | undefined, b: number, eps = 1e-9) => {
  assert.ok(a !== undefined, 'undefined');
  assert.ok(Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
};

function offering(id: string, input?: number, output?: number): Offering {
  return { id, provider: id.split('/')[0], model: 'm', prices: { input, output }, source: 'test', asOf: '2025-01-01' };
}

// $2/h, one GPU, 1000 in + 500 out per request, batch 10, prefill 100 ms, decode step 20 ms, fully used.
const cost = servingCost({
  usdPerHourPerAccelerator: 2,
  accelerators: 1,
  inputTokens: 1000,
  outputTokens: 500,
  batch: 10,
  prefillMs: 100,
  decodeStepMs: 20,
  utilization: 1,
});

describe('hardware economics', () => {
  it('a request occupies prefill + output · step / batch = 0.1 + 500 · 0.02 / 10 = 1.1 s', () => {
    close(cost.requestSeconds, 1.1);
    close(cost.capacityTokensPerDay, (86400 / 1.1) * 1500);
    close(cost.usdPerMillionTokens, ((2 / 3600) * 1.1 / 1500) * 1e6); // $0.4074 / M
    close(cost.monthlyUsd, 1440);
  });

  it('lower utilization raises $/M tokens in proportion', () => {
    const half = servingCost({ usdPerHourPerAccelerator: 2, accelerators: 1, inputTokens: 1000, outputTokens: 500, batch: 10, prefillMs: 100, decodeStepMs: 20, utilization: 0.5 });
    close(half.usdPerMillionTokens, 2 * (cost.usdPerMillionTokens as number));
  });

  it('no hourly price: capacity is known, $/M tokens is unpriced (undefined), never $0', () => {
    const c = servingCost({ accelerators: 1, inputTokens: 1000, outputTokens: 500, batch: 10, prefillMs: 100, decodeStepMs: 20, utilization: 1 });
    assert.equal(c.usdPerMillionTokens, undefined);
    assert.equal(c.monthlyUsd, undefined);
  });

  it('break-even volume = monthly cost / API price per token ($1 in, $3 out → $1.6667/M blended → 864M tokens)', () => {
    const api = offering('acme/m', 1, 3);
    close(apiUsdPerToken(api, 1000, 500), 2500 / 1500 / 1e6);
    const be = breakEven(cost, api, 1000, 500, 50_000_000);
    close(be.breakEvenTokensPerMonth ?? undefined, 864_000_000, 1e-9);
    assert.ok(be.atVolume);
    assert.equal(be.atVolume.deployments, 1);
    close(be.atVolume.selfHostedMonthlyUsd, 1440);
    close(be.atVolume.apiMonthlyUsd, 2500); // 50M/day · 30 · $1.6667e-6
    assert.equal(be.atVolume.cheaper, 'self-hosted');
  });

  it('a cheap API is never beaten when the tokens to break even exceed what one deployment can carry', () => {
    const be = breakEven(cost, offering('cheap/m', 0.1, 0.1), 1000, 500);
    // 1440 / 1e-7 = 14.4B tokens > 3.53B a month of capacity
    assert.equal(be.breakEvenTokensPerMonth, null);
    assert.match(be.note, /never/);
  });

  it('an unpriced API offering gives no break-even and says why', () => {
    const be = breakEven(cost, offering('x/m', undefined, 3), 1000, 500);
    assert.equal(be.breakEvenTokensPerMonth, null);
    assert.equal(be.apiUsdPerMillionTokens, undefined);
    assert.match(be.note, /unpriced/);
  });
});
