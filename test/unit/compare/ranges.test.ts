/**
 * Compare rows with the range of a site's assumed inputs, and the chart model that draws them as
 * error bars. Rows come from the core's compareOfferings; the chart model is the page's own code.
 */
import * as assert from 'node:assert/strict';
import { compareOfferings } from '../../../src/core/compare/compare';
import type { Catalog } from '../../../src/core/catalog/types';
import type { Price } from '../../../src/core/cost/types';
import { noUncertainty } from '../../../src/core/agent/range';
import type { Workload } from '../../../src/core/workload';
import { chartModel } from '../../../src/webview/compare/chart-model';
import { fixtureCatalog } from '../cost/fixture-catalog';

const workload: Workload = { inputTokens: 2000, cachedInputTokens: 0, outputTokens: 1000, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: false, batch: false, callsPerDay: 1000 };
const sameTokenizer: Catalog = { ...fixtureCatalog, models: fixtureCatalog.models.map((m) => ({ ...m, tokenizer: 'o200k_base' })) };
type Priced = Extract<Price, { kind: 'priced' }>;

describe('compare: ranges and error bars', () => {
  it('with the assumed inputs of a site, every priced row carries low ≤ expected ≤ high, per unit and per month; without, none', () => {
    const plain = compareOfferings(sameTokenizer, workload);
    const ranged = compareOfferings(sameTokenizer, workload, { ranges: { uncertain: { ...noUncertainty(), output: { kind: 'call', assumed: 1000 } } } });
    assert.deepEqual(
      ranged.rows.map((r) => r.id),
      plain.rows.map((r) => r.id),
      'the expected figures, hence the order, do not change',
    );
    for (const [i, r] of ranged.rows.entries()) {
      if (r.perUnit.kind !== 'priced') continue;
      const p = r.perUnit as Priced;
      assert.equal(p.usd, (plain.rows[i].perUnit as Priced).usd);
      // A high whose request would not fit the model's window (mystery/tiny-model: 3,000 output tokens) stays at the expected figure.
      assert.ok(p.low! < p.usd && p.usd <= p.high!, `${r.id} ${JSON.stringify(p)}`);
      const m = r.monthly as Priced;
      assert.ok(Math.abs(m.high! - p.high! * 30_000) < 1e-9, 'monthly high = per-unit high × 1000 × 30');
      assert.equal((plain.rows[i].perUnit as Priced).low, undefined);
    }
    assert.ok(ranged.rows.filter((r) => r.perUnit.kind === 'priced' && (r.perUnit as Priced).high! > (r.perUnit as Priced).usd).length >= 3);
  });

  it('the chart model carries each point’s range for its error bar, and none where the price has no range', () => {
    const ranged = compareOfferings(sameTokenizer, workload, { ranges: { uncertain: { ...noUncertainty(), output: { kind: 'call', assumed: 1000 } } } });
    const model = chartModel(ranged.rows, 'gpt-4.1');
    const points = [...model.others, ...model.pareto];
    assert.ok(points.length >= 3);
    for (const p of points) {
      const row = ranged.rows.find((r) => r.id === p.id)!;
      const price = row.perUnit as Priced;
      assert.deepEqual([p.y, p.yLow, p.yHigh], [price.usd, price.low, price.high]);
    }
    const plain = chartModel(compareOfferings(sameTokenizer, workload).rows, 'gpt-4.1');
    assert.ok([...plain.others, ...plain.pareto].every((p) => p.yLow === undefined && p.yHigh === undefined));
  });
});
