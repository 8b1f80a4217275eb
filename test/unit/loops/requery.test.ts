/**
 * Requery loops (repo/loops.ts): a loop that reaches a request through the repository's functions and feeds what
 * comes back into the next pass is an agent loop. Bounds: `range(n - 1)`, `while run < MAX + 1` with a counter guard, `while True` with an
 * or-ed counter break, a parameter's value from the launcher's argparse default (a module's own `__main__` demo
 * passes values of its own and ranks after the launcher), an outer loop with a request of its own around an inner
 * reflection loop (both reported, the inner one a step of the outer). Traps: samples of one unchanged request,
 * a retry, a REPL, a worker taking tasks from a queue (`queue.get()`), and an `if n > 1:` around an inner loop's `break` (it leaves the inner loop, not the outer).
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: requery loops around a request of their own', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-requery');
  });

  it('one idea per pass for the launcher’s --num-rounds default (12), not the module demo’s 8 nor the signature’s 20', () => {
    const loop = file(r, 'app/ideas.py').agentLoops.find((l) => l.line === 13);
    assert.ok(loop, `idea loop found (have ${file(r, 'app/ideas.py').agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.maxSteps, 12);
    assert.equal(loop.bounded, true);
  });

  it('reflection rounds `range(reflections - 1)` with the launcher’s REFLECTIONS = 3 run 2 passes, inside each idea’s step', () => {
    const ideas = file(r, 'app/ideas.py');
    const inner = ideas.agentLoops.find((l) => l.line === 16);
    assert.ok(inner, 'reflection loop found');
    assert.equal(inner.maxSteps, 2);
    assert.equal(inner.stepOf, ideas.agentLoops.find((l) => l.line === 13)?.id);
  });

  it('`while run < MAX_RUNS + 1` and `while True … if ok or tries >= MAX_TRIES: break` around a request are bounded by MAX_TRIES = 4', () => {
    const loops = file(r, 'app/experiment.py').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.maxSteps]), [[12, 4], [27, 4]]);
  });

  it('a `break` of an inner loop under `if reflections > 1:` does not bound the outer `while True`', () => {
    const outer = file(r, 'app/polish.py').agentLoops.find((l) => l.line === 7);
    assert.ok(outer, 'polish loop found');
    assert.equal(outer.bounded, false);
  });

  it('traps: samples of one unchanged request, a retry with back-off, a REPL, a worker over a queue of tasks', () => {
    const lines = file(r, 'app/experiment.py').agentLoops.map((l) => l.line);
    for (const trap of [38, 44, 52, 60]) assert.ok(!lines.includes(trap), `line ${trap} is no agent loop`);
  });
});
