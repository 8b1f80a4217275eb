import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { errorRows, loadDataset, setOf } from '../../../bench/hardware/calibrate';
import { fitRows } from '../../../bench/hardware/fit';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('hardware calibration against public measurements', () => {
  const dataset = loadDataset(ROOT);
  const rows = errorRows(dataset);

  it('every measurement names known hardware, model, precision and engine, with a source in the registry', () => {
    const unknown = rows.filter((r) => r.predicted === undefined).map((r) => r.m.id);
    assert.deepEqual(unknown, []);
    const ids = new Set(dataset.sources.map((s) => s.id));
    for (const m of dataset.measurements) {
      assert.match(m.source, /^https?:\/\//, m.id);
      assert.ok(ids.has(m.sourceId), `${m.id}: source ${m.sourceId} not registered`);
    }
  });
});
