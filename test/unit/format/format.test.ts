import * as assert from 'node:assert/strict';
import {
  formatDuration,
  formatInteger,
  formatMultiplier,
  formatPercent,
  formatPerMillion,
  formatPrice,
  formatPriceWithRange,
  formatTokens,
  formatUsd,
} from '../../../src/core/format';

describe('format', () => {
  it('formatUsd: below $1 two significant digits (at least cents), then two decimals, large whole dollars', () => {
    const cases: [number, string][] = [
      [0, '$0'],
      [0.00004, '<$0.0001'],
      [0.0001, '$0.0001'],
      [0.0042, '$0.0042'],
      [0.00123, '$0.0012'],
      [0.004, '$0.004'],
      [0.009999, '$0.01'],
      [0.01, '$0.01'],
      [0.024, '$0.024'],
      [0.0999, '$0.10'],
      [0.123, '$0.12'],
      [0.999, '$1.00'],
      [0.1 + 0.2, '$0.30'],
      [0.5, '$0.50'],
      [1.234, '$1.23'],
      [99.99, '$99.99'],
      [99.999, '$100'],
      [123.4, '$123'],
      [12345, '$12,345'],
      [1234567.8, '$1,234,568'],
      [-1.5, '-$1.50'],
      [Number.NaN, '$?'],
    ];
    for (const [usd, text] of cases) assert.equal(formatUsd(usd), text, `formatUsd(${usd})`);
  });

  it('formatPrice: unpriced is a word, never $0', () => {
    assert.equal(formatPrice({ kind: 'unpriced', missing: ['input price'] }), 'unpriced');
    assert.equal(
      formatPrice({ kind: 'priced', usd: 0.0042, breakdown: { freshInput: 0.0042, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 } }),
      '$0.0042',
    );
  });

  it('formatPriceWithRange: the figure, then its range in the same digits; no range when inputs are fixed; compact drops a narrow one', () => {
    const b = { freshInput: 0, cachedRead: 0, cacheWrite: 0, output: 0, reasoning: 0 };
    const p = (usd: number, low?: number, high?: number) => ({ kind: 'priced' as const, usd, breakdown: b, ...(low !== undefined ? { low, high } : {}) });
    assert.equal(formatPriceWithRange(p(0.38, 0.21, 0.95)), '$0.38 (0.21–0.95)');
    assert.equal(formatPriceWithRange(p(647, 149.2, 1667.4)), '$647 (149–1,667)');
    assert.equal(formatPriceWithRange(p(0.0004, 0.00003, 0.0009)), '$0.0004 (<0.0001–0.0009)');
    assert.equal(formatPriceWithRange(p(0.11, 0.025, 0.28), { unit: 'task' }), '$0.11/task (0.025–0.28)');
    assert.equal(formatPriceWithRange(p(0.38)), '$0.38', 'every input from code: the plain figure');
    assert.equal(formatPriceWithRange(p(0.38, 0.3801, 0.3802)), '$0.38', 'a range that rounds to the figure is not shown');
    assert.equal(formatPriceWithRange(p(0.38, 0.36, 0.4), { compact: true }), '$0.38', 'compact: within ±10% is left out');
    assert.equal(formatPriceWithRange(p(0.38, 0.21, 0.95), { compact: true }), '$0.38 (0.21–0.95)');
    assert.equal(formatPriceWithRange({ kind: 'unpriced', missing: ['x'] }), 'unpriced');
  });

  it('formatPerMillion: list prices with 2 to 4 decimals', () => {
    assert.equal(formatPerMillion(3), '$3.00/M');
    assert.equal(formatPerMillion(0.075), '$0.075/M');
    assert.equal(formatPerMillion(0.0375), '$0.0375/M');
    assert.equal(formatPerMillion(1.25), '$1.25/M');
    assert.equal(formatPerMillion(0.30000000000000004), '$0.30/M');
    assert.equal(formatPerMillion(150), '$150/M');
    assert.equal(formatPerMillion(undefined), '—');
  });

  it('formatTokens: compact counts', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [850, '850'],
      [999, '999'],
      [1000, '1k'],
      [1800, '1.8k'],
      [9949, '9.9k'],
      [9960, '10k'],
      [12_345, '12k'],
      [128_000, '128k'],
      [999_499, '999k'],
      [999_999, '1M'],
      [1_200_000, '1.2M'],
      [15_000_000, '15M'],
    ];
    for (const [n, text] of cases) assert.equal(formatTokens(n), text, `formatTokens(${n})`);
  });

  it('formatInteger groups thousands', () => {
    assert.equal(formatInteger(1234567), '1,234,567');
    assert.equal(formatInteger(999), '999');
    assert.equal(formatInteger(-12000), '-12,000');
  });

  it('formatDuration: ms, s, min, h', () => {
    const cases: [number, string][] = [
      [0, '0 ms'],
      [0.2, '<1 ms'],
      [850, '850 ms'],
      [999.6, '1.0 s'],
      [2100, '2.1 s'],
      [48_000, '48 s'],
      [59_600, '1.0 min'],
      [192_000, '3.2 min'],
      [5_400_000, '1.5 h'],
    ];
    for (const [ms, text] of cases) assert.equal(formatDuration(ms), text, `formatDuration(${ms})`);
  });

  it('formatMultiplier and formatPercent', () => {
    assert.equal(formatMultiplier(2.28), '×2.3');
    assert.equal(formatMultiplier(140.2), '×140');
    assert.equal(formatMultiplier(undefined), '—');
    assert.equal(formatPercent(0.004), '0.4%');
    assert.equal(formatPercent(0.12), '12%');
    assert.equal(formatPercent(1), '100%');
  });
});
