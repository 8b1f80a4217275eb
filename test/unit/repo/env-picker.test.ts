/**
 * A provider picker whose branches are guarded by which keys the environment holds (src/core/repo/env-pickers.ts):
 * with none of them set, the unguarded fall-through runs; and the model of a post whose payload the helper fills
 * in (`body.model = body.model ?? config.chatModel`, `JSON.stringify({ model: config.embeddingModel })`) is
 * followed to the config object (src/core/repo/posted-payloads.ts).
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { ScanResult } from '../../../src/node/scan';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { writeWorkspace } from './fixture-scan';

/** A picker long enough (the notes in its first branch) that it is not read as a short value helper. */
function picker(firstGuard: string): string {
  const notes = Array.from({ length: 60 }, (_, i) => `    // provider note ${i + 1}`).join('\n');
  return `export function llmConfig() {
  const provider = process.env.LLM_PROVIDER;
  if (${firstGuard}) {
${notes}
    return { url: 'https://api.openai.com', chatModel: process.env.OPENAI_CHAT_MODEL ?? 'gpt-4o-mini', embeddingModel: 'text-embedding-3-small' };
  }
  if (process.env.GROQ_API_KEY) {
    return { url: 'https://api.groq.com/openai', chatModel: 'llama-3.3-70b-versatile', embeddingModel: 'text-embedding-3-large' };
  }
  return {
    url: process.env.LOCAL_HOST ?? 'http://localhost:11434',
    chatModel: process.env.LOCAL_MODEL ?? 'qwen2.5-coder',
    embeddingModel: process.env.LOCAL_EMBEDDING_MODEL ?? 'nomic-embed-text',
  };
}
`;
}

const CLIENT = `import { llmConfig } from './config';

export async function complete(body: { messages: { role: string; content: string }[]; model?: string }) {
  const config = llmConfig();
  body.model = body.model ?? config.chatModel;
  const res = await fetch(config.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

export async function embed(text: string) {
  const config = llmConfig();
  const res = await fetch(config.url + '/api/embeddings', {
    method: 'POST',
    body: JSON.stringify({ model: config.embeddingModel, prompt: text }),
  });
  return res.json();
}

export async function greet(name: string) {
  return complete({ messages: [{ role: 'user', content: 'Say hello to ' + name }] });
}
`;

const workspace = (files: Record<string, string>): string => writeWorkspace(files, 'tokenomics-env-picker-');

async function models(files: Record<string, string>): Promise<{ chat?: string; embedding?: string; dir: string }> {
  const dir = workspace(files);
  const r: ScanResult = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
  const f = r.files.find((x) => x.path === 'lib/client.ts');
  assert.ok(f, 'lib/client.ts reported');
  const lineOf = (text: string): number => CLIENT.split('\n').findIndex((l) => l.includes(text)) + 1;
  const at = (line: number): string | undefined => f.calls.find((c) => Math.abs(c.line - line) <= 1)?.model;
  return { chat: at(lineOf("'/v1/chat/completions'")), embedding: at(lineOf("'/api/embeddings'")), dir };
}

describe('repository model: a provider picker guarded by environment keys', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows the unguarded fall-through when no key is set, into the payload the helper fills in', async () => {
    const got = await models({ 'lib/config.ts': picker("provider ? provider === 'openai' : process.env.OPENAI_API_KEY"), 'lib/client.ts': CLIENT });
    dir = got.dir;
    assert.equal(got.chat, 'qwen2.5-coder', 'body.model ?? config.chatModel: no caller passes a model, the local default runs');
    assert.equal(got.embedding, 'nomic-embed-text');
  });

  it('keeps the guarded branch first where the .env example sets its key', async () => {
    const got = await models({ '.env.example': 'OPENAI_API_KEY=sk-your-key\n', 'lib/config.ts': picker("provider ? provider === 'openai' : process.env.OPENAI_API_KEY"), 'lib/client.ts': CLIENT });
    dir = got.dir;
    assert.equal(got.chat, 'gpt-4o-mini');
    assert.equal(got.embedding, 'text-embedding-3-small');
  });

  it('does not reorder a branch taken when a key is missing (a negated guard is no presence test)', async () => {
    const got = await models({ 'lib/config.ts': picker('!process.env.LOCAL_ONLY'), 'lib/client.ts': CLIENT });
    dir = got.dir;
    assert.equal(got.chat, 'gpt-4o-mini', 'the first return, as written');
  });
});
