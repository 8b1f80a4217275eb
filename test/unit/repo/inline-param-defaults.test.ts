import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('a loop bounded by a defaulted parameter of an inline callback (TypeScript)', () => {
  it('a tool execute callback `({ topic, passes = 5 })` bounds `while (state.depth < passes)` at its default, not at the failure counter that only breaks', async () => {
    const r = await scan('ts-default-depth-loop');
    const loops = file(r, 'src/research.ts').agentLoops.map((l) => [l.line, l.bounded, l.maxSteps]);
    assert.deepEqual(loops, [[20, true, 5]]);
  });

  it('a callback parameter without a default stays unknown: the loop is unbounded', async () => {
    const r = await scan('ts-default-depth-loop');
    const loops = file(r, 'src/crawl.ts').agentLoops.map((l) => [l.line, l.bounded]);
    assert.deepEqual(loops, [[13, false]]);
  });
});
