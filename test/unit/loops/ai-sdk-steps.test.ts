/**
 * AI SDK tool loops read the way the SDK runs them (detect/ai-sdk-steps.ts): a step count chosen by a ternary is its
 * else arm, a `prepareStep` that switches the tools off ends the loop at that step, and one step is one request.
 */
import * as assert from 'node:assert/strict';
import { file, scanTree } from '../repo/fixture-scan';

const ROUTE = `import { streamText, generateText, stepCountIs, hasToolCall } from 'ai';
import { openai } from '@ai-sdk/openai';
import { searchTool, doneTool } from './tools';

export async function answer(messages: any[], mode: string) {
  return streamText({
    model: openai('gpt-4o'),
    messages,
    tools: { search: searchTool },
    stopWhen: stepCountIs(mode === 'deep' ? 40 : 6),
    prepareStep: async ({ steps }) => {
      const last = steps[steps.length - 1];
      const hadToolRound = Boolean(last) && last.toolCalls.length > 0 && last.toolResults.length > 0;
      if (mode === 'deep') return undefined;
      if (hadToolRound) {
        return { toolChoice: 'none' as const, activeTools: [] };
      }
      return { toolChoice: 'auto' as const };
    },
  });
}

export async function plain(messages: any[], isPro: boolean) {
  return streamText({ model: openai('gpt-4o'), messages, tools: { search: searchTool }, stopWhen: stepCountIs(isPro ? 20 : 8) });
}

export async function braked(messages: any[]) {
  return generateText({
    model: openai('gpt-4o'),
    messages,
    tools: { search: searchTool },
    stopWhen: stepCountIs(10),
    prepareStep: ({ stepNumber }) => (stepNumber >= 3 ? { toolChoice: 'none' } : undefined),
  });
}

export async function research(prompt: string) {
  return generateText({
    model: openai('gpt-4o'),
    prompt,
    tools: { search: searchTool, done: doneTool },
    stopWhen: [stepCountIs(30), hasToolCall('done')],
    prepareStep: async ({ steps }) => {
      const finished = steps.some((s) => s.toolCalls.some((tc) => tc.toolName === 'done'));
      return finished ? { toolChoice: 'none' as const } : { toolChoice: 'required' as const };
    },
  });
}

export async function once(prompt: string) {
  return generateText({ model: openai('gpt-4o'), prompt, tools: { search: searchTool }, stopWhen: stepCountIs(1) });
}
`;

const TOOLS = `import { tool } from 'ai';
import { z } from 'zod';
export const searchTool = tool({ description: 'Search the web', inputSchema: z.object({ q: z.string() }), execute: async ({ q }) => q });
export const doneTool = tool({ description: 'Finish', inputSchema: z.object({}), execute: async () => 'ok' });
`;

describe('loops: AI SDK step counts, prepareStep brakes and one-step calls', () => {
  it('takes the else arm of a ternary count, and cuts the loop where prepareStep switches the tools off', async () => {
    const r = await scanTree({ 'route.ts': ROUTE, 'tools.ts': TOOLS });
    const loops = file(r, 'route.ts').agentLoops.map((l) => [l.line, l.maxSteps, l.bounded]);
    assert.deepEqual(loops, [
      [6, 2, true], // one tool round, then the tools are off: 2 steps, not 6
      [24, 8, true], // the plain run's arm of `isPro ? 20 : 8`
      [28, 4, true], // tools off from step number 3: the fourth step answers
      [38, 30, true], // a brake after a named tool ('done') is a stop on what the model does: the count stands
    ]);
  });

  it('look-alike: stopWhen stepCountIs(1) is one request, a call and no loop', async () => {
    const r = await scanTree({ 'route.ts': ROUTE, 'tools.ts': TOOLS });
    const f = file(r, 'route.ts');
    assert.ok(!f.agentLoops.some((l) => l.line === 51), 'no loop at the one-step call');
    assert.ok(f.calls.some((c) => c.line === 51), 'it is still a request');
  });
});
