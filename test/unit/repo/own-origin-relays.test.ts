import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { scanTables } from '../../../src/core/report/tables';
import type { CallReport } from '../../../src/core/report/types';
import type { ScanResult } from '../../../src/node/scan';
import { reportData } from '../../../src/extension/webviews/report/view-model';
import { file, scanTree } from './fixture-scan';

const BROWSER_CLIENT = `import { OpenAI } from 'openai'

function host() {
  const { hostname, protocol } = window.location
  const port = window.location.port ? \`:\${window.location.port}\` : ''
  return \`\${protocol}//\${hostname}\${port}\`
}
class MyOpenAI extends OpenAI {
  protected override authHeaders(_opts: any) {
    return {}
  }
}
const openai = new MyOpenAI({ apiKey: 'sk-fake', baseURL: \`\${host()}/v1\`, dangerouslyAllowBrowser: true })

export async function create(query: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'You write HTML.' }, { role: 'user', content: query }],
    stream: true,
  })
}

export async function convert(html: string) {
  return openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Convert this HTML to React: ' + html }],
  })
}
`;

const FASTAPI_RELAY = `from fastapi import APIRouter, Request
from openai import AsyncOpenAI

router = APIRouter()
openai = AsyncOpenAI()


@router.post("/v1/chat/completions", tags=["chat"])
@router.post(
    "/chat/completions",
    tags=["chat"],
)
async def chat_completions(request: Request):
    data = await request.json()
    data["max_tokens"] = 4096
    if data.get("model").startswith("gpt"):
        return await openai.chat.completions.create(
            **data,
        )
`;

function requests(r: ScanResult, path: string): CallReport[] {
  return file(r, path).calls.filter((c) => c.role !== 'binding');
}

describe('repository model: one user request relayed through the app’s own server is counted once', () => {
  let r: ScanResult;
  before(async () => {
    r = await scanTree({ 'frontend/src/api/openai.ts': BROWSER_CLIENT, 'backend/app/server.py': FASTAPI_RELAY });
  });

  it('the FastAPI route spreading the received body relays the browser’s SDK requests: their model, listed as relaying them', () => {
    const [relay] = requests(r, 'backend/app/server.py');
    assert.equal(relay.line, 17);
    assert.equal(relay.role, 'relay');
    assert.deepEqual(relay.relays, ['frontend/src/api/openai.ts:16', 'frontend/src/api/openai.ts:24']);
    assert.equal(relay.modelResolved, 'gpt-4o-mini');
    assert.match(relay.modelSource?.detail ?? '', /relays \(frontend\/src\/api\/openai\.ts:16, :24\)/);
  });

  it('the relay is left out of the file’s and the workspace’s monthly figures; the senders are the total', () => {
    const usd = (p: { kind: string; usd?: number }): number | undefined => p.usd;
    assert.equal(usd(file(r, 'backend/app/server.py').monthlyCost), 0);
    const senders = usd(file(r, 'frontend/src/api/openai.ts').monthlyCost);
    assert.ok(senders !== undefined && senders > 0);
    assert.equal(usd(r.totals.monthlyCost), senders);
  });

  it('the CLI table and the report view list the relay with its note and no monthly figure of its own', () => {
    const [sites] = scanTables(r, { allRows: true });
    const row = sites.rows.find((x) => x[0] === 'backend/app/server.py:17');
    assert.ok(row, 'the relay has its row');
    const cell = (i: number) => (typeof row[i] === 'string' ? row[i] : (row[i] as { text: string }).text);
    assert.equal(cell(7), '—');
    assert.match(cell(8), /^relays frontend\/src\/api\/openai\.ts:16, :24; counted there/);
    assert.equal(cell(3), 'gpt-4o-mini');
    const view = reportData(r, ['.'], 0).sites.find((s) => s.path === 'backend/app/server.py');
    assert.deepEqual(view?.relays, ['frontend/src/api/openai.ts:16', 'frontend/src/api/openai.ts:24']);
    assert.match(view?.notes[0] ?? '', /counted there/);
    assert.equal(reportData(r, ['.'], 0).sites[0].path, 'frontend/src/api/openai.ts', 'ranked after the billed sites');
  });

  it('a Next.js route spreading req.json() first answers an SDK client whose base URL is a path of the app', async () => {
    const res = await scanTree({
      'lib/llm.ts': `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'unused', baseURL: '/api/openai', dangerouslyAllowBrowser: true });
export const ask = (q: string) => client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: q }] });
`,
      'app/api/openai/chat/completions/route.ts': `import OpenAI from 'openai';
const openai = new OpenAI();
export async function POST(req: Request) {
  const body = await req.json();
  const completion = await openai.chat.completions.create({ ...body, stream: false });
  return Response.json(completion);
}
`,
    });
    const [relay] = requests(res, 'app/api/openai/chat/completions/route.ts');
    assert.deepEqual([relay.role, relay.relays, relay.modelResolved], ['relay', ['lib/llm.ts:3'], 'gpt-4.1-mini']);
  });
});

