import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe("requests on a receiver annotated with the repository's chat-model class family (Python)", () => {
  it('a provider built by a registry lookup and handed in as `provider: ModelProvider` is the call site, even from a closure', async () => {
    const r = await scan('py-typed-provider');
    const calls = file(r, 'app/executor.py').calls;
    // provider.call_model (line 15, in a closure of _invoke whose parameter is annotated with the abstract base);
    // store.call_model (a VectorStore, outside the family) and summarizer.call_model (a concrete wrapper that sends
    // itself: its own request is the site, this line one of its uses) are not sites here.
    assert.deepEqual(calls.map((c) => [c.line, c.role]), [[15, undefined]]);
  });

  it("the subclass's SDK request is the family's implementation; the wrapper's stays its own site", async () => {
    const r = await scan('py-typed-provider');
    for (const p of ['providers/openai_provider.py', 'providers/anthropic_provider.py']) assert.deepEqual(file(r, p).calls.map((c) => c.role), ['implementation'], p);
    const wrapper = file(r, 'app/summarizer.py').calls;
    assert.deepEqual(wrapper.map((c) => [c.line, c.role]), [[6, undefined]]);
    assert.ok(wrapper[0].uses?.some((u) => u.path === 'app/executor.py' && u.line === 23), JSON.stringify(wrapper[0].uses));
  });

  it('an interface with one sending implementation (beside a mock) is a wrapper: the request inside it is the site, the typed call a use', async () => {
    const r = await scan('py-typed-provider');
    assert.deepEqual(r.files.find((f) => f.path === 'app/views.py')?.calls.map((c) => c.line) ?? [], []);
    const inner = file(r, 'app/service.py').calls;
    assert.deepEqual(inner.map((c) => [c.line, c.role]), [[11, undefined]]);
  });
});
