import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { formatModelSource } from '../../../src/core/format/provenance';
import { pickUiDefault, type UiDefault } from '../../../src/core/repo/ui-defaults';
import type { CallReport } from '../../../src/core/report/types';
import type { ScanResult } from '../../../src/node/scan';
import { file, scan } from './fixture-scan';


function requests(r: ScanResult, path: string): CallReport[] {
  return file(r, path).calls.filter((c) => c.role !== 'binding');
}

describe('repository model: models chosen in the UI and made by SDK factories', () => {
  let route: ScanResult;
  before(async () => {
    route = await scan('ui-default-route');
  });

  it('a helper returning gateway.languageModel("…") gives that id; the branch taken only under tests is skipped', () => {
    const [title] = requests(route, 'app/actions.ts');
    assert.equal(title.modelResolved, 'gpt-4.1-mini');
    assert.equal(title.model, 'openai/gpt-4.1-mini');
    assert.equal(title.modelSource?.from, 'code');
    assert.deepEqual(title.modelSource?.at, { path: 'lib/ai/providers.ts', line: 21 });
  });

  it('a model read from the request body is the UI default constant, never a test file’s nor a picker list entry', () => {
    const [chat] = requests(route, 'app/api/chat/route.ts');
    assert.equal(chat.modelResolved, 'claude-haiku-4-5');
    assert.equal(chat.modelSource?.from, 'ui-default');
    assert.deepEqual(chat.modelSource?.at, { path: 'lib/ai/models.ts', line: 2 });
    assert.match(chat.modelSource?.detail ?? '', /selectedChatModel/);
    assert.match(formatModelSource(chat.modelSource!, 'app/api/chat/route.ts'), /UI's default, lib\/ai\/models\.ts:2/);
  });

  it('streamText with tools and stopWhen is a request (priced as its loop’s steps), not a binding', () => {
    const f = file(route, 'app/api/chat/route.ts');
    const [chat] = f.calls;
    assert.notEqual(chat.role, 'binding');
    assert.equal(f.agentLoops.length, 1);
    assert.equal(f.agentLoops[0].maxSteps, 4);
    assert.ok(chat.stepOf, 'priced as a step of the loop');
  });

  it('handlers passed in one options object are separate requests, not alternatives of one site', () => {
    const calls = requests(route, 'artifacts/text.ts');
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [
      [9, 'gpt-4.1-mini'],
      [13, 'gpt-4.1-mini'],
    ]);
    assert.ok(calls.every((c) => !c.alternatives?.length));
  });

  it('a state hook’s initial value is the UI default of a model sent in the body and resolved through a map of provider factories', async () => {
    const r = await scan('ui-state-default');
    const [gen] = requests(r, 'app/api/generate/route.ts');
    assert.equal(gen.model, 'claude-sonnet-4-20250514');
    assert.equal(gen.modelSource?.from, 'ui-default');
    assert.deepEqual(gen.modelSource?.at, { path: 'app/page.tsx', line: 8 });
    // The page's own POST to its server route is not an LLM request.
    assert.equal(r.files.find((x) => x.path === 'app/page.tsx')?.calls.length ?? 0, 0);
  });

  it('Python: init_chat_model("…") returned by a helper of another module; the test-only fake model is skipped', async () => {
    const r = await scan('factory-helper');
    const [req] = requests(r, 'app/summarize.py');
    assert.equal(req.modelResolved, 'gpt-4.1-mini');
    assert.deepEqual(req.modelSource?.at, { path: 'app/llm.py', line: 11 });
  });
});

describe('UI defaults: which candidate the request body field takes', () => {
  const at = { path: 'lib/models.ts', line: 1 };
  const c = (name: string, model: string, kind: UiDefault['kind'] = 'constant'): UiDefault => ({ name, model, at, kind });

  it('the candidate sharing words with the field wins; constants before state hooks', () => {
    assert.equal(pickUiDefault([c('DEFAULT_EMBEDDING_MODEL', 'text-embedding-3-small'), c('DEFAULT_CHAT_MODEL', 'gpt-4.1')], 'selectedChatModel')?.model, 'gpt-4.1');
    assert.equal(pickUiDefault([c('languageModel', 'claude-sonnet-4', 'state'), c('DEFAULT_MODEL', 'gpt-4.1')], 'model')?.model, 'gpt-4.1');
  });

  it('trap: candidates that fit equally and disagree give no model', () => {
    assert.equal(pickUiDefault([c('DEFAULT_MODEL', 'gpt-4.1'), c('DEFAULT_MODEL', 'claude-sonnet-4')], 'model'), undefined);
    assert.equal(pickUiDefault([], 'model'), undefined);
  });
});

describe('detect: requests the scan must not invent', () => {
  it('trap: fetch("/api/chat", POST) to the app’s own route is not an LLM request; a provider host is', async () => {
    const src = `export async function send(messages: unknown[]) {
  await fetch("/api/chat", { method: "POST", body: JSON.stringify({ model: "gpt-4o", messages }) });
  await fetch("http://localhost:11434/api/chat", { method: "POST", body: JSON.stringify({ model: "llama3.2", messages }) });
}
`;
    const f = await detectFile(src, 'client.ts');
    assert.deepEqual(f.calls.map((x) => [x.line, x.model]), [[3, 'llama3.2']]);
  });

  it('trap: a dict of factories held in a variable stays one site with alternatives', async () => {
    const src = `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { anthropic } from "@ai-sdk/anthropic";

const providers = {
  openai: () => generateText({ model: openai("gpt-4.1"), prompt: "Hi" }),
  anthropic: () => generateText({ model: anthropic("claude-sonnet-4-5"), prompt: "Hi" }),
};
export const run = (p: keyof typeof providers) => providers[p]();
`;
    const f = await detectFile(src, 'providers.ts');
    assert.equal(f.calls.length, 1);
    assert.equal(f.calls[0].alternatives?.length, 1);
  });
});
