/**
 * Every request of a loop's step is priced in the loop's task, not only the first: the second speaker of a debate
 * cycle is not billed again on its own at full traffic. A helper's request that nodes outside the loop call too
 * stays a site of its own (those callers are uses billed there).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteCosts } from '../../../src/core/report/totals';
import type { ScanResult } from '../../../src/node/scan';
import { file, REPOS, scan, scanTree } from '../repo/fixture-scan';

const FIXTURE = join(REPOS, 'graph-router-methods');

function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = { 'main.py': readFileSync(join(FIXTURE, 'main.py'), 'utf8') };
  for (const f of readdirSync(join(FIXTURE, 'debate'))) out[`debate/${f}`] = readFileSync(join(FIXTURE, 'debate', f), 'utf8');
  return out;
}

const billedLines = (r: ScanResult, path: string): number[] =>
  siteCosts(file(r, path), r.assumptions)
    .filter((s) => s.kind === 'call')
    .map((s) => s.line);

describe('loops: every request of a step is part of the task', () => {
  it('the Con speaker of the Pro ↔ Con cycle is a step of the debate loop, not a site billed on its own; the judge is', async () => {
    const r = await scan('graph-router-methods');
    const debate = file(r, 'debate/setup.py').agentLoops.find((l) => l.line === 46)!;
    assert.ok(debate.stepSites?.some((s) => s.path === 'debate/agents.py' && s.line === 11), 'Con is one of its steps');
    const con = file(r, 'debate/agents.py').calls.find((c) => c.line === 11)!;
    assert.equal(con.stepOf, `debate/setup.py#${debate.id}`);
    const billed = billedLines(r, 'debate/agents.py');
    assert.ok(!billed.includes(11) && !billed.includes(3), `neither speaker is billed apart (billed: ${billed.join(', ')})`);
    assert.ok(billed.includes(19), 'the judge runs once after the cycle: a site of its own');
  });

  it('trap: a helper the Con speaker and the judge both call keeps its request billed, its callers uses', async () => {
    const files = fixtureFiles();
    const agents = files['debate/agents.py']
      .replace('reply = llm.invoke(f"Argue against the motion.', 'reply = speak(llm, f"Argue against the motion.')
      .replace('llm.invoke(f"Judge this debate: {state[\'debate\'][\'history\']}").content', 'speak(llm, f"Judge this debate: {state[\'debate\'][\'history\']}")');
    assert.notEqual(agents, files['debate/agents.py']);
    files['debate/agents.py'] = `class Reply:\n    def __init__(self, content):\n        self.content = content\n\n\ndef speak(llm, text):\n    return Reply(llm.invoke(text).content)\n\n\n${agents}`;
    const r = await scanTree(files);
    const helper = file(r, 'debate/agents.py').calls.find((c) => c.line === 7);
    assert.ok(helper, 'the helper request is found');
    const debate = file(r, 'debate/setup.py').agentLoops.find((l) => l.line === 46)!;
    assert.ok(debate.stepSites?.some((s) => s.path === 'debate/agents.py' && s.line === 7), 'the helper is one of the debate steps');
    assert.equal(helper.stepOf, undefined, 'shared with the judge: billed on its own, not only as a step');
    assert.ok(billedLines(r, 'debate/agents.py').includes(7));
  });
});
