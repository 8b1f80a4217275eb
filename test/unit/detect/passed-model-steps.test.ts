import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';
import { scanTree } from '../repo/fixture-scan';

const requestsOf = async (src: string, path: string): Promise<Array<[number, string | undefined]>> =>
  (await detectFile(src, path)).calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.rule]);

describe('detect: LCEL steps on a model the file is handed', () => {
  it('a pipe of a function into a model parameter, added as a graph node, is a request at the pipe', async () => {
    const src = [
      'from langchain_core.messages import SystemMessage',
      'from langgraph.graph import StateGraph',
      '',
      'def build_bot(model, system_message, tools):',
      '    def with_system(messages):',
      '        return [SystemMessage(content=system_message)] + messages',
      '',
      '    if tools:',
      '        model_with_tools = model.bind_tools(tools)',
      '    else:',
      '        model_with_tools = model',
      '    bot = with_system | model_with_tools',
      '    graph = StateGraph(list)',
      '    graph.add_node("bot", bot)',
      '    graph.set_entry_point("bot")',
      '    return graph.compile()',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/bot.py'), [[12, 'lcel-passed-model-step']]);
  });

  it('a builder returning prompt | llm.bind_tools(tools) is a request at the step; the same pipe run in the file is one request, at the run', async () => {
    const src = [
      'from langchain_core.prompts import ChatPromptTemplate',
      '',
      'def make_worker(llm, tools, role):',
      '    prompt = ChatPromptTemplate.from_messages([("system", role), ("placeholder", "{messages}")])',
      '    return prompt | llm.bind_tools(tools)',
      '',
      'def answer(llm, question):',
      '    prompt = ChatPromptTemplate.from_template("Answer: {question}")',
      '    chain = prompt | llm',
      '    return chain.invoke({"question": question})',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/workers.py'), [
      [5, 'lcel-passed-model-step'],
      [10, 'model-named-value'],
    ]);
  });

  it('a chain a local factory builds on a model it is handed, run in the file: one request, at the run', async () => {
    const src = [
      'from langchain_core.prompts import ChatPromptTemplate',
      '',
      'class Summarizer:',
      '    def __init__(self, llm):',
      '        self.llm = llm',
      '',
      '    def summarize(self, text):',
      '        chain = make_chain(self.llm)',
      '        return chain.invoke({"text": text})',
      '',
      'def make_chain(model):',
      '    prompt = ChatPromptTemplate.from_template("Summarize: {text}")',
      '    return prompt | model',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/summarizer.py'), [[9, 'lcel-passed-model-step']]);
  });

  it('TypeScript: prompt.pipe(model) returned by a builder taking the model; a stream piped into a writer is none', async () => {
    const src = [
      "import { ChatPromptTemplate } from '@langchain/core/prompts';",
      "import type { BaseChatModel } from '@langchain/core/language_models/chat_models';",
      '',
      'export function makeGrader(model: BaseChatModel) {',
      "  const prompt = ChatPromptTemplate.fromTemplate('Grade {answer}');",
      '  return prompt.pipe(model.withStructuredOutput(schema));',
      '}',
      'export function save(stream: any, writer: any) {',
      '  return stream.pipe(writer);',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'lib/grader.ts'), [[6, 'lcel-passed-model-step']]);
  });

  it('look-alikes: a pipe of flags, a retriever chain, a graph node that is a plain function, a pipe on a value not named as a model', async () => {
    const src = [
      'import re',
      'from langgraph.graph import StateGraph',
      '',
      'def build(retriever, format_docs, handler, flags):',
      '    options = flags | re.IGNORECASE',
      '    docs = retriever | format_docs',
      '    graph = StateGraph(dict)',
      '    graph.add_node("docs", docs)',
      '    graph.add_node("handle", handler)',
      '    graph.add_node("format", format_docs | handler)',
      '    return graph.compile(), options',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/look_alike.py'), []);
  });

  it("the step's model is the one the builder's callers hand in (another module)", async () => {
    const r = await scanTree({
      'app/bot.py': [
        'from langgraph.graph import StateGraph',
        '',
        'def build_bot(llm, system_message):',
        '    def with_system(messages):',
        '        return [("system", system_message)] + messages',
        '    bot = with_system | llm',
        '    graph = StateGraph(list)',
        '    graph.add_node("bot", bot)',
        '    graph.set_entry_point("bot")',
        '    return graph.compile()',
        '',
      ].join('\n'),
      'app/main.py': [
        'from langchain_openai import ChatOpenAI',
        'from app.bot import build_bot',
        '',
        'app = build_bot(ChatOpenAI(model="gpt-4o-mini"), "You are terse.")',
        '',
      ].join('\n'),
    });
    const bot = r.files.find((f) => f.path === 'app/bot.py');
    const site = bot?.calls.find((c) => c.line === 6);
    assert.ok(site, JSON.stringify(bot?.calls.map((c) => c.line)));
    assert.equal(site.modelResolved, 'gpt-4o-mini');
  });
});
