import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

/** Lines of the prompts a file reports, in order. */
async function promptLines(source: string, path: string): Promise<number[]> {
  const f = await detectFile(source, path);
  return f.prompts.map((p) => p.line).sort((a, b) => a - b);
}

describe('pushed prompt fragments (TypeScript): an array filled with push and joined into a sent text', () => {
  it('every text pushed into a joined array (in branches, several per push, spread from a helper) is a piece of the message', async () => {
    const source = [
      "import { chatCompletion } from './llm';",
      '',
      'export async function greet(me: { name: string }, other: { name: string }, agent: { plan: string } | null, remembered: boolean) {',
      '  const lines = [`You are ${me.name}, and you just met ${other.name} in the park.`];',
      '  lines.push(...goalLines(agent));',
      '  if (remembered) {',
      "    lines.push('Mention something from your previous conversation in the greeting.');",
      '  }',
      "  lines.push(`Below is the chat so far with ${other.name}.`, 'Keep the reply brief and friendly.');",
      "  return chatCompletion({ messages: [{ role: 'system', content: lines.join('\\n') }] });",
      '}',
      '',
      'function goalLines(agent: { plan: string } | null): string[] {',
      '  const out = [];',
      '  if (agent) out.push(`Your goals for the conversation: ${agent.plan}`);',
      '  return out;',
      '}',
      '',
      'export function logProgress(count: number) {',
      "  const status = ['Loading the conversation history from storage'];",
      '  status.push(`Fetched ${count} messages from the server`);',
      "  console.log(status.join('\\n'));",
      '}',
    ].join('\n');
    assert.deepEqual(await promptLines(source, 'conversation.ts'), [4, 7, 9, 9, 15]);
  });

  it('a push inside a forEach callback and a table picked by key fill the list the function joins', async () => {
    const source = [
      "import { streamText } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      '',
      'export async function generate(request: string, sites: { url: string }[], kind: "edit" | "new") {',
      '  const parts: string[] = [];',
      "  sites.forEach((site) => { parts.push(`Scraped website in context: ${site.url}`); });",
      '  const guidance: Record<string, string> = {',
      "    edit: 'Change only the files the request names and keep everything else.',",
      "    new: 'Create the whole application from scratch with React components.',",
      '  };',
      '  parts.push(guidance[kind]);',
      "  const user = `CONTEXT:\\n${parts.join('\\n')}\\n\\nUSER REQUEST:\\n${request}`;",
      "  return streamText({ model: openai('gpt-4o'), messages: [{ role: 'user', content: user }] });",
      '}',
      '',
      'export function renderSidebar(items: { title: string }[]) {',
      '  const rows: string[] = [];',
      "  items.forEach((item) => rows.push(`Open the page called ${item.title}`));",
      "  return rows.join('\\n');",
      '}',
    ].join('\n');
    assert.deepEqual(await promptLines(source, 'route.ts'), [6, 8, 9, 12]);
  });

  it('a prompt-named function returning a joined list of sections (or a constant) reports the pushed sections; a builder not named as a prompt does not', async () => {
    const source = [
      'const EXAMPLES_TEXT = `Example: to change the header colour, edit only Header.jsx and keep the rest.`;',
      '',
      'export function getExamplesPrompt(): string {',
      '  return EXAMPLES_TEXT;',
      '}',
      '',
      'export function buildSystemPrompt(files: string[], withExamples: boolean): string {',
      '  const sections: string[] = [];',
      '  if (withExamples) sections.push(getExamplesPrompt());',
      "  sections.push(`## Files to Edit\\n${files.join('\\n')}`);",
      '  sections.push(buildRules());',
      "  return sections.join('\\n\\n');",
      '}',
      '',
      'function buildRules(): string {',
      "  return 'Preserve every line of the original file that you do not need to change.';",
      '}',
      '',
      'export function buildMenu(entries: string[]): string {',
      '  const menu: string[] = [];',
      "  menu.push('Choose one of the following saved projects to open');",
      "  return menu.join('\\n');",
      '}',
    ].join('\n');
    assert.deepEqual(await promptLines(source, 'context-selector.ts'), [1, 10, 16]);
  });
});
