/**
 * A step loop written in an abstract base class (`while self.current_step < self.max_steps: self.step()`, `step`
 * abstract) only ever runs in a subclass: its limit is what the concrete subclasses hold, the value most of them
 * share (repo/abstract-bounds.ts), not the base's own default nor an intermediate class's. A concrete base's loop
 * keeps its own value.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: a limit read from self in an abstract base class', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-abstract-bound');
  });

  it('the abstract base loop is bounded by the concrete agents’ max_steps (two of three hold 20), read where they set it', () => {
    const loop = file(r, 'agents/base.py').agentLoops.find((l) => l.line === 11);
    assert.ok(loop, 'base loop found');
    assert.equal(loop.maxSteps, 20, 'not the base’s 10, the intermediate class’s 30 or the minority 15');
    assert.equal(loop.boundAt?.path, 'agents/concrete.py');
  });

  it('trap: a concrete base keeps its own limit although a subclass sets another', () => {
    const loop = file(r, 'agents/plain.py').agentLoops.find((l) => l.line === 14);
    assert.ok(loop, 'review loop found');
    assert.equal(loop.maxSteps, 4);
  });
});
