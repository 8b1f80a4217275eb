/**
 * An AI SDK provider instance bound under a name of the repository's own (`export const llmHost = createTogetherAI(…)`)
 * and called with the model id in another module names that model; a look-alike `create*` binding from a package that
 * is no model provider (a database client called with a table name) names none.
 */
import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

const CLIENTS = `import { createTogetherAI } from '@ai-sdk/togetherai';
import { createStore } from './store-lib';

export const llmHost = createTogetherAI({ apiKey: process.env.TOGETHER_API_KEY ?? '' });
export const cacheTable = createStore({ region: 'eu' });
`;

const ROUTE = `import { streamText } from 'ai';
import { llmHost, cacheTable } from '../lib/clients';

export async function POST(req: Request) {
  const { question } = await req.json();
  const answer = streamText({ model: llmHost('openai/gpt-oss-20b'), system: 'Answer the question briefly and cite sources.', prompt: question });
  return answer.toTextStreamResponse();
}
`;

const LOOKALIKE = `import { generateText } from 'ai';
import { cacheTable } from '../lib/clients';

export async function run(question: string) {
  return generateText({ model: cacheTable('gpt-oss-20b'), prompt: question });
}
`;

describe('provider instances bound under a name of the repository', () => {
  it('the id passed to an imported create*() instance of an @ai-sdk package is the model of the call', async () => {
    const r = await scanTree({ 'lib/clients.ts': CLIENTS, 'lib/store-lib.ts': 'export function createStore(o: object) { return (t: string) => t; }\n', 'app/route.ts': ROUTE });
    const route = r.files.find((f) => f.path === 'app/route.ts');
    assert.deepEqual(route?.calls.map((c) => [c.model, c.modelSource?.from]), [['openai/gpt-oss-20b', 'code']]);
  });

  it('an instance made by a create*() of a package that is no model provider names no model', async () => {
    const r = await scanTree({ 'lib/clients.ts': CLIENTS, 'lib/store-lib.ts': 'export function createStore(o: object) { return (t: string) => t; }\n', 'app/run.ts': LOOKALIKE });
    const run = r.files.find((f) => f.path === 'app/run.ts');
    assert.equal(run?.calls.length, 1);
    assert.notEqual(run?.calls[0].modelSource?.from, 'code');
  });
});
