/**
 * Reports for the editor's pure functions, built by the core (`analyzeText`, the editor's
 * path to `analyzeFile`) from small code snippets and the report tests' catalog. No
 * hand-written report shapes: what the surfaces format is what the core produces.
 */
import type { Catalog } from '../../../src/core/catalog/types';
import type { FileReport } from '../../../src/core/report/types';
import type { Assumptions } from '../../../src/core/workload';
import { analyzeText } from '../../../src/extension/core-api';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';

const P = { source: 'test fixture', asOf: '2025-01-01' };

/** The report tests' catalog plus gpt-4o, so fixtures that name it are priced. */
export const CATALOG: Catalog = {
  ...TEST_CATALOG,
  models: [...TEST_CATALOG.models, { ...P, id: 'gpt-4o', name: 'GPT-4o', vendor: 'openai', family: 'gpt-4o', tokenizer: 'o200k_base', aliases: [], contextWindow: 128_000, reasoning: false, openWeight: false }],
  offerings: [...TEST_CATALOG.offerings, { ...P, id: 'openai/gpt-4o', provider: 'openai', model: 'gpt-4o', prices: { input: 2.5, output: 10, cachedRead: 1.25 } }],
};

export const ASSUMPTIONS: Assumptions = TEST_ASSUMPTIONS;

export function analysed(text: string, path = 'src/agent.ts', languageId = 'typescript', assumptions: Assumptions = ASSUMPTIONS, catalog: Catalog = CATALOG): Promise<FileReport> {
  return analyzeText(text, path, languageId, { catalog, assumptions });
}

/** A named system prompt sent by one OpenAI call on a model named in the code (line 7). */
export const ONE_CALL = `import OpenAI from 'openai';
const client = new OpenAI();

const SYSTEM_PROMPT = 'You are a careful reviewer of pull requests. Point out bugs, missing tests and unclear names, briefly.';

export async function review(diff: string) {
  return client.chat.completions.create({
    model: 'gpt-4o',
    max_tokens: 60,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      { role: 'user', content: diff },
    ],
  });
}
`;

/** A hand-written loop with no bound around a call that names no model (loop on line 5). */
export const UNBOUNDED_LOOP = `import OpenAI from 'openai';
const client = new OpenAI();

export async function run(model: string, messages: any[]) {
  while (true) {
    const r = await client.chat.completions.create({ model, messages: [{ role: 'system', content: 'You are an agent that uses tools to answer billing questions for customers.' }, ...messages] });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;

/** 1-based line and column of the first occurrence of `needle` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture lacks ${needle}`);
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
