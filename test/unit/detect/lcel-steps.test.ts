import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const requestsOf = async (src: string, path: string): Promise<Array<[number, string | undefined, string | undefined]>> =>
  (await detectFile(src, path)).calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.model, c.rule]);

describe('detect: LCEL model steps', () => {
  it('a chain returned by an exported factory: each model step is a request at the step (legacy modelName, nested sequences, map step)', async () => {
    const src = [
      "import { ChatOpenAI } from 'langchain/chat_models/openai';",
      "import { PromptTemplate } from 'langchain/prompts';",
      "import { RunnableSequence } from 'langchain/schema/runnable';",
      "import { StringOutputParser } from 'langchain/schema/output_parser';",
      "const REWRITE = 'Rewrite {question} given {history}';",
      "const ANSWER = 'Answer {question} from {context}';",
      'export function buildPipeline(search: any) {',
      '  const rewrite = PromptTemplate.fromTemplate(REWRITE);',
      '  const answer = PromptTemplate.fromTemplate(ANSWER);',
      "  const llm = new ChatOpenAI({ modelName: 'gpt-3.5-turbo', temperature: 0 });",
      '  const rewriteStep = RunnableSequence.from([',
      '    rewrite,',
      '    llm,',
      '    new StringOutputParser(),',
      '  ]);',
      '  const answerStep = RunnableSequence.from([',
      '    { context: search.pipe((d: any) => d.join()), question: (i: any) => i.question },',
      '    answer,',
      '    llm,',
      '  ]);',
      '  return RunnableSequence.from([{ question: rewriteStep, history: (i: any) => i.history }, answerStep]);',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'lib/pipeline.ts');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(
      requests.map((c) => [c.line, c.model, c.rule]),
      [
        [13, 'gpt-3.5-turbo', 'lcel-model-step'],
        [19, 'gpt-3.5-turbo', 'lcel-model-step'],
      ],
    );
    const texts = requests.map((c) => c.promptIds.map((id) => f.prompts.find((p) => p.id === id)?.line));
    assert.deepEqual(texts, [[5], [6]], 'each step is sent the template of the step before it');
  });

  it('a run in the file that reaches two model steps is two requests at the steps, not one at the run', async () => {
    const src = [
      "import { ChatOpenAI } from '@langchain/openai';",
      "import { RunnableSequence } from '@langchain/core/runnables';",
      'export async function POST(req: Request, condense: any, answer: any) {',
      "  const model = new ChatOpenAI({ model: 'gpt-4o-mini' });",
      '  const question = RunnableSequence.from([condense, model]);',
      '  const reply = RunnableSequence.from([answer, model]);',
      '  const chain = RunnableSequence.from([{ question, history: (i: any) => i.history }, reply]);',
      '  return chain.stream({ question: await req.text() });',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/api/route.ts'), [
      [5, 'gpt-4o-mini', 'lcel-model-step'],
      [6, 'gpt-4o-mini', 'lcel-model-step'],
    ]);
  });

  it('look-alikes: a one-step chain run here stays the run; a returned model, a returned wrapped model and chains in exclusive branches are no steps', async () => {
    const src = [
      "import { ChatOpenAI } from '@langchain/openai';",
      "import { RunnableSequence } from '@langchain/core/runnables';",
      "const base = new ChatOpenAI({ model: 'gpt-4o' });",
      'function makeChain(prompt: any) {',
      '  return prompt.pipe(base);',
      '}',
      'export function plainModel() {',
      "  return new ChatOpenAI({ model: 'gpt-4o-mini' });",
      '}',
      'export function structured(schema: any) {',
      '  return base.withStructuredOutput(schema);',
      '}',
      'export async function ask(prompt: any, q: string) {',
      '  return makeChain(prompt).invoke({ q });',
      '}',
      'export async function pick(flag: boolean, a: any, b: any) {',
      '  let chain;',
      '  if (flag) chain = RunnableSequence.from([a, base]);',
      '  else chain = RunnableSequence.from([b, base]);',
      '  return chain.invoke({});',
      '}',
      '',
    ].join('\n');
    const requests = await requestsOf(src, 'lib/chains.ts');
    assert.deepEqual(
      requests.map(([line, model]) => [line, model]),
      [
        [14, 'gpt-4o'],
        [20, 'gpt-4o'],
      ],
    );
    assert.ok(requests.every(([, , rule]) => rule === 'binding-invoke'));
  });

  it('Python: a chain a function returns (pipe with a map step) or a module-level chain is a request at its model step; a returned model, or a model wrapper (a model step nothing feeds), is not', async () => {
    const src = [
      'from langchain_openai import ChatOpenAI',
      'from langchain_core.output_parsers import StrOutputParser',
      'from langchain_core.runnables import RunnableLambda, RunnableParallel, RunnablePassthrough',
      '',
      'def build_chain(prompt, retriever):',
      '    llm = ChatOpenAI(model="gpt-4o-mini")',
      '    inputs = RunnableParallel({"context": retriever, "question": RunnablePassthrough()})',
      '    return inputs | prompt | llm | StrOutputParser()',
      '',
      'def get_model():',
      '    return ChatOpenAI(model="gpt-4o")',
      '',
      'def flags(a, b):',
      '    return a | b',
      '',
      'summarize = PROMPT | ChatOpenAI(model="gpt-4.1-mini") | StrOutputParser()',
      '',
      'def retrying_model(name):',
      '    return (ChatOpenAI(model=name) | RunnableLambda(check)).with_retry(stop_after_attempt=3)',
      '',
    ].join('\n');
    assert.deepEqual(await requestsOf(src, 'app/chains.py'), [
      [8, 'gpt-4o-mini', 'lcel-model-step'],
      [16, 'gpt-4.1-mini', 'lcel-model-step'],
    ]);
  });
});
