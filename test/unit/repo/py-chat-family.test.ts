import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe("requests through the repository's own chat-model class family (Python)", () => {
  it('a request method called on an object the family factory builds is the call site, on the model of the class it picks by default', async () => {
    const r = await scan('py-chat-family');
    const answer = file(r, 'app/answer.py');
    // self.llm (assigned from the factory in __init__, on the else branch) and llm (a parameter: the repository's
    // name for its chat-model objects, assigned from the factory in summarize()).
    assert.deepEqual(answer.calls.map((c) => c.line).sort((a, b) => a - b), [14, 19]);
    for (const c of answer.calls) {
      assert.equal(c.role, undefined, `line ${c.line} is billed`);
      // settings.LLM_PROVIDER = "hosted" picks HostedLLM (registry entry name = "hosted", llm_class = HostedLLM),
      // whose _raw_gen hands super() its own model whatever the site passes (gpt-4.1).
      assert.equal(c.modelResolved, 'gpt-4o-mini', `line ${c.line}`);
      assert.deepEqual(c.modelSource?.at, { path: 'llm/hosted.py', line: 3 });
    }
  });

  it('the SDK requests inside the family are its implementation: listed, not billed again', async () => {
    const r = await scan('py-chat-family');
    for (const path of ['llm/openai_llm.py', 'llm/anthropic_llm.py']) {
      const calls = file(r, path).calls;
      assert.equal(calls.length, 1, path);
      assert.equal(calls[0].role, 'implementation', path);
    }
  });

  it("traps: a method of the same name on an object that is not the family's, and a wrapper whose own method sends", async () => {
    const r = await scan('py-chat-family');
    const traps = file(r, 'app/traps.py');
    // agent.gen(…) runs an Agent (no request of its own); summarizer.gen(…) calls a plain wrapper: the request
    // inside Summarizer.gen (line 21) is the site and line 27 is one of its uses.
    // Conversation.start reaches its own request through _ask: also a wrapper (line 40 is the site), not a
    // chat-model object whose request a subclass decides: convo.start(…) at line 45 is no second site.
    assert.deepEqual(traps.calls.map((c) => [c.line, c.role]), [[21, undefined], [40, undefined]]);
    assert.ok(traps.calls[0].uses?.some((u) => u.line === 27), JSON.stringify(traps.calls[0].uses));
  });
});
