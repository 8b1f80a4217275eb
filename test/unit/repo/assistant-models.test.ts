import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from './fixture-scan';

const RUN_ROUTE = [
  "import OpenAI from 'openai';",
  "import { assistantId } from '../../assistant-config';",
  'const openai = new OpenAI();',
  'export async function POST(request: Request) {',
  '  const { threadId, content } = await request.json();',
  "  await openai.beta.threads.messages.create(threadId, { role: 'user', content });",
  '  const stream = openai.beta.threads.runs.stream(threadId, { assistant_id: assistantId });',
  '  return new Response(stream.toReadableStream());',
  '}',
  '',
].join('\n');
const CONFIG = 'export const assistantId = process.env.OPENAI_ASSISTANT_ID ?? "";\n';

function create(model: string): string {
  return [
    "import OpenAI from 'openai';",
    'const openai = new OpenAI();',
    'export async function POST() {',
    '  const assistant = await openai.beta.assistants.create({',
    "    instructions: 'You are a helpful assistant.',",
    `    model: '${model}',`,
    '  });',
    '  return Response.json({ assistantId: assistant.id });',
    '}',
    '',
  ].join('\n');
}

function runOf(r: ScanResult, path: string) {
  const call = r.files.find((f) => f.path === path)?.calls.find((c) => c.line === 7);
  assert.ok(call, `the run at ${path}:7 is reported`);
  return call;
}

describe('repo: an Assistants API run is priced on its assistant’s model (assistant-models)', () => {
  it('the model the app’s own assistants.create route sets, in another file; the id from env', async () => {
    const r = await scanTree({ 'app/api/run/route.ts': RUN_ROUTE, 'app/assistant-config.ts': CONFIG, 'app/api/assistants/route.ts': create('gpt-4o') });
    const call = runOf(r, 'app/api/run/route.ts');
    assert.equal(call.model, 'gpt-4o');
    assert.equal(call.modelSource?.at?.path, 'app/api/assistants/route.ts');
    assert.match(call.modelSource?.detail ?? '', /assistant's model/);
    assert.equal(call.costPerCall.kind, 'priced');
  });

  it('Python: a setup script’s create_and_poll on the assistant it made with a model constant', async () => {
    const r = await scanTree({
      'setup.py': ['from openai import OpenAI', 'MODEL = "gpt-4o-mini"', 'client = OpenAI()', 'assistant = client.beta.assistants.create(name="Tutor", model=MODEL)', ''].join('\n'),
      'chat.py': [
        'import os',
        'from openai import OpenAI',
        'client = OpenAI()',
        'def ask(thread_id):',
        '    return client.beta.threads.runs.create_and_poll(thread_id=thread_id, assistant_id=os.environ["ASSISTANT_ID"])',
        '',
      ].join('\n'),
    });
    const call = r.files.find((f) => f.path === 'chat.py')?.calls[0];
    assert.equal(call?.model, 'gpt-4o-mini');
  });

  it('no assistant of the repository names a model: unpriced, with the reason (never a guessed model, never $0)', async () => {
    const r = await scanTree({ 'app/api/run/route.ts': RUN_ROUTE, 'app/assistant-config.ts': CONFIG, 'app/api/chat/route.ts': "import OpenAI from 'openai';\nconst o = new OpenAI();\nexport async function POST() {\n  return o.chat.completions.create({ model: 'gpt-4o-mini', messages: [] });\n}\n" });
    const call = runOf(r, 'app/api/run/route.ts');
    assert.equal(call.costPerCall.kind, 'unpriced');
    assert.match(call.modelSource?.detail ?? '', /assistant_id assistantId, and no beta\.assistants\.create in the repository names a model/);
  });

  it('assistants set to different models with no clear majority: unpriced, naming them', async () => {
    const r = await scanTree({ 'app/api/run/route.ts': RUN_ROUTE, 'app/assistant-config.ts': CONFIG, 'app/api/a/route.ts': create('gpt-4o'), 'app/api/b/route.ts': create('gpt-4.1-mini') });
    const call = runOf(r, 'app/api/run/route.ts');
    assert.equal(call.costPerCall.kind, 'unpriced');
    assert.match(call.modelSource?.detail ?? '', /several models \(gpt-4o, gpt-4\.1-mini\)/);
  });

  it('a run that names its model keeps it', async () => {
    const r = await scanTree({ 'app/api/run/route.ts': RUN_ROUTE.replace('assistant_id: assistantId', "assistant_id: assistantId, model: 'gpt-4.1'"), 'app/assistant-config.ts': CONFIG, 'app/api/assistants/route.ts': create('gpt-4o') });
    assert.equal(runOf(r, 'app/api/run/route.ts').model, 'gpt-4.1');
  });
});
