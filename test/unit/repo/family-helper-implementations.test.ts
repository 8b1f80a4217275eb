import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';
import { clientApi, files as family } from './store-family-fixture';
import { billsOnItsOwn } from '../../../src/core/report/roles';

/** The NextChat-shaped repository with a third provider class whose `chat` streams through `stream()` of app/utils/chat.ts. */
const API = clientApi({ key: 'think', cls: 'ThinkApi', module: './platforms/think' });

const THINK = `import { ChatOptions, LLMApi } from '../api';
import { stream } from '../../utils/chat';
export class ThinkApi implements LLMApi {
  async chat(options: ChatOptions) {
    const requestPayload = { messages: options.messages, model: options.config.model, stream: true };
    if (options.config.stream) {
      stream('https://api.think.example/v1/chat', requestPayload, [], {}, options);
    } else {
      const res = await fetch('https://api.think.example/v1/chat', { method: 'POST', body: JSON.stringify(requestPayload) });
      options.onFinish(await res.text());
    }
  }
}
`;

/** `send()` of app/utils/chat.ts, called from application code in a loop: its request stays a site, its loop billed. */
const PAGE = `import { send } from './utils/chat';
export async function summarize(parts: string[]) {
  for (const p of parts) {
    await send('https://api.openai.com/v1/chat/completions', [{ role: 'user', content: p }]);
  }
}
`;

const helperFiles = { ...family, 'app/client/api.ts': API, 'app/client/platforms/think.ts': THINK };

describe("requests of helpers only a provider family's implementation calls (TypeScript)", () => {
  it("stream()'s post, called only from a provider class's chat, is the family's implementation; its tool loop is priced at the family's calls", async () => {
    const r = await scanTree(helperFiles);
    const utils = file(r, 'app/utils/chat.ts');
    const streamed = utils.calls.filter((c) => c.line < 33);
    assert.deepEqual(streamed.map((c) => [c.line, c.role]), [[20, 'implementation']]);
    assert.ok(!streamed.some(billsOnItsOwn));
    // The finish()/chatApi() loop is still found (unbounded) and listed, but billed at the family's calls.
    const loop = utils.agentLoops.find((l) => l.line === 5);
    assert.ok(loop && !loop.bounded, JSON.stringify(utils.agentLoops.map((l) => l.line)));
    assert.match(loop.stepOf ?? '', /family/);
    assert.deepEqual(file(r, 'app/store/chat.ts').calls.map((c) => [c.line, c.role]), [[19, undefined]]);
  });

  it("a sibling class of the family's folder whose own post is not read (a body built by a call) still calls stream() as the family", async () => {
    const glm = THINK.replace("JSON.stringify(requestPayload) }", "this.createPayload(requestPayload) }").replace('async chat(', 'createPayload(p: any) { return { method: \'POST\', body: p }; }\n  async chat(');
    const r = await scanTree({ ...helperFiles, 'app/client/platforms/think.ts': glm });
    assert.deepEqual(file(r, 'app/utils/chat.ts').calls.filter((c) => c.line < 33).map((c) => c.role), ['implementation']);
  });

  it('trap: a helper no family calls (send(), unused) keeps its request as a site of its own', async () => {
    const r = await scanTree(helperFiles);
    const send = file(r, 'app/utils/chat.ts').calls.filter((c) => c.line > 33);
    assert.deepEqual(send.map((c) => [c.line, c.role]), [[39, undefined]]);
  });

  it('trap: a helper the family calls but application code calls too is no implementation; no loop over it is priced at the family', async () => {
    const both = { ...helperFiles, 'app/page.ts': PAGE, 'app/client/platforms/think.ts': THINK.replace("stream('https", "send('https://x', options.messages);\n    stream('https") };
    const r = await scanTree(both);
    const send = file(r, 'app/utils/chat.ts').calls.filter((c) => c.line > 33);
    assert.deepEqual(send.map((c) => [c.line, c.role]), [[39, undefined]]);
    // Only the loop inside stream() is priced at the family's calls; no loop over send() is.
    const atFamily = r.files.flatMap((f) => f.agentLoops.filter((l) => /family/.test(l.stepOf ?? '')).map((l) => `${f.path}:${l.line}`));
    assert.deepEqual(atFamily, ['app/utils/chat.ts:5']);
  });

  it('trap: without a class of the family calling it, stream() stays a site and its loop is billed', async () => {
    const r = await scanTree(family);
    const utils = file(r, 'app/utils/chat.ts');
    assert.deepEqual(utils.calls.filter((c) => c.line < 33).map((c) => c.role), [undefined]);
    assert.ok(utils.agentLoops.every((l) => !l.stepOf));
  });
});
