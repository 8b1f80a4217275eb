import * as assert from 'node:assert/strict';
import { estimateLatency, DEFAULT_SPEED } from '../../../src/core/cost/latency';
import { gpt41, llamaTogether, flash } from './fixture-catalog';

describe('estimateLatency', () => {
  it('ttft = base + input / prefill; total = ttft + output / tps (catalog figures)', () => {
    const l = estimateLatency(gpt41, 10_000, 500);
    assert.equal(l.ttftMs, 1000); // 500 + 10,000 / 20,000 s
    assert.equal(l.totalMs, 6000); // + 500 / 100 s
    assert.equal(l.basis, 'catalog');
    assert.equal(l.outputTokensPerSecond, 100);
  });

  it('no prefill figure: the default prefill rate, still catalog-based, and the source says so', () => {
    const l = estimateLatency(flash, 10_000, 200);
    assert.equal(l.ttftMs, 1400); // 400 + 10,000 / 10,000 s
    assert.equal(l.totalMs, 2400);
    assert.match(l.source, /prefill 10000 tok\/s assumed/);
  });

  it('no speed figures: stated defaults, basis assumed', () => {
    const l = estimateLatency(llamaTogether, 10_000, 500);
    assert.equal(DEFAULT_SPEED.ttftMs, 700);
    assert.equal(l.ttftMs, 1700);
    assert.equal(l.totalMs, 8842.9); // 1700 + 500 / 70 s
    assert.equal(l.basis, 'assumed');
    assert.match(l.source, /^assumed defaults/);
  });

  it('bad counts count as zero rather than throwing', () => {
    const l = estimateLatency(gpt41, Number.NaN, -5);
    assert.equal(l.totalMs, 500);
  });
});
