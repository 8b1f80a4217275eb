/**
 * A model the UI picks, sent to a route that builds the request's options in a variable and forwards the model to
 * another route of the same app through the app's own origin (`${process.env.NEXT_PUBLIC_APP_URL}/api/plan`):
 * - `streamText(options)`: the options object's `model` (posted-payloads.ts);
 * - `useState(() => { …; return listed ? fromUrl : appConfig.ai.defaultModel; })`: a lazy initial value is the
 *   UI default (destructure.ts), the `includes(…)` test left undecided (conditions.ts);
 * - the app's origin before a path is still the app's route (route-sends-ts.ts), a provider's base URL is not.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';

const CONFIG = `export const appConfig = {
  ai: {
    defaultModel: 'mistral-large-latest',
    availableModels: ['openai/gpt-4.1', 'mistral-large-latest'],
  },
};
`;

function page(sent: string): string {
  return `'use client';
import { useState } from 'react';
import { appConfig } from '../config/app';

export default function Page() {
  const [selectedModel, setSelectedModel] = useState(() => {
    const fromUrl = new URLSearchParams(window.location.search).get('model');
    return appConfig.ai.availableModels.includes(fromUrl || '') ? fromUrl! : appConfig.ai.defaultModel;
  });
  async function send(prompt: string) {
    await fetch('/api/generate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt, model: ${sent} }) });
  }
  return <button onClick={() => send('hello')}>{selectedModel}</button>;
}
`;
}

function generateRoute(forward: string): string {
  return `import { streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createMistral } from '@ai-sdk/mistral';

const openai = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });
const mistral = createMistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function POST(req: Request) {
  const { prompt, model = 'openai/gpt-4.1-mini' } = await req.json();
  const isOpenAI = model.startsWith('openai/');
  const provider = isOpenAI ? openai : mistral;
  ${forward}
  const modelId = isOpenAI ? model.replace('openai/', '') : model;
  const options: any = { model: provider(modelId), prompt };
  if (isOpenAI) options.temperature = 0.2;
  const result = await streamText(options);
  return result.toTextStreamResponse();
}
`;
}

const PLAN_ROUTE = `import { generateText } from 'ai';
import { createMistral } from '@ai-sdk/mistral';

const mistral = createMistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function POST(req: Request) {
  const { prompt, model = 'mistral-small-latest' } = await req.json();
  const { text } = await generateText({ model: mistral(model), prompt });
  return Response.json({ text });
}
`;

const FORWARD = "await fetch(`${process.env.NEXT_PUBLIC_APP_URL || 'http://localhost:3000'}/api/plan`, { method: 'POST', body: JSON.stringify({ prompt, model }) });";
/** A model server's base URL, not the app's: a post there sends nothing to the app's /api/plan route. */
const ELSEWHERE = "await fetch(`${process.env.MODEL_SERVER_HOST}/api/plan`, { method: 'POST', body: JSON.stringify({ prompt, model: 'mistral-tiny' }) });";

async function scanApp(forward: string, sent = 'selectedModel'): Promise<{ generate?: string; plan?: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-ui-routes-'));
  const files: Record<string, string> = { 'config/app.ts': CONFIG, 'app/page.tsx': page(sent), 'app/api/generate/route.ts': generateRoute(forward), 'app/api/plan/route.ts': PLAN_ROUTE };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const r = await scanPaths([dir], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir, cwd: dir });
  const modelIn = (path: string): string | undefined => r.files.find((f) => f.path === path)?.calls[0]?.model;
  return { generate: modelIn('app/api/generate/route.ts'), plan: modelIn('app/api/plan/route.ts'), dir };
}

describe('repository model: a UI default sent to a route and forwarded to another', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the options variable's model and the lazy state default, through the forwarding route", async () => {
    const got = await scanApp(FORWARD);
    dir = got.dir;
    assert.equal(got.generate, 'mistral-large-latest', 'streamText(options): the UI default, not the route default');
    assert.equal(got.plan, 'mistral-large-latest', 'the model the generate route forwards, not its own default');
  });

  it('forwards what the page sends when it names the model itself', async () => {
    const got = await scanApp(FORWARD, "'mistral-medium-latest'");
    dir = got.dir;
    assert.equal(got.generate, 'mistral-medium-latest');
    assert.equal(got.plan, 'mistral-medium-latest', 'the plan route runs on what the generate route was sent, not on the UI default');
  });

  it("does not take a post to another server's /api path as a sender of the app's route", async () => {
    const got = await scanApp(ELSEWHERE);
    dir = got.dir;
    assert.notEqual(got.plan, 'mistral-tiny');
  });
});
