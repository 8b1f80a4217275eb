import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

const questionTool = [
  "import { tool } from 'ai'",
  "import { z } from 'zod'",
  'export function createQuestionTool(model: string) {',
  '  return tool({',
  "    description: 'Ask the user a clarifying question with a few options to pick from',",
  "    inputSchema: z.object({ question: z.string().describe('The question to put to the user') }),",
  '  })',
  '}',
  '',
].join('\n');
const searchTool = [
  "import { tool } from 'ai'",
  "import { z } from 'zod'",
  'export function createSearchTool() {',
  '  return tool({',
  "    description: 'Search the web for pages about the question and return their text',",
  "    inputSchema: z.object({ query: z.string().describe('The words to search the web for') }),",
  '    execute: async ({ query }) => ({ query }),',
  '  })',
  '}',
  '',
].join('\n');

const agent = (active: string): string =>
  [
    "import { ToolLoopAgent } from 'ai'",
    "import { openai } from '@ai-sdk/openai'",
    "import { createQuestionTool } from './question'",
    "import { createSearchTool } from './search'",
    'export function researcher(model: string, quick: boolean) {',
    '  const ask = createQuestionTool(model)',
    '  let activeList: string[] = []',
    '  if (quick) {',
    `    activeList = ${active}`,
    '  } else {',
    "    activeList = ['search']",
    '  }',
    '  const tools = { search: createSearchTool(), askQuestion: ask }',
    "  return new ToolLoopAgent({ model: openai('gpt-4o'), instructions: 'Research the question with the tools you have.', tools, activeTools: activeList })",
    '}',
    '',
  ].join('\n');

describe('tools a request defines but leaves out of activeTools are not sent (inactive-tools)', () => {
  it('a factory tool that no list of activeTools names has no prompts; the offered one keeps its own', async () => {
    const r = await scanTree({ 'lib/question.ts': questionTool, 'lib/search.ts': searchTool, 'lib/agent.ts': agent("['search']") });
    assert.equal(r.files.find((f) => f.path === 'lib/question.ts')?.prompts.length ?? 0, 0);
    const search = file(r, 'lib/search.ts').prompts.map((p) => p.line);
    assert.ok(search.includes(5) && search.includes(6), `the offered tool's texts stay (got ${search.join(', ')})`);
  });

  it('a tool that one branch of activeTools offers is sent (trap)', async () => {
    const r = await scanTree({ 'lib/question.ts': questionTool, 'lib/search.ts': searchTool, 'lib/agent.ts': agent("['search', 'askQuestion']") });
    const lines = file(r, 'lib/question.ts').prompts.map((p) => p.line);
    assert.ok(lines.includes(5), `the question tool's description stays (got ${lines.join(', ')})`);
  });
});
