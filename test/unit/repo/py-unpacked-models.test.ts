import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('models followed through unpacking, loop targets, binding invokes and LCEL pipes (Python)', () => {
  it('`client, model = create_client(NAME)` binds model to item 1 of the returned tuple: the request its callers reach is on NAME (a later loop rebinding the parameter is no value of it)', async () => {
    const r = await scan('py-unpacked-models');
    const calls = file(r, 'app/ask.py').calls;
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[2, 'claude-3-5-sonnet']]);
    assert.deepEqual(calls[0].modelSource?.at, { path: 'app/settings.py', line: 1 });
  });

  it("an invoke of `self.llm` bound in __init__ from a parameter reads the binding's model where the binding is written", async () => {
    const r = await scan('py-unpacked-models');
    const reject = file(r, 'app/guard.py').calls.find((c) => c.line === 10);
    assert.equal(reject?.rule, 'binding-invoke');
    // Guard(model="openai:gpt-4o-mini", …) in app/wiring.py.
    assert.equal(reject?.modelResolved, 'gpt-4o-mini', JSON.stringify(reject?.modelSource));
  });

  it("a loop over a fallback chain (`for i, (name, llm) in enumerate(self.chain)`) sends on the chain's first model", async () => {
    const r = await scan('py-unpacked-models');
    const classify = file(r, 'app/guard.py').calls.find((c) => c.line === 17);
    assert.equal(classify?.modelResolved, 'gpt-4o-mini', JSON.stringify(classify?.modelSource));
  });

  it('`chain = prompt | model | parser` then chain.ainvoke is a request on the one model-named operand; a pipe without one is none', async () => {
    const r = await scan('py-unpacked-models');
    const calls = file(r, 'app/chains.py').calls;
    // echo's chain (prompt | parser, line 17) names no model: no request.
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[11, 'gpt-4o-mini']]);
  });
});

describe('a LangChain pipe with retry and fallbacks is the same binding (Python)', () => {
  it('(init_chat_model(…) | RunnableLambda(check)).with_retry().with_fallbacks([…]) handed to a constructor: the primary model', async () => {
    const r = await scan('py-unpacked-models');
    const calls = file(r, 'app/summary.py').calls;
    assert.deepEqual(calls.map((c) => [c.line, c.model]), [[6, 'google_genai:gemini-2.0-flash']]);
    assert.deepEqual(calls[0].modelSource?.at, { path: 'app/retrying.py', line: 17 });
  });
});
