import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: realtime sessions (OpenAI Agents SDK voice, OpenAI SDK realtime)', () => {
  it('new RealtimeSession(agent, { model }) is the request, on its model; the RealtimeAgent is no agent loop', async () => {
    const src = [
      "import { RealtimeAgent, RealtimeSession, OpenAIRealtimeWebRTC } from '@openai/agents/realtime';",
      '',
      'export const greeter = new RealtimeAgent({',
      "  name: 'greeter',",
      "  instructions: 'Greet the caller warmly and ask how you can help them today.',",
      "  handoffDescription: 'Agent that greets the caller at the start of a call.',",
      '  tools: [],',
      '});',
      '',
      'export async function connect(key: string) {',
      '  const session = new RealtimeSession(greeter, {',
      '    transport: new OpenAIRealtimeWebRTC({}),',
      "    model: 'gpt-4o-realtime-preview-2025-06-03',",
      "    config: { inputAudioTranscription: { model: 'gpt-4o-mini-transcribe' } },",
      '  });',
      '  await session.connect({ apiKey: key });',
      "  session.sendMessage('hi');",
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'session.ts');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.framework, c.model, c.role ?? 'call', c.agent]),
      [[11, 'openai-agents', 'gpt-4o-realtime-preview-2025-06-03', 'call', false]],
      'one request, where the session is opened; the transcription model is a setting of it',
    );
    assert.deepEqual(f.loops, [], 'a realtime agent has no run loop of its own: its handoffs are turns of the session');
    assert.ok(f.prompts.some((p) => p.kind === 'instructions' && p.text.startsWith('Greet the caller')), 'its instructions are still a prompt');
    assert.ok(f.prompts.some((p) => p.kind === 'tool-description' && p.text.startsWith('Agent that greets')), 'and its handoff description');
  });

  it('trap: an Agents SDK Agent (text) stays an agent loop; a RealtimeAgent.create is a realtime definition', async () => {
    const src = [
      "import { Agent, RealtimeAgent } from '@openai/agents';",
      "export const helper = new Agent({ name: 'helper', instructions: 'Answer the question with the tools you have.' });",
      "export const voice = RealtimeAgent.create({ name: 'voice', instructions: 'Speak briefly and clearly to the caller.' });",
      '',
    ].join('\n');
    const f = await detectFile(src, 'agents.ts');
    assert.deepEqual(f.loops.map((l) => [l.line, l.framework]), [[2, 'openai-agents']]);
    assert.deepEqual(f.calls.map((c) => c.line), [2]);
  });

  it('Python: client.beta.realtime.connect(model=…) and client.realtime.connect(model=…) are requests on their model', async () => {
    const src = [
      'from openai import AsyncOpenAI',
      'client = AsyncOpenAI()',
      'async def main():',
      '    async with client.beta.realtime.connect(model="gpt-4o-realtime-preview") as conn:',
      '        await conn.session.update(session={"modalities": ["text"]})',
      '    async with client.realtime.connect(model="gpt-realtime") as conn:',
      '        pass',
      '',
    ].join('\n');
    const f = await detectFile(src, 'rt.py');
    assert.deepEqual(f.calls.map((c) => [c.line, c.model, c.providerHint]), [
      [4, 'gpt-4o-realtime-preview', 'openai'],
      [6, 'gpt-realtime', 'openai'],
    ]);
  });
});
