/**
 * Agents that get their request function from a factory method (`llm = self.get_llm(); await llm(convo)`, where
 * `get_llm` returns a closure over the client instance it built): the closure's free names are read in the
 * function it is written in (repo/closures.ts), so the loops that call `llm(…)` reach the client's request. An
 * orchestrator `while True` runs the agent a factory returns (`agent = self.create_agent(r); await agent.run()`).
 * Traps: a loop that reads the user's message each pass through the UI (`session.prompt_async`) is a REPL; the
 * name of a prompt file and a question put to the user are not prompts of the request they lead to.
 */
import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from '../repo/fixture-scan';

describe('loops: request functions handed out as closures', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('loops-closures');
  });

  it('the request inside the client is reached through the closure, on the model the factory method builds', () => {
    const call = file(r, 'app/llm.py').calls.find((c) => c.line === 30);
    assert.ok(call, 'the client request is a site');
    assert.equal(call.model, 'gpt-4o-mini');
  });

  it('the orchestrator loop runs the agent a factory returns and has no bound (a password asked only for some commands is no REPL read)', () => {
    const loop = file(r, 'app/orchestrator.py').agentLoops.find((l) => l.line === 17);
    assert.ok(loop, 'orchestrator loop found');
    assert.equal(loop.bounded, false);
    assert.deepEqual(loop.stepSites, [{ path: 'app/llm.py', line: 30 }]);
  });

  it('asking the user once the attempts are spent is recovery: the retry-with-feedback loop is bounded by its countdown', () => {
    const loop = file(r, 'app/agents.py').agentLoops.find((l) => l.line === 54);
    assert.ok(loop, 'fix_until_valid loop found');
    assert.equal(loop.bounded, true);
    assert.equal(loop.maxSteps, 3);
  });

  it('traps: a loop reading the user through the UI each pass (on either arm of a choice), a prompt file name and a question to the user', () => {
    const agents = file(r, 'app/agents.py');
    assert.ok(!agents.agentLoops.some((l) => l.line === 45), 'chat() reads the user first: an interactive REPL');
    const texts = agents.prompts.map((p) => p.preview);
    assert.ok(!texts.some((t) => /^(plan|review)$/.test(t)), `template names are not prompts (have ${JSON.stringify(texts)})`);
    assert.ok(!texts.some((t) => /Which file should I review/.test(t)), 'a question put to the user is not sent to the model');
  });
});
