import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { getBundledCatalog } from '../../../src/core/catalog/bundled';
import { frameworkDefault } from '../../../src/core/report/loop-steps';

describe('detect: LangChain.js executors and vector stores', () => {
  it('a classic AgentExecutor from a scoped package is an agent run where its own method runs it, bounded by 15 iterations', async () => {
    const src = [
      "import { ChatAnthropic } from '@langchain/anthropic';",
      "import { AgentExecutor, createToolCallingAgent } from '@langchain/classic/agents';",
      'export async function answer(question: string, tools: any[], prompt: any) {',
      "  const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5' });",
      '  const agent = createToolCallingAgent({ llm, tools, prompt });',
      '  const executor = new AgentExecutor({ agent, tools });',
      '  const log = [];',
      '  log.push(question);',
      '  return executor.invoke({ input: question });',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'agent.ts');
    const executor = f.calls.find((c) => c.agent);
    assert.deepEqual(
      [executor?.line, executor?.model, executor?.runs?.map((r) => r.line)],
      [6, 'claude-sonnet-4-5', [9]],
    );
    const loop = f.loops.find((l) => l.callId === executor?.id);
    assert.deepEqual([loop?.maxSteps, loop?.defaultsKey], [undefined, 'langchain-agent-executor']);
    assert.equal(frameworkDefault(getBundledCatalog(), 'langchain-agent-executor', 'typescript')?.defaultSteps, 15);
  });

  it("look-alike: the application's own AgentExecutor class, run by a method, is no LangChain agent", async () => {
    const src = [
      "import { AgentExecutor } from './jobs/executor';",
      'export async function tick(id: string) {',
      '  const executor = new AgentExecutor(id);',
      '  return executor.run();',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'worker.ts');
    assert.deepEqual([f.calls.length, f.loops.length], [0, 0]);
  });

  it('a store built from documents embeds them through the embeddings it is handed, on the class default model', async () => {
    const src = [
      "import { OpenAIEmbeddings } from '@langchain/openai';",
      "import { MemoryVectorStore } from 'langchain/vectorstores/memory';",
      'export async function index(docs: any[]) {',
      '  const store = await MemoryVectorStore.fromDocuments(',
      '    docs,',
      '    new OpenAIEmbeddings(),',
      '  );',
      '  return store;',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'ingest.ts');
    const request = f.calls.find((c) => c.role !== 'binding');
    assert.deepEqual([request?.line, request?.kind, request?.model], [4, 'embedding', 'text-embedding-ada-002']);
  });

  it('look-alike: a store built from documents with no embeddings binding (options only) sends nothing', async () => {
    const src = [
      "import { Chroma } from '@langchain/community/vectorstores/chroma';",
      'export async function reopen(docs: any[], embeddings: any) {',
      "  return Chroma.fromDocuments(docs, embeddings, { collectionName: 'notes' });",
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'reopen.ts');
    assert.deepEqual(f.calls.filter((c) => c.role !== 'binding'), []);
  });
});
