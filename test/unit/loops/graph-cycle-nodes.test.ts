import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: a LangGraph cycle whose nodes are functions of other files', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('graph-cycle-nodes');
  });

  it('the shorten cycle is an agent loop anchored at the edge that closes it, bounded by its router’s counter', () => {
    const loops = file(r, 'graph.ts').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.framework, l.bounded, l.maxSteps]), [[26, 'langgraph', true, 2]]);
    assert.ok(loops[0].stepSites?.some((s) => s.path === 'nodes/shorten.ts'), 'its step is the request the node sends in its own file');
    assert.equal(loops[0].rule, 'graph-cycle-nodes');
  });

  it('traps: the human review cycle (a node calling interrupt) and a straight pipeline of the same nodes are no loops', () => {
    const lines = file(r, 'graph.ts').agentLoops.map((l) => l.line);
    assert.ok(!lines.includes(27) && !lines.includes(28), 'review ↔ rewrite waits for a person each pass');
    assert.equal(r.files.find((f) => f.path === 'pipeline.ts')?.agentLoops.length ?? 0, 0);
  });
});
