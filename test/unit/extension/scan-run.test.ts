/**
 * The Cost report's scan state: Cancel stops the progress the view is told about (the workers' last
 * messages used to turn "cancelled" back into "Scanning…"), and the log says where the scan
 * stopped and how long after the request.
 */
import * as assert from 'node:assert/strict';
import { PROGRESS_EVERY_MS, ScanRun } from '../../../src/extension/webviews/report/scan-run';

function clock() {
  const c = { t: 1_000, now: () => c.t };
  return c;
}

describe('extension/report scan run: progress and cancel', () => {
  it('posts at most one progress message per interval, and always the last one', () => {
    const c = clock();
    const run = new ScanRun(c.now);
    assert.equal(run.progress({ done: 1, total: 10 }), true);
    c.t += PROGRESS_EVERY_MS - 1;
    assert.equal(run.progress({ done: 2, total: 10 }), false);
    assert.equal(run.progress({ done: 10, total: 10 }), true, 'the final count always reaches the view');
    c.t += PROGRESS_EVERY_MS;
    assert.equal(run.progress({ done: 3, total: 10 }), true);
  });

  it('after Cancel, posts no more progress and keeps the count where the cancel found it', () => {
    const c = clock();
    const run = new ScanRun(c.now);
    run.progress({ done: 1308, total: 1800 });
    assert.equal(run.cancel(), 'Cost report: cancel requested at 1308 of 1800 files');
    assert.equal(run.cancelled, true);
    c.t += 54;
    assert.equal(run.progress({ done: 1800, total: 1800 }), false, 'the workers winding down say nothing to the view');
    assert.equal(run.stoppedLine(), 'Cost report: scan cancelled at 1308 of 1800 files; stopped 54 ms after the request');
    assert.equal(run.cancel(), undefined, 'a second Cancel does nothing');
  });

  it('a scan stopped by a newer one or a closed view is cancelled with no user request to time', () => {
    const run = new ScanRun(clock().now);
    run.progress({ done: 5, total: 9 });
    run.supersede();
    assert.equal(run.cancelled, true);
    assert.equal(run.cancel(), undefined);
    assert.equal(run.stoppedLine(), 'Cost report: scan cancelled at 5 of 9 files');
  });

  it('stops the work of the scan (its process) on Cancel, on a newer scan, and at once when registered late', () => {
    const stops: string[] = [];
    const cancelled = new ScanRun(clock().now);
    cancelled.onStop(() => stops.push('cancel'));
    assert.equal(stops.length, 0, 'registering does not stop a running scan');
    cancelled.cancel();
    cancelled.cancel();
    const superseded = new ScanRun(clock().now);
    superseded.onStop(() => stops.push('supersede'));
    superseded.supersede();
    const late = new ScanRun(clock().now);
    late.supersede();
    late.onStop(() => stops.push('late'));
    assert.deepEqual(stops, ['cancel', 'supersede', 'late']);
  });
});
