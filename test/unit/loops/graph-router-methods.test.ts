import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

/**
 * A graph built in a method that returns it uncompiled (the caller compiles it), its nodes made by factories, its
 * routers methods of an object the builder is handed, and one cycle added per spec by a `for` loop.
 */
describe('loops: LangGraph cycles routed by methods of another object, in a returned builder', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('graph-router-methods');
  });
  const loopsOf = () => file(r, 'debate/setup.py').agentLoops;

  it('the two-speaker debate cycle is bounded by its router method’s count >= 2 * self.max_rounds (2 by default): 4 passes', () => {
    const debate = loopsOf().find((l) => l.line === 46);
    assert.ok(debate, `a loop at the Pro edge (have ${loopsOf().map((l) => l.line).join(', ')})`);
    assert.equal(debate.bounded, true);
    assert.equal(debate.maxSteps, 4);
    assert.equal(debate.rule, 'graph-cycle-nodes');
    assert.ok(debate.stepSites?.some((s) => s.path === 'debate/agents.py'), 'its steps are the requests of the factories’ closures');
  });

  it('each researcher ↔ tool node cycle added in the for loop is a loop, its steps the requests of every factory of the table', () => {
    const tools = loopsOf().find((l) => l.line === 43);
    assert.ok(tools, `a loop at the researcher edge (have ${loopsOf().map((l) => l.line).join(', ')})`);
    assert.equal(tools.bounded, true);
    const lines = new Set(tools.stepSites?.filter((s) => s.path === 'debate/agents.py').map((s) => s.line));
    assert.ok(lines.has(26) && lines.has(33), `both researchers' requests are steps (have ${[...lines].join(', ')})`);
  });

  it('traps: a straight pipeline with the same router methods, and a cycle never compiled nor returned, are no loops', () => {
    const lines = loopsOf().map((l) => l.line);
    assert.deepEqual(lines.filter((l) => l > 50), []);
    assert.equal(loopsOf().length, 2);
  });
});
