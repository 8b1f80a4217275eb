import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';
import { files } from './store-family-fixture';

describe('requests through a factory-picked provider class family, called from store methods (TypeScript)', () => {
  it("api.llm.chat(…) on the family a factory's class holds is the site; the posts inside the classes are its implementation", async () => {
    const r = await scanTree(files);
    const store = file(r, 'app/store/chat.ts');
    assert.deepEqual(store.calls.map((c) => [c.line, c.role]), [[19, undefined]]);
    // `fetch(chatPath, chatPayload)`: the body assigned in a branch of the method carries messages and a model.
    assert.deepEqual(file(r, 'app/client/platforms/openai.ts').calls.map((c) => [c.line, c.role]), [[13, 'implementation']]);
    assert.deepEqual(file(r, 'app/client/platforms/anthropic.ts').calls.map((c) => [c.line, c.role]), [[5, 'implementation']]);
  });

  it('trap: an upload post, a post to the own server route, a store method that never sends and a factory of non-model classes are no requests', async () => {
    const r = await scanTree(files);
    const openai = file(r, 'app/client/platforms/openai.ts');
    assert.ok(!openai.calls.some((c) => c.line === 17 || c.line === 20), JSON.stringify(openai.calls.map((c) => c.line)));
    assert.ok(!file(r, 'app/store/chat.ts').calls.some((c) => c.line > 40));
    // storage.complete(…) on a factory's type whose class posts no chat body.
    const storage = r.files.filter((f) => f.path === 'app/store/tasks.ts' || f.path === 'app/client/storage.ts');
    assert.deepEqual(storage.flatMap((f) => f.calls.map((c) => `${f.path}:${c.line}`)), []);
  });

  it('the MCP tool loop around the store methods (onUserInput → onNewMessage → checkMcpJson → onUserInput) is unbounded', async () => {
    const r = await scanTree(files);
    const loops = file(r, 'app/store/chat.ts').agentLoops;
    assert.deepEqual(loops.map((l) => [l.line, l.endLine, l.bounded]), [[27, 32, false]]);
    // The retry store sends (its call is a site) but its cycle runs no tool.
    const retry = file(r, 'app/store/retry.ts');
    assert.deepEqual([retry.calls.map((c) => c.line), retry.agentLoops.length], [[6], 0]);
  });

  it('the tool loop of finish() and chatApi() calling each other through callbacks is unbounded; a retry from onerror is no loop', async () => {
    const r = await scanTree(files);
    const utils = file(r, 'app/utils/chat.ts');
    assert.deepEqual(utils.agentLoops.map((l) => [l.line, l.bounded]), [[5, false]]);
  });
});
