/**
 * Loops whose requests only the repository reveals (repo/loop-requests.ts): calls on the repository's own
 * chat-model class family (`self.llm.gen(…)` after `self.llm = LLMCreator.create_llm()`) are requests like any
 * detected one — sent in a loop's body, or reached from it through the call graph (here through a dispatch
 * table, repo/dispatch-tables.ts, or through a closure handed to a retry helper). Bounds: a counter's exit guard whose own branch sends a last request counts
 * that pass. Traps: a walk over data, samples of one unchanged request, a retry, a table of strings.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: requests on the repository’s own chat-model class family', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-family-requests');
  });

  it('a tool loop sending family requests in its body, capped by a counter whose exit branch sends the last request, runs MAX_ROUNDS = 8 passes', () => {
    const loop = file(r, 'app/tool_loop.py').agentLoops.find((l) => l.line === 13);
    assert.ok(loop, `tool loop found (have ${file(r, 'app/tool_loop.py').agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.maxSteps, 8);
    assert.deepEqual(loop.boundAt, { path: 'app/tool_loop.py', line: 3 });
    assert.deepEqual(loop.stepSites?.map((s) => s.line), [18, 20]);
  });

  it('a `range(self.max_iterations)` loop around a family request runs the constructor default’s 4 passes', () => {
    const loop = file(r, 'app/tool_loop.py').agentLoops.find((l) => l.line === 31);
    assert.ok(loop, 'research loop found');
    assert.equal(loop.maxSteps, 4);
    const site = file(r, 'app/tool_loop.py').calls.find((c) => c.line === 32);
    assert.ok(site?.stepOf, 'the family request is priced as the loop’s step');
  });

  it('a node loop reaching a family request through a dispatch table runs MAX_STEPS = 30 passes', () => {
    const loop = file(r, 'app/engine.py').agentLoops.find((l) => l.line === 19);
    assert.ok(loop, `engine loop found (have ${file(r, 'app/engine.py').agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.maxSteps, 30);
    assert.deepEqual(loop.stepSites, [{ path: 'app/engine.py', line: 9 }]);
  });

  it('a loop whose request sits in a closure handed to a retry helper (run by a retry library) sends it each pass', () => {
    const loop = file(r, 'app/engine.py').agentLoops.find((l) => l.line === 57);
    assert.ok(loop, 'conversation loop found');
    assert.equal(loop.maxSteps, 6);
    assert.deepEqual(loop.stepSites, [{ path: 'app/engine.py', line: 51 }]);
  });

  it('traps: a walk over documents, samples of one unchanged request, a retry, a loop over a table of strings', () => {
    assert.deepEqual(file(r, 'app/traps.py').agentLoops.map((l) => l.line), []);
  });
});
