import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: a request body posted by hand through helpers of the file (TypeScript)', () => {
  const sender = [
    "import https from 'https';",
    'const send = (host: string, route: string, headers: Record<string, string>, body: unknown) =>',
    '  new Promise<string>((resolve) => {',
    '    const data = JSON.stringify(body);',
    "    const req = https.request({ hostname: host, path: route, method: 'POST', headers }, (res) => {",
    "      let out = '';",
    "      res.on('data', (c) => (out += c));",
    "      res.on('end', () => resolve(out));",
    '    });',
    '    req.write(data);',
    '    req.end();',
    '  });',
  ];

  it('host and path passed apart to a sender, the body written two callers out: the site is where the body is written, with its model', async () => {
    const src = [
      ...sender,
      'const complete = (key: string, payload: object) =>',
      "  send('api.mistral.ai', '/v1/chat/completions', { Authorization: `Bearer ${key}` }, payload);",
      'export async function summarize(key: string, text: string) {',
      '  return complete(key, {',
      "    model: 'mistral-small-latest',",
      "    messages: [{ role: 'user', content: text }],",
      '    max_tokens: 300,',
      '  });',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'mistral.ts');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(
      requests.map((c) => [c.line, c.model, c.maxOutputTokens, c.providerHint]),
      [[16, 'mistral-small-latest', 300, 'mistral']],
    );
  });

  it('a full URL and the body handed to a fetch helper in one call', async () => {
    const src = [
      'async function postJson(url: string, body: object) {',
      "  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });",
      '  return res.json();',
      '}',
      'export const ask = (q: string) =>',
      "  postJson('http://localhost:11434/api/chat', { model: 'llama3', messages: [{ role: 'user', content: q }] });",
      '',
    ].join('\n');
    const f = await detectFile(src, 'ollama.ts');
    assert.deepEqual(
      f.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.model]),
      [[6, 'llama3']],
    );
  });

  it("look-alikes: the app's own route, a provider host with a path of no model API, and a body with no request keys", async () => {
    const src = [
      ...sender,
      'async function postJson(url: string, body: object) {',
      "  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });",
      '  return res.json();',
      '}',
      "export const save = (text: string) => postJson('/api/chat/openai', { model: 'gpt-4o', messages: [{ role: 'user', content: text }] });",
      "export const list = () => send('api.openai.com', '/v1/models', {}, { model: 'gpt-4o' });",
      "export const log = () => postJson('https://api.openai.com/v1/chat/completions', { level: 'info' });",
      '',
    ].join('\n');
    const f = await detectFile(src, 'routes.ts');
    assert.deepEqual(f.calls.filter((c) => c.role !== 'binding'), []);
  });
});
