/**
 * Recursions priced as loops (repo/extract-recursion.ts, repo/recursion-loops.ts): a function that reaches a
 * request and calls itself with a level counter runs one level per pass, counted from the counter's start (the
 * caller's value, the parameter's default) to the level where its comparison turns. Traps: a retry that calls
 * itself from an error handler, a walk over a tree (no counter), and a loop over data by index.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: recursions bounded by a level counter', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-recursion');
  });

  it('TypeScript: a research step recursing with depth − 1 while the next depth is above 0 runs the caller’s 3 levels', () => {
    const loop = file(r, 'src/research.ts').agentLoops.find((l) => l.line === 9);
    assert.ok(loop, `research recursion found (have ${file(r, 'src/research.ts').agentLoops.map((l) => l.line).join(', ')})`);
    assert.equal(loop.maxSteps, 3);
    assert.equal(loop.endLine, 17);
    assert.deepEqual(loop.stepSites, [{ path: 'src/research.ts', line: 5 }], 'each level sends the request of the helper it calls');
    assert.equal(loop.boundAt?.path, 'src/cli.ts', 'the depth comes from the command line’s default');
  });

  it('Python: a tool round recursing with _round + 1 until the next round reaches MAX_ROUNDS = 5 runs 5 rounds (a re-send at the same round is not a level)', () => {
    const loop = file(r, 'app/tools.py').agentLoops.find((l) => l.line === 11);
    assert.ok(loop, 'tool-round recursion found');
    assert.equal(loop.maxSteps, 5);
    assert.deepEqual(loop.boundAt, { path: 'app/tools.py', line: 3 });
  });

  it('traps: a retry from an error handler, a safety stop, a tree walk, batches of data by index', () => {
    assert.ok(!file(r, 'app/tools.py').agentLoops.some((l) => l.line === 25), 'ask_once calls itself only to retry after an error');
    assert.ok(!file(r, 'app/tools.py').agentLoops.some((l) => l.line === 33), '`depth > 3` from depth=0: a safety stop of a re-summary');
    const research = file(r, 'src/research.ts');
    assert.ok(!research.agentLoops.some((l) => l.line === 27 || l.line === 29), 'summarizeTree walks a tree: no counter bounds it');
    assert.ok(!research.agentLoops.some((l) => l.line === 21), '`i < texts.length` walks data by index');
  });
});
