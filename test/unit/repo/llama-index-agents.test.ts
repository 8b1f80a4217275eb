import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

/** A builder too long for its return to be read as a value, as real agent builders are (tools assembled first). */
function longBuilder(agentLines: readonly string[]): string {
  const filler = Array.from({ length: 70 }, (_, i) => `    step_${i} = describe(${i})`);
  return [
    'from llama_index.agent.openai import OpenAIAgent',
    'from llama_index.llms.openai import OpenAI',
    'from llama_index.core.tools import FunctionTool',
    '',
    'def describe(i):',
    '    return str(i)',
    '',
    'async def build_agent(tools) -> OpenAIAgent:',
    ...filler,
    '    llm = OpenAI(model="gpt-4o-mini", temperature=0)',
    ...agentLines,
    '    return agent',
    '',
  ].join('\n');
}

describe('LlamaIndex agents run by their own methods', () => {
  it('astream_chat on an agent an imported async builder returns is the request, on the llm= model; the loop stays at from_tools with max_function_calls + 2 passes', async () => {
    const r = await scanTree({
      'app/engine.py': longBuilder(['    agent = OpenAIAgent.from_tools(tools=tools, llm=llm, max_function_calls=3)']),
      'app/chat.py': [
        'from app.engine import build_agent',
        '',
        'async def handle(message, tools):',
        '    agent = await build_agent(tools)',
        '    response = await agent.astream_chat(message)',
        '    return response',
        '',
      ].join('\n'),
    });
    const chat = r.files.find((f) => f.path === 'app/chat.py');
    const run = chat?.calls.find((c) => c.line === 5);
    assert.ok(run, JSON.stringify(chat?.calls.map((c) => c.line)));
    assert.equal(run.modelResolved, 'gpt-4o-mini');
    const engine = r.files.find((f) => f.path === 'app/engine.py');
    // The builder is a binding (no request where the agent is built); its loop: 3 function calls allowed -> 5 requests.
    assert.deepEqual(engine?.calls.filter((c) => c.role !== 'binding' && c.framework === 'llama-index').map((c) => c.line), []);
    assert.deepEqual(engine?.agentLoops.map((l) => [l.framework, l.maxSteps, l.bounded]), [['llama-index', 5, true]]);
  });

  it("an agent built without a bound takes the library's default (OpenAIAgent 5 calls -> 7, FunctionCallingAgent 5 -> 6, ReAct 10); a same-file chat() is its run", async () => {
    const r = await scanTree({
      'agents.py': [
        'from llama_index.agent.openai import OpenAIAgent',
        'from llama_index.core.agent import FunctionCallingAgent, ReActAgent',
        'from llama_index.llms.openai import OpenAI',
        '',
        'llm = OpenAI(model="gpt-4o")',
        'openai_agent = OpenAIAgent.from_tools([], llm=llm)',
        'fc_agent = FunctionCallingAgent.from_tools([], llm=llm)',
        'react_agent = ReActAgent.from_tools([], llm=llm)',
        '',
        'def ask(q):',
        '    return openai_agent.chat(q)',
        '',
      ].join('\n'),
    });
    const f = r.files.find((x) => x.path === 'agents.py');
    assert.deepEqual(f?.agentLoops.map((l) => [l.line, l.maxSteps]), [[6, 7], [7, 6], [8, 10]]);
    const requests = f?.calls.filter((c) => c.role !== 'binding') ?? [];
    assert.deepEqual(requests.map((c) => [c.line, c.modelResolved]), [[11, 'gpt-4o']]);
  });

  it('a workflow FunctionAgent is run by run(); an OpenAIAgent class of the repository, or a chat() on another object, is no agent', async () => {
    const r = await scanTree({
      'wf.py': [
        'from llama_index.core.agent.workflow import FunctionAgent',
        'from llama_index.llms.anthropic import Anthropic',
        '',
        'agent = FunctionAgent(tools=[], llm=Anthropic(model="claude-3-5-haiku-latest"))',
        '',
        'async def main(q):',
        '    return await agent.run(user_msg=q)',
        '',
      ].join('\n'),
      'mine.py': [
        'from myapp.agents import OpenAIAgent',
        'from myapp.bus import Bus',
        '',
        'agent = OpenAIAgent.from_tools([], max_function_calls=2)',
        'bus = Bus()',
        '',
        'def go(q):',
        '    bus.chat(q)',
        '    return agent.chat(q)',
        '',
      ].join('\n'),
    });
    const wf = r.files.find((x) => x.path === 'wf.py');
    assert.deepEqual(wf?.agentLoops.map((l) => [l.line, l.maxSteps]), [[4, 20]]);
    const runs = wf?.calls.filter((c) => c.role !== 'binding') ?? [];
    assert.deepEqual(runs.map((c) => c.line), [7]);
    assert.match(runs[0].modelResolved ?? '', /^claude-3-5-haiku/);
    const mine = r.files.find((x) => x.path === 'mine.py');
    assert.deepEqual(mine?.agentLoops ?? [], []);
    assert.deepEqual(mine?.calls ?? [], []);
  });
});

