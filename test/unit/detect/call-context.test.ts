import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall } from '../../../src/core/detect';

const only = async (src: string, path: string): Promise<DetectedCall> => {
  const f = await detectFile(src, path);
  const requests = f.calls.filter((c) => c.role !== 'binding');
  assert.equal(requests.length, 1, JSON.stringify(f.calls.map((c) => c.callee)));
  return requests[0];
};

const PY_HEAD = 'import anthropic\nclient = anthropic.Anthropic()\n';

describe('detect: where a request runs (call context)', () => {
  it('cache markers: cache_control on the request, in a value it sends, or cachedContent; none on a plain request', async () => {
    const marked = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, system=[{"type": "text", "text": "Rules", "cache_control": {"type": "ephemeral"}}], messages=[])\n`, 'a.py');
    assert.equal(marked.context?.cacheMarked, true);
    const viaName = await only(`${PY_HEAD}SYSTEM = [{"type": "text", "text": "Rules", "cache_control": {"type": "ephemeral"}}]\nclient.messages.create(model="claude-sonnet-4-5", max_tokens=300, system=SYSTEM, messages=[])\n`, 'b.py');
    assert.equal(viaName.context?.cacheMarked, true);
    const gemini = await only(`import { GoogleGenAI } from '@google/genai';\nconst ai = new GoogleGenAI({});\nawait ai.models.generateContent({ model: 'gemini-2.0-flash', contents: q, config: { cachedContent: cache.name } });\n`, 'c.ts');
    assert.equal(gemini.context?.cacheMarked, true);
    const plain = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, system="Rules", messages=[])\n`, 'd.py');
    assert.equal(plain.context?.cacheMarked, undefined);
  });

  it('cache anchor: a string system prompt is wrapped where it is written; a literal list gets the marker on its last block', async () => {
    const line3 = 'client.messages.create(model="claude-sonnet-4-5", max_tokens=300, system="Follow the rules.", messages=[])';
    const text = await only(`${PY_HEAD}${line3}\n`, 'a.py');
    const col = line3.indexOf('"Follow') + 1;
    assert.deepEqual(text.context?.cacheAnchor, { shape: 'text', at: { line: 3, column: col, endLine: 3, endColumn: col + '"Follow the rules."'.length } });
    const line4 = "  system: [{ type: 'text', text: 'One' }, { type: 'text', text: 'Two' }] });";
    const blocks = await only(`import Anthropic from '@anthropic-ai/sdk';\nconst client = new Anthropic();\nawait client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 300, messages: [],\n${line4}\n`, 'b.ts');
    const last = line4.indexOf("{ type: 'text', text: 'Two' }") + 1;
    assert.deepEqual(blocks.context?.cacheAnchor, { shape: 'blocks', at: { line: 4, column: last, endLine: 4, endColumn: last + "{ type: 'text', text: 'Two' }".length } });
    const computed = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, system=build_system(), messages=[])\n`, 'c.py');
    assert.equal(computed.context?.cacheAnchor, undefined, 'a computed value has no mechanical edit');
  });

  it('a loop over a collection: for-in, for-of, .map, a comprehension, and a wrapper called in a loop; not a counted retry loop', async () => {
    const forIn = await only(`${PY_HEAD}for doc in docs:\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": doc}])\n`, 'a.py');
    assert.deepEqual(forIn.context?.overCollection, { line: 3, construct: 'for doc in docs' });
    const forOf = await only(`import OpenAI from 'openai';\nconst c = new OpenAI();\nfor (const row of rows) {\n  await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: row }] });\n}\n`, 'b.ts');
    assert.deepEqual(forOf.context?.overCollection, { line: 3, construct: 'for (const row of rows)' });
    const mapped = await only(`import OpenAI from 'openai';\nconst c = new OpenAI();\nawait Promise.all(rows.map(async (row) => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: row }] })));\n`, 'c.ts');
    assert.deepEqual(mapped.context?.overCollection, { line: 3, construct: 'rows.map(…)' });
    const comprehension = await only(`${PY_HEAD}out = [client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": d}]) for d in docs]\n`, 'd.py');
    assert.equal(comprehension.context?.overCollection?.line, 3);
    const wrapper = await only(`${PY_HEAD}def summarize(doc):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[{"role": "user", "content": doc}])\n\nfor d in docs:\n    summarize(d)\n`, 'e.py');
    assert.deepEqual(wrapper.context?.overCollection, { line: 6, construct: 'for d in docs' });
    const retry = await only(`${PY_HEAD}for attempt in range(3):\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'f.py');
    assert.equal(retry.context?.overCollection, undefined, 'range(3) is a retry loop, not a collection');
  });

  it('an agent loop over messages is not a collection loop', async () => {
    const src = `${PY_HEAD}for step in steps:\n    r = client.messages.create(model="claude-sonnet-4-5", max_tokens=300, tools=TOOLS, messages=messages)\n    if r.stop_reason == "tool_use":\n        messages.append(run_tools(r))\n`;
    const call = await only(src, 'a.py');
    assert.equal(call.context?.overCollection, undefined);
  });

  it('who waits: a route handler, a web framework import or a stream says a user waits; a __main__ script or a jobs/ path says offline', async () => {
    const route = await only(`from fastapi import FastAPI\n${PY_HEAD}app = FastAPI()\n@app.post("/ask")\ndef ask(q: str):\n    return client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'api.py');
    assert.match(route.context?.userWaiting ?? '', /request handler \(@app\.post\)|imports fastapi/);
    const next = await only(`import OpenAI from 'openai';\nconst c = new OpenAI();\nexport async function POST(req: Request) {\n  return c.chat.completions.create({ model: 'gpt-4.1', messages: [] });\n}\n`, 'app/ask/handler.ts');
    assert.equal(next.context?.userWaiting, 'it runs in a request handler (POST)');
    const streamed = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[], stream=True)\n`, 'x.py');
    assert.match(streamed.context?.userWaiting ?? '', /streams its reply/);
    const script = await only(`${PY_HEAD}def main():\n    client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n\nif __name__ == "__main__":\n    main()\n`, 'tool.py');
    assert.equal(script.context?.offline, 'the file is a script (if __name__ == "__main__")');
    assert.equal(script.context?.userWaiting, undefined);
    const job = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'jobs/nightly.py');
    assert.match(job.context?.offline ?? '', /scripts\/jobs folder/);
    const client = await only(`import aiohttp\n${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'scripts/fetch.py');
    assert.equal(client.context?.userWaiting, undefined, 'aiohttp the HTTP client is not a server');
    const server = await only(`from aiohttp import web\n${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'scripts/serve.py');
    assert.equal(server.context?.userWaiting, 'the file imports aiohttp.web, which serves requests or a UI');
    const library = await only(`${PY_HEAD}client.messages.create(model="claude-sonnet-4-5", max_tokens=300, messages=[])\n`, 'lib/ask.py');
    assert.equal(library.context, undefined, 'no evidence either way: nothing recorded');
  });
});
