import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: a request written as a method chain over several lines is anchored at its request method', () => {
  it('TypeScript: model\\n  .withConfig({…})\\n  .invoke([…]) sits on the .invoke line, its span still the whole call', async () => {
    const src = [
      "import { ChatAnthropic } from '@langchain/anthropic';",
      "const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });",
      'export async function summarize(text: string) {',
      '  const result = await model',
      '    .withConfig({',
      "      runName: 'summary',",
      '    })',
      '    .invoke([',
      "      { role: 'system', content: 'Summarize the text in three sentences for a busy reader.' },",
      "      { role: 'user', content: text },",
      '    ]);',
      '  return result.content;',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'summary.ts');
    const request = f.calls.find((c) => c.role !== 'binding');
    assert.deepEqual(request && [request.line, request.endLine, request.model], [8, 11, 'claude-sonnet-4-5']);
  });

  it('a request on one line, and a chain whose method is on the first line, keep their start (trap: no shift)', async () => {
    const src = [
      "import OpenAI from 'openai';",
      'const client = new OpenAI();',
      'export async function ask(q: string) {',
      "  const a = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });",
      '  const b = await client.chat.completions.create({',
      "    model: 'gpt-4o-mini',",
      "    messages: [{ role: 'user', content: q }],",
      '  });',
      '  return [a, b];',
      '}',
      '',
    ].join('\n');
    const f = await detectFile(src, 'ask.ts');
    assert.deepEqual(f.calls.map((c) => [c.line, c.model]), [[4, 'gpt-4o'], [5, 'gpt-4o-mini']]);
  });

  it('Python: a parenthesised chain (llm\\n .with_structured_output(S)\\n .invoke(…)) sits on the .invoke line', async () => {
    const src = [
      'from langchain_openai import ChatOpenAI',
      'llm = ChatOpenAI(model="gpt-4.1-mini")',
      'def grade(doc):',
      '    return (',
      '        llm',
      '        .with_structured_output(Grade)',
      '        .invoke(f"Grade this document for relevance to the question: {doc}")',
      '    )',
      '',
    ].join('\n');
    const f = await detectFile(src, 'grade.py');
    const request = f.calls.find((c) => c.role !== 'binding');
    assert.deepEqual(request && [request.line, request.model], [7, 'gpt-4.1-mini']);
  });
});
