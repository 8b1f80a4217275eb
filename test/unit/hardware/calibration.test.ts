import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { TARGETS, errorRows, loadMeasurements, summarize } from '../../../bench/hardware/calibrate';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('hardware calibration against public measurements', () => {
  const ms = loadMeasurements(ROOT);
  const rows = errorRows(ms);

  it('every measurement names known hardware, model, precision and engine, with a source', () => {
    const unknown = rows.filter((r) => r.predicted === undefined).map((r) => r.m.id);
    assert.deepEqual(unknown, []);
    for (const m of ms) assert.match(m.source, /^https?:\/\//, m.id);
  });

  for (const s of summarize(rows).filter((x) => x.subset === 'all')) {
    it(`${s.category}: median and p90 absolute error within target over all ${s.n} measurements`, () => {
      assert.ok(s.n > 0);
      assert.ok(s.median <= TARGETS[s.category].median, `median ${s.median}`);
      assert.ok(s.p90 <= TARGETS[s.category].p90, `p90 ${s.p90}`);
    });
  }

  it('the hold-out half stays within the median targets too', () => {
    for (const s of summarize(rows).filter((x) => x.subset === 'holdout')) {
      assert.ok(s.median <= TARGETS[s.category].median, `${s.category} hold-out median ${s.median}`);
    }
  });
});