describe('LlamaIndex vector indexes built from documents', () => {
  it("from_documents embeds on the library's default embedding model, or the embed_model= passed; from_vector_store and an empty index embed nothing", async () => {
    const r = await scanTree({
      'ingest.py': [
        'from llama_index.core import VectorStoreIndex, StorageContext',
        'from llama_index.embeddings.openai import OpenAIEmbedding',
        '',
        'def build(docs, store):',
        '    ctx = StorageContext.from_defaults(vector_store=store)',
        '    index = VectorStoreIndex.from_documents(docs, storage_context=ctx)',
        '    small = VectorStoreIndex.from_documents(docs, embed_model=OpenAIEmbedding(model="text-embedding-3-small"))',
        '    loaded = VectorStoreIndex.from_vector_store(store)',
        '    empty = VectorStoreIndex([], storage_context=ctx)',
        '    return index, small, loaded, empty',
        '',
      ].join('\n'),
      'other.py': [
        'from myapp.search import VectorStoreIndex',
        '',
        'def build(docs):',
        '    return VectorStoreIndex.from_documents(docs)',
        '',
      ].join('\n'),
    });
    const f = r.files.find((x) => x.path === 'ingest.py');
    const requests = f?.calls.filter((c) => c.role !== 'binding') ?? [];
    // An embedding request has no output tokens.
    assert.deepEqual(requests.map((c) => [c.line, c.outputTokens === 0 ? 'embedding' : 'chat', c.modelResolved]), [
      [6, 'embedding', 'text-embedding-ada-002'],
      [7, 'embedding', 'text-embedding-3-small'],
    ]);
    assert.deepEqual(r.files.find((x) => x.path === 'other.py')?.calls ?? [], []);
  });

  it("the file's own Settings.embed_model is the model of an index built without embed_model=, read by its model keyword only", async () => {
    const r = await scanTree({
      'large.py': [
        'from llama_index.core import Settings, VectorStoreIndex',
        'from llama_index.embeddings.openai import OpenAIEmbedding',
        '',
        'Settings.embed_model = OpenAIEmbedding(model="text-embedding-3-large")',
        '',
        'def build(nodes):',
        '    return VectorStoreIndex(nodes, show_progress=True)',
        '',
      ].join('\n'),
      'typo.py': [
        'from llama_index.core import Settings, VectorStoreIndex',
        'from llama_index.embeddings.openai import OpenAIEmbedding',
        '',
        'def setup():',
        '    Settings.embed_model = OpenAIEmbedding(model_type="text-embedding-3-small")',
        '',
        'def build(docs):',
        '    return VectorStoreIndex.from_documents(docs)',
        '',
      ].join('\n'),
    });
    const model = (path: string): unknown => r.files.find((x) => x.path === path)?.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.modelResolved]);
    assert.deepEqual(model('large.py'), [[7, 'text-embedding-3-large']]);
    // `model_type` is no parameter of OpenAIEmbedding: its default stands.
    assert.deepEqual(model('typo.py'), [[8, 'text-embedding-ada-002']]);
  });
});
