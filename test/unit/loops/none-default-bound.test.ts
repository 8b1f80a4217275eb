import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

/**
 * A loop limit written as a Python conditional expression that tests for None (`x if x is not None else
 * default`, `default if x is None else x`): the branch the test takes under the code's defaults bounds the
 * loop, whichever order the branches are written in (repo/none-tests.ts).
 */
describe('loops: a limit picked by an `is None` conditional expression', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-none-default');
  });
  const loopAt = (line: number) => {
    const loops = file(r, 'agents/rounds.py').agentLoops;
    const loop = loops.find((l) => l.line === line);
    assert.ok(loop, `a loop at line ${line} (have ${loops.map((l) => l.line).join(', ')})`);
    return loop;
  };

  it('an attribute None by default, read through a method: the default branch bounds the loop (40)', () => {
    assert.equal(loopAt(21).maxSteps, 40);
  });

  it('an attribute that is set: its value (6), not the fallback written first', () => {
    assert.equal(loopAt(35).maxSteps, 6);
  });

  it('a parameter with a value by default: the value (7), not the fallback written first', () => {
    assert.equal(loopAt(42).maxSteps, 7);
  });

  it('a parameter None by default: the fallback (30)', () => {
    assert.equal(loopAt(48).maxSteps, 30);
  });

  it('look-alike: a test that is no None test keeps the first branch that resolves (5)', () => {
    assert.equal(loopAt(55).maxSteps, 5);
  });
});

describe('loops: a TypeScript limit picked by an equality with undefined or null', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-none-default');
  });
  const loopAt = (line: number) => {
    const loops = file(r, 'agents/rounds.ts').agentLoops;
    const loop = loops.find((l) => l.line === line);
    assert.ok(loop, `a loop at line ${line} (have ${loops.map((l) => l.line).join(', ')})`);
    return loop;
  };

  it('`limit === undefined ? 30 : limit` with limit = 7 by default: 7, not the fallback written first', () => {
    assert.equal(loopAt(11).maxSteps, 7);
  });

  it('`limit == null ? 30 : limit` with no default: the fallback (30)', () => {
    assert.equal(loopAt(18).maxSteps, 30);
  });
});
