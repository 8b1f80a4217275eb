import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { scanTree } from '../repo/fixture-scan';

/** A route that streams an answer, with tools or without. */
function route(tools: boolean): string {
  return [
    "import { streamText, tool } from 'ai';",
    "import { openai } from '@ai-sdk/openai';",
    "import { z } from 'zod';",
    'export async function POST(req: Request) {',
    '  const { messages } = await req.json();',
    '  const result = streamText({',
    "    model: openai('gpt-4o'),",
    "    system: 'You help users book flights.',",
    '    messages,',
    ...(tools ? ["    tools: { getWeather: tool({ description: 'Get the weather', parameters: z.object({ city: z.string() }), execute: async () => 'sunny' }) },"] : []),
    '  });',
    '  return result.toDataStreamResponse();',
    '}',
    '',
  ].join('\n');
}

function component(hook: string, imports = "import { useChat } from 'ai/react';"): string {
  return ["'use client';", imports, 'export function Chat() {', `  const { messages, append } = ${hook};`, '  return messages.length;', '}', ''].join('\n');
}

function loopsOf(r: ScanResult, path: string): [number, boolean, number][] {
  return (r.files.find((f) => f.path === path)?.agentLoops ?? []).map((l) => [l.line, l.bounded, l.maxSteps]);
}

describe('agent loops: AI SDK chat hooks that post again while the tool calls have results', () => {
  it('useChat({ maxSteps: 10 }) posting to the default /api/chat (a route group in the path): bounded, 10 steps of the route’s request', async () => {
    const r = await scanTree({
      'app/(chat)/api/chat/route.ts': route(true),
      'components/chat.tsx': component('useChat({\n    id: "x",\n    maxSteps: 10,\n  })'),
    });
    assert.deepEqual(loopsOf(r, 'components/chat.tsx'), [[4, true, 10]]);
    const loop = r.files.find((f) => f.path === 'components/chat.tsx')!.agentLoops[0];
    assert.equal(loop.model, 'gpt-4o', 'priced on the route’s model');
    assert.deepEqual(loopsOf(r, 'app/(chat)/api/chat/route.ts'), [], 'the route’s own request is one step (no maxSteps on the server)');
  });

  it('the count and the route read through constants; maxToolRoundtrips is one step fewer than maxSteps', async () => {
    const r = await scanTree({
      'app/api/agent/route.ts': route(true),
      'lib/limits.ts': 'export const MAX_STEPS = 5;\nexport const AGENT_API = "/api/agent";\n',
      'components/agent.tsx': component('useChat({ api: AGENT_API, maxSteps: MAX_STEPS })', "import { useChat } from '@ai-sdk/react';\nimport { AGENT_API, MAX_STEPS } from '../lib/limits';"),
      'components/old.tsx': component("useChat({ api: '/api/agent', maxToolRoundtrips: 2 })"),
    });
    assert.deepEqual(loopsOf(r, 'components/agent.tsx'), [[5, true, 5]]);
    assert.deepEqual(loopsOf(r, 'components/old.tsx'), [[4, true, 3]]);
  });

  it('AI SDK 5: sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls through the DefaultChatTransport’s api counts nothing: unbounded', async () => {
    const r = await scanTree({
      'app/api/assistant/route.ts': route(true),
      'components/chat.tsx': component(
        "useChat({\n    transport: new DefaultChatTransport({ api: '/api/assistant' }),\n    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls,\n  })",
        "import { useChat } from '@ai-sdk/react';\nimport { DefaultChatTransport, lastAssistantMessageIsCompleteWithToolCalls } from 'ai';",
      ),
    });
    assert.deepEqual(
      loopsOf(r, 'components/chat.tsx').map(([line, bounded]) => [line, bounded]),
      [[5, false]],
    );
  });

  it('traps: no tools on the route, no step option, maxSteps: 1, approval responses, a custom transport, a hook of the app’s own with no options', async () => {
    const r = await scanTree({
      'app/api/chat/route.ts': route(false),
      'app/api/tools/route.ts': route(true),
      'components/no-tools.tsx': component('useChat({ maxSteps: 5 })'),
      'components/plain.tsx': component("useChat({ api: '/api/tools' })"),
      'components/one.tsx': component("useChat({ api: '/api/tools', maxSteps: 1 })"),
      'components/approvals.tsx': component(
        "useChat({\n    transport: new DefaultChatTransport({ api: '/api/tools' }),\n    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,\n  })",
        "import { useChat } from '@ai-sdk/react';\nimport { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from 'ai';",
      ),
      'components/custom.tsx': component("useChat({ transport: myTransport, maxSteps: 5 })", "import { useChat } from '@ai-sdk/react';\nimport { myTransport } from './transport';"),
      'components/own-hook.tsx': component('useChat()', "import { useChat } from '../hooks/useChat'; // maxSteps"),
    });
    for (const path of ['no-tools', 'plain', 'one', 'approvals', 'custom', 'own-hook']) assert.deepEqual(loopsOf(r, `components/${path}.tsx`), [], path);
  });
});
