import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('requests through a front class over a chat-model family (Python)', () => {
  it("a method handing the request to an annotated family attribute (through a closure's local) is a site where a receiver is declared to hold the front", async () => {
    const r = await scan('py-front-family');
    // Writer's constructor parameter `api: ModelApi` (built by a DI container: no caller to follow) stored as self.api;
    // a plain function's parameter annotated ModelApi calling a method that reaches the request through self.ask.
    assert.deepEqual(file(r, 'app/writer.py').calls.map((c) => [c.line, c.rule]), [[15, 'py-family-front'], [22, 'py-family-front']]);
    // The providers' SDK requests are the family's implementation: listed, not billed again.
    assert.deepEqual(file(r, 'llm/openai_backend.py').calls.map((c) => c.role), ['implementation']);
    assert.deepEqual(file(r, 'llm/anthropic_backend.py').calls.map((c) => c.role), ['implementation']);
  });

  it('traps: a method of the same name on an annotated store, on an unannotated parameter, and the front calling itself', async () => {
    const r = await scan('py-front-family');
    const lines = file(r, 'app/writer.py').calls.map((c) => c.line);
    assert.ok(!lines.includes(16) && !lines.includes(17), JSON.stringify(lines));
    assert.deepEqual(r.files.find((f) => f.path === 'llm/api.py')?.calls.map((c) => c.line) ?? [], []);
    assert.deepEqual(r.files.find((f) => f.path === 'app/store.py')?.calls.map((c) => c.line) ?? [], []);
  });
});
