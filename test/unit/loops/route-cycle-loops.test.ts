import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from '../repo/fixture-scan';

const ROUTES = {
  'app/api/assistants/route.ts': "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function POST() {\n  const a = await openai.beta.assistants.create({ model: 'gpt-4o', instructions: 'You are a helpful assistant.' });\n  return Response.json({ id: a.id });\n}\n",
  'app/api/threads/[threadId]/messages/route.ts': [
    "import OpenAI from 'openai';",
    'const openai = new OpenAI();',
    'export async function POST(request: Request, { params: { threadId } }: any) {',
    '  const { content } = await request.json();',
    "  await openai.beta.threads.messages.create(threadId, { role: 'user', content });",
    '  const stream = openai.beta.threads.runs.stream(threadId, { assistant_id: process.env.ASSISTANT_ID! });',
    '  return new Response(stream.toReadableStream());',
    '}',
    '',
  ].join('\n'),
  'app/api/threads/[threadId]/actions/route.ts': [
    "import OpenAI from 'openai';",
    'const openai = new OpenAI();',
    'export async function POST(request: Request, { params: { threadId } }: any) {',
    '  const { toolCallOutputs, runId } = await request.json();',
    '  const stream = openai.beta.threads.runs.submitToolOutputsStream(threadId, runId, { tool_outputs: toolCallOutputs });',
    '  return new Response(stream.toReadableStream());',
    '}',
    '',
  ].join('\n'),
};

/** The quickstart's chat component: the run's events, the tool calls run in the page, their outputs posted back. */
const CHAT = [
  "'use client';",
  "import { AssistantStream } from 'openai/lib/AssistantStream';",
  'export default function Chat({ functionCallHandler }: any) {',
  '  let threadId = "";',
  '  const sendMessage = async (text: string) => {',
  '    const response = await fetch(`/api/threads/${threadId}/messages`, { method: "POST", body: JSON.stringify({ content: text }) });',
  '    handleReadableStream(AssistantStream.fromReadableStream(response.body!));',
  '  };',
  '  const submitActionResult = async (runId: string, toolCallOutputs: any[]) => {',
  '    const response = await fetch(`/api/threads/${threadId}/actions`, {',
  '      method: "POST",',
  '      body: JSON.stringify({ runId, toolCallOutputs }),',
  '    });',
  '    handleReadableStream(AssistantStream.fromReadableStream(response.body!));',
  '  };',
  '  const handleRequiresAction = async (event: any) => {',
  '    const toolCalls = event.data.required_action.submit_tool_outputs.tool_calls;',
  '    const outputs = await Promise.all(toolCalls.map(async (c: any) => ({ output: await functionCallHandler(c), tool_call_id: c.id })));',
  '    submitActionResult(event.data.id, outputs);',
  '  };',
  '  const handleReadableStream = (stream: AssistantStream) => {',
  '    stream.on("textDelta", (d) => console.log(d.value));',
  '    stream.on("event", (event) => {',
  '      if (event.event === "thread.run.requires_action") handleRequiresAction(event);',
  '    });',
  '  };',
  '  return sendMessage;',
  '}',
  '',
].join('\n');

function loopsOf(r: ScanResult, path: string): [number, boolean, string | undefined][] {
  return (r.files.find((f) => f.path === path)?.agentLoops ?? []).map((l) => [l.line, l.bounded, l.model]);
}

describe('agent loops: a page’s functions going round through the app’s own route (route-cycle-loops)', () => {
  it('the Assistants quickstart: run stream → requires_action → tool outputs posted → new stream, unbounded, on the assistant’s model', async () => {
    const r = await scanTree({ ...ROUTES, 'app/components/chat.tsx': CHAT });
    assert.deepEqual(loopsOf(r, 'app/components/chat.tsx'), [[16, false, 'gpt-4o']]);
    const loop = r.files.find((f) => f.path === 'app/components/chat.tsx')!.agentLoops[0];
    assert.deepEqual(loop.stepSites?.map((s) => `${s.path}:${s.line}`), ['app/api/threads/[threadId]/actions/route.ts:5']);
  });

  it('traps: a retry from the error handler, a status poll that refreshes itself through the route', async () => {
    const retry = CHAT.replace('const toolCalls = event.data.required_action.submit_tool_outputs.tool_calls;', 'const failed = event.data.last_error;')
      .replace('const outputs = await Promise.all(toolCalls.map(async (c: any) => ({ output: await functionCallHandler(c), tool_call_id: c.id })));', 'const outputs = [failed];')
      .replace('fetch(`/api/threads/${threadId}/actions`', 'fetch(`/api/threads/${threadId}/messages`')
      .replace('thread.run.requires_action', 'thread.run.failed');
    const poll = [
      "'use client';",
      'export function Files() {',
      '  const refresh = async () => {',
      '    const r = await fetch(`/api/threads/${"x"}/messages`, { method: "POST", body: JSON.stringify({ content: "status" }) });',
      '    render(await r.json());',
      '  };',
      '  const render = (data: any) => { if (data.status !== "completed") setTimeout(() => refresh(), 1000); };',
      '  return refresh;',
      '}',
      '',
    ].join('\n');
    const r = await scanTree({ ...ROUTES, 'app/components/retry.tsx': retry, 'app/components/poll.tsx': poll });
    assert.deepEqual(loopsOf(r, 'app/components/retry.tsx'), [], 'a failed run posted again: no tool calls read, no tool-outputs submit');
    assert.deepEqual(loopsOf(r, 'app/components/poll.tsx'), [], 'a status poll through the route: no tool calls read');
  });

  it('a path built with values reaches the route with a dynamic segment; a value before the path is another origin', async () => {
    const other = CHAT.replace('fetch(`/api/threads/${threadId}/actions`', 'fetch(`${baseUrl}/threads/${threadId}/actions`').replace('let threadId = "";', 'let threadId = ""; const baseUrl = "https://api.example.com";');
    const r = await scanTree({ ...ROUTES, 'app/components/chat.tsx': other });
    assert.deepEqual(loopsOf(r, 'app/components/chat.tsx'), [], 'the outputs go to another service: no route of the app, no request found');
  });
});
