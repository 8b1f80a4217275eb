import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall } from '../../../src/core/detect';

const requests = async (src: string, path: string): Promise<DetectedCall[]> => (await detectFile(src, path)).calls.filter((c) => c.role !== 'binding');

describe('detect: OpenAI Assistants API runs are requests (assistant-runs)', () => {
  it('TypeScript: runs.stream, createAndPoll, create, submitToolOutputsStream, submitToolOutputsAndPoll, threads.createAndRunPoll', async () => {
    const src = [
      "import OpenAI from 'openai';",
      'const openai = new OpenAI();',
      'export async function go(threadId: string, runId: string, assistantId: string, outputs: any[]) {',
      '  const a = openai.beta.threads.runs.stream(threadId, { assistant_id: assistantId });',
      '  const b = await openai.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId });',
      "  const c = await openai.beta.threads.runs.create(threadId, { assistant_id: assistantId, model: 'gpt-4o-mini', instructions: 'Address the user as Jane Doe.' });",
      '  const d = openai.beta.threads.runs.submitToolOutputsStream(threadId, runId, { tool_outputs: outputs });',
      '  const e = await openai.beta.threads.runs.submitToolOutputsAndPoll(runId, { thread_id: threadId, tool_outputs: outputs });',
      '  const f = await openai.beta.threads.createAndRunPoll({ assistant_id: assistantId });',
      '  return [a, b, c, d, e, f];',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'app/api/run/route.ts');
    const found = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(found.map((c) => [c.line, c.framework, c.model]), [
      [4, 'openai', undefined],
      [5, 'openai', undefined],
      [6, 'openai', 'gpt-4o-mini'],
      [7, 'openai', undefined],
      [8, 'openai', undefined],
      [9, 'openai', undefined],
    ]);
    assert.ok(f.prompts.some((p) => p.kind === 'system' && p.text === 'Address the user as Jane Doe.'), 'a run’s instructions override the assistant’s: a system prompt');
  });

  it('Python: create_and_poll with additional_instructions, submit_tool_outputs, create_and_run, the raw-response variant', async () => {
    const src = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'def ask(thread, assistant, outputs, run):',
      '    r = client.beta.threads.runs.create_and_poll(thread_id=thread.id, assistant_id=assistant.id, additional_instructions="Please be nice to users.")',
      '    s = client.beta.threads.runs.submit_tool_outputs(thread_id=thread.id, run_id=run.id, tool_outputs=outputs)',
      '    t = client.beta.threads.create_and_run(assistant_id=assistant.id, thread={"messages": []})',
      '    u = client.beta.threads.runs.with_raw_response.create(thread_id=thread.id, assistant_id=assistant.id)',
      '    return r, s, t, u',
      '',
    ].join('\n');
    const f = await detectFile(src, 'bot.py');
    assert.deepEqual(f.calls.filter((c) => c.role !== 'binding').map((c) => c.line), [4, 5, 6, 7]);
    assert.ok(f.prompts.some((p) => p.kind === 'system' && p.text === 'Please be nice to users.'));
  });

  it('traps: threads, messages, assistants, vector stores, files, run polls and steps, LangGraph’s runs and assistants', async () => {
    const src = [
      "import OpenAI from 'openai';",
      "import { Client } from '@langchain/langgraph-sdk';",
      'const openai = new OpenAI();',
      'const lg = new Client();',
      'export async function setup(threadId: string, runId: string, id: string, file: any) {',
      '  await openai.beta.threads.create();',
      "  await openai.beta.threads.messages.create(threadId, { role: 'user', content: 'hi' });",
      '  await openai.beta.threads.messages.list(threadId);',
      "  await openai.beta.assistants.create({ model: 'gpt-4o', instructions: 'You are a helpful assistant.' });",
      '  await openai.beta.assistants.retrieve(id);',
      '  await openai.beta.assistants.update(id, { tool_resources: {} });',
      "  await openai.beta.vectorStores.create({ name: 'docs' });",
      "  await openai.files.create({ file, purpose: 'assistants' });",
      '  await openai.beta.threads.runs.retrieve(threadId, runId);',
      '  await openai.beta.threads.runs.list(threadId);',
      '  await openai.beta.threads.runs.cancel(threadId, runId);',
      '  await openai.beta.threads.runs.poll(threadId, runId);',
      '  await openai.beta.threads.runs.steps.list(threadId, runId);',
      "  await lg.runs.create(threadId, 'agent', { input: {} });",
      "  await lg.runs.stream(threadId, 'agent', { input: {} });",
      "  await lg.assistants.create({ graphId: 'agent' });",
      '}',
      '',
    ].join('\n');
    assert.deepEqual((await requests(src, 'lib/setup.ts')).map((c) => [c.line, c.callee]), []);
  });
});
