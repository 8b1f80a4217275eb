import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { TARGETS, errorRows, loadDataset, setOf, summarize } from '../../../bench/hardware/calibrate';
import { fitRows } from '../../../bench/hardware/fit';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('hardware calibration against public measurements', () => {
  const dataset = loadDataset(ROOT);
  const rows = errorRows(dataset);

  it('every measurement names known hardware, model, precision and engine, with a registered source', () => {
    const unknown = rows.filter((r) => r.predicted === undefined).map((r) => r.m.id);
    assert.deepEqual(unknown, []);
    const ids = new Set(dataset.sources.map((s) => s.id));
    for (const m of dataset.measurements) {
      assert.match(m.source, /^https?:\/\//, m.id);
      assert.ok(ids.has(m.sourceId), `${m.id}: source ${m.sourceId} not registered`);
      assert.ok(m.asOf && m.engine && m.accelerator && m.model && m.precision && m.batch >= 1, m.id);
    }
    assert.ok(dataset.measurements.length >= 300, `${dataset.measurements.length} rows`);
    assert.ok(dataset.sources.length >= 8, `${dataset.sources.length} sources`);
  });

  it('the validation set is disjoint by source from the fit set, and the fit reads only fit sources', () => {
    const sets = setOf(dataset);
    const fitSources = new Set(dataset.sources.filter((s) => s.set === 'fit').map((s) => s.id));
    const validationSources = new Set(dataset.sources.filter((s) => s.set === 'validation').map((s) => s.id));
    assert.ok(fitSources.size > 0 && validationSources.size > 0);
    for (const id of fitSources) assert.ok(!validationSources.has(id), `${id} in both sets`);
    assert.equal(fitSources.size + validationSources.size, dataset.sources.length);
    const used = fitRows(dataset);
    assert.ok(used.length > 0);
    for (const { m } of used) assert.equal(sets.get(m.sourceId), 'fit', `${m.id} from ${m.sourceId} reached the fit`);
    const validationRows = dataset.measurements.filter((m) => validationSources.has(m.sourceId));
    assert.equal(used.length + validationRows.length, dataset.measurements.length);
    // No source URL appears under two source ids (one publication cannot sit on both sides).
    const urls = dataset.sources.map((s) => s.url);
    assert.equal(new Set(urls).size, urls.length);
  });

  for (const s of summarize(rows).filter((x) => x.set === 'validation')) {
    it(`${s.category}: validation median and p90 absolute error within the issue's targets (${s.n} rows never seen by the fit)`, () => {
      assert.ok(s.n >= 10, `only ${s.n} validation rows`);
      assert.ok(s.median <= TARGETS[s.category].median, `median ${s.median}`);
      assert.ok(s.p90 <= TARGETS[s.category].p90, `p90 ${s.p90}`);
    });
  }
});
