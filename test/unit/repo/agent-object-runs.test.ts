import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

const FACTORY = [
  "import { ToolLoopAgent, stepCountIs } from 'ai';",
  "import { openai } from '@ai-sdk/openai';",
  '',
  'export function buildHelper({ tools }: { tools: any }) {',
  '  const agent = new ToolLoopAgent({',
  "    model: openai('gpt-4o-mini'),",
  "    instructions: 'You answer questions about the docs.',",
  '    tools,',
  '    stopWhen: stepCountIs(8),',
  '  });',
  '  return agent;',
  '}',
  'export const helper = buildHelper;',
  '',
].join('\n');

describe('runs of AI SDK agent objects', () => {
  it('a .stream() on an agent a factory of another module built is the request, on the agent model; the loop stays at the definition', async () => {
    const r = await scanTree({
      'lib/agent.ts': FACTORY,
      'lib/route.ts': [
        "import { helper } from './agent';",
        '',
        'export async function POST(req: Request) {',
        '  const { messages } = await req.json();',
        '  const docsAgent = helper({ tools: {} });',
        '  const result = await docsAgent.stream({ messages });',
        '  return result.toUIMessageStreamResponse();',
        '}',
        '',
      ].join('\n'),
    });
    const route = r.files.find((f) => f.path === 'lib/route.ts');
    const run = route?.calls.find((c) => c.line === 6);
    assert.ok(run, JSON.stringify(route?.calls.map((c) => c.line)));
    assert.equal(run.modelResolved, 'gpt-4o-mini');
    assert.equal(run.role, undefined);
    // No request where the agent is built (a binding), nor at the response helper; the 8-step loop is at the constructor.
    const def = r.files.find((f) => f.path === 'lib/agent.ts');
    assert.deepEqual(def?.calls.filter((c) => c.role !== 'binding').map((c) => c.line), []);
    assert.deepEqual(def?.agentLoops.map((l) => [l.line, l.maxSteps]), [[5, 8]]);
    assert.deepEqual(route?.calls.map((c) => c.line), [6]);
  });

  it('a same-file generate() and createAgentUIStreamResponse({ agent }) are runs; an object of another class with a stream method is none', async () => {
    const r = await scanTree({
      'app/route.ts': [
        "import { ToolLoopAgent, createAgentUIStreamResponse } from 'ai';",
        "import { anthropic } from '@ai-sdk/anthropic';",
        "import { EventBus } from './bus';",
        '',
        "const agent = new ToolLoopAgent({ model: anthropic('claude-3-5-haiku-latest'), tools: {} });",
        'const bus = new EventBus();',
        '',
        'export async function GET() {',
        "  const { text } = await agent.generate({ prompt: 'Say hello' });",
        '  bus.stream(text);',
        '  return text;',
        '}',
        '',
        'export async function POST(req: Request) {',
        '  const { messages } = await req.json();',
        '  return createAgentUIStreamResponse({ agent, uiMessages: messages });',
        '}',
        '',
      ].join('\n'),
      'app/bus.ts': 'export class EventBus { stream(x: string) { return x; } }\n',
    });
    const route = r.files.find((f) => f.path === 'app/route.ts');
    const requests = route?.calls.filter((c) => c.role !== 'binding') ?? [];
    assert.deepEqual(requests.map((c) => c.line).sort((a, b) => a - b), [9, 16]);
    assert.ok(requests.every((c) => /^claude-3-5-haiku/.test(c.modelResolved ?? '')), JSON.stringify(requests.map((c) => c.modelResolved)));
    // The loop stays where the agent is built (its bound is there), not at the first run.
    assert.deepEqual(route?.agentLoops.map((l) => l.line), [5]);
  });
});