describe('own-origin senders and relays: look-alikes that are not', () => {
  async function routeOf(src: string, path = 'src/client.ts'): Promise<(string | undefined)[]> {
    return (await detectFile(src, path)).calls.map((c) => c.ownRoute);
  }
  const call = "\nexport const go = () => client.chat.completions.create({ model: 'gpt-4o', messages: [] });\n";

  it('a base URL to a provider, from the environment or a setting, or with a host is not the app’s own', async () => {
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });" + call), [undefined]);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: process.env.NEXT_PUBLIC_API_URL });" + call), [undefined]);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `${import.meta.env.VITE_BACKEND || window.location.host}/v1` });" + call), [undefined]);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: '//cdn.example.com/v1' });" + call), [undefined]);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `${settings.url}/v1` });" + call), [undefined]);
  });

  it('the own origin, written several ways, is the app’s own', async () => {
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: `${window.location.origin}/api/ai/v1` });" + call), ['/api/ai/v1/chat/completions']);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: location.origin + '/v1' });" + call), ['/v1/chat/completions']);
    assert.deepEqual(await routeOf("import OpenAI from 'openai';\nconst client = new OpenAI({ baseURL: '/v1/' });" + call), ['/v1/chat/completions']);
  });

  it('a route that builds its own messages, or a Flask route without POST, is no relay', async () => {
    const own = await detectFile(
      `from fastapi import FastAPI, Request\nfrom openai import OpenAI\napp = FastAPI()\nclient = OpenAI()\n\n@app.post("/v1/chat/completions")\nasync def chat(request: Request):\n    data = await request.json()\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": data["q"]}])\n`,
      'server.py',
    );
    assert.deepEqual(own.calls.map((c) => c.relayRoutes), [undefined]);
    const flask = await detectFile(
      `from flask import Flask, request\nfrom openai import OpenAI\napp = Flask(__name__)\nclient = OpenAI()\n\n@app.route("/v1/chat/completions")\ndef chat():\n    return client.chat.completions.create(**request.get_json())\n\n@app.route("/v2/chat", methods=["GET", "POST"])\ndef chat2():\n    body = request.get_json()\n    return client.chat.completions.create(**body)\n`,
      'app.py',
    );
    assert.deepEqual(flask.calls.map((c) => c.relayRoutes), [undefined, ['/v2/chat']]);
  });

  it('a relay route that a plain fetch calls (no SDK sender) stays the site', async () => {
    const res = await scanTree({
      'web/chat.ts': "export const send = (q: string) => fetch('/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] }) });\n",
      'backend/app/server.py': FASTAPI_RELAY,
    });
    const [relay] = requests(res, 'backend/app/server.py');
    assert.equal(relay.role, undefined);
    assert.equal(relay.relays, undefined);
    assert.ok(res.totals.monthlyCost.kind === 'priced' && res.totals.monthlyCost.usd > 0);
  });

  it('an SDK sender to another path of the app does not make an unrelated route a relay', async () => {
    const res = await scanTree({ 'frontend/src/api/openai.ts': BROWSER_CLIENT.replace('/v1`', '/v2`'), 'backend/app/server.py': FASTAPI_RELAY });
    assert.equal(requests(res, 'backend/app/server.py')[0].role, undefined);
  });
});
