/**
 * A table of records holding functions (repo/record-tables.ts): `model_info[model]["fn_without_ui"](…)` runs the
 * function of whichever record the key picks, so the bridge's request is reached from the dispatch; counted loops that
 * fan one question out per pass or walk fragments by index (`n = len(xs)` … `range(n)`) stay no agent loops
 * (repo/fanned-out.ts), while a loop that hands the reply back is one. Trap: a table of records of formatters.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: dispatch through a table of records, fan-out loops', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('record-dispatch');
  });

  it('the bridge request is reached through model_info[model]["fn_without_ui"]: the dispatch is its use', () => {
    const site = file(r, 'request_llms/bridge_chat.py').calls.find((c) => c.line === 17);
    assert.ok(site, 'bridge post found');
    assert.ok(site.uses?.some((u) => u.path === 'request_llms/bridge_all.py' && u.line === 33), JSON.stringify(site.uses));
  });

  it('a loop handing the reply back through the table is an agent loop of 8 passes', () => {
    const loops = file(r, 'plugins/summary.py').agentLoops.filter((l) => l.line < 36);
    assert.deepEqual(loops.map((l) => l.line), [28]);
    assert.equal(loops[0]!.maxSteps, 8);
    assert.deepEqual(loops[0]!.stepSites, [{ path: 'request_llms/bridge_chat.py', line: 17 }]);
  });

  it('keyword arguments: `history=[]` passes a fresh list (a fan-out), `history=history` hands the replies back (a loop)', () => {
    const lines = file(r, 'plugins/summary.py').agentLoops.map((l) => l.line);
    assert.ok(!lines.includes(38), `the keyword fan-out is no loop (${lines.join(', ')})`);
    assert.ok(lines.includes(47), `the loop passing its history by keyword is one (${lines.join(', ')})`);
  });

  it('traps: a fan-out over days, a walk over fragments by index, a table of formatter records', () => {
    const lines = file(r, 'plugins/summary.py').agentLoops.map((l) => l.line);
    assert.ok(!lines.includes(6) && !lines.includes(18), lines.join(', '));
    assert.ok(!r.files.some((f) => f.path === 'plugins/handlers.py' && f.calls.length), 'no request in the formatters');
  });
});
