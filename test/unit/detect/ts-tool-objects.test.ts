import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const ACTIONS = `
import z from 'zod';
import { Action } from './types';

const lookupSchema = z.object({
  terms: z.array(z.string()).describe('Words to look up in the glossary, one per entry'),
});

const LONG_HELP = \`
Use this action to look terms up in the team glossary before answering.
Prefer it over guessing whenever the question names an internal project.
\`;

export const lookupAction: Action<typeof lookupSchema> = {
  name: 'glossary_lookup',
  schema: lookupSchema,
  getToolDescription: () => 'Looks terms up in the team glossary and returns their definitions.',
  getDescription: () => LONG_HELP,
  execute: async (input) => ({ found: input.terms.length }),
};

// Trap: a command table with a name and a description but no zod schema is not a tool.
export const commands = [{ name: 'init', description: 'Create a new project in the current folder', run: () => 0 }];

// Trap: a form validated by zod, with no description, is not a tool either.
export const signupForm = { name: 'signup', schema: z.object({ email: z.string().describe('Your work email address please') }) };
`;

const CONTEXTS = `
type Result = { title: string; content: string };

export function widget(city: string, data: unknown) {
  if (!data) return { type: 'weather', llmContext: 'Failed to fetch weather data.' };
  return { type: 'weather', llmContext: \`Weather in \${city} is \${JSON.stringify(data)}\` };
}

const writerPrompt = (context: string, style: string) => \`You are a careful writer. Answer in a \${style} tone using only:
\${context}\`;

export function answer(results: Result[], style: string) {
  const context = results.map((r, i) => \`<result index=\${i + 1} title=\${r.title}>\${r.content}</result>\`).join('\\n');
  const joinedDirect = results.map((r) => \`<doc title=\${r.title}>\${r.content}</doc>\`).join('\\n') || '';
  const answerPrompt = \`You are a helpful assistant. Use these documents to answer the question:
\${joinedDirect}\`;
  // Trap: rows of HTML built the same way, never part of a prompt.
  const rows = results.map((r) => \`<li class="result">\${r.title}</li>\`).join('');
  return { system: writerPrompt(context, style), answerPrompt, html: \`<ul>\${rows}</ul>\` };
}
`;

describe('TypeScript tool definitions written as objects, model-context keys, per-item texts joined into a prompt', () => {
  it('an object with a name, a zod schema and description keys: its descriptions, behind getters too, and its schema texts are prompts', async () => {
    const d = await detectFile(ACTIONS, 'actions/lookup.ts');
    const tools = d.prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line).sort((a, b) => a - b);
    // .describe (6), the constant the getter returns (9-12), the getter's own text (17).
    assert.deepEqual(tools, [6, 9, 17]);
    assert.ok(!d.prompts.some((p) => p.line === 23), 'the command table is not a tool');
    assert.ok(!d.prompts.some((p) => p.line === 26), "a form's zod schema with no description is not a tool");
  });

  it('a model-context key holding a template is a prompt; a fixed error text under it is not', async () => {
    const d = await detectFile(CONTEXTS, 'agent/widget.ts');
    assert.ok(d.prompts.some((p) => p.line === 6 && p.text.startsWith('Weather in')), JSON.stringify(d.prompts.map((p) => [p.line, p.text.slice(0, 30)])));
    assert.ok(!d.prompts.some((p) => p.line === 5));
  });

  it('a mapped template joined and spliced into a prompt, directly or through a prompt function, is a prompt; HTML rows are not', async () => {
    const d = await detectFile(CONTEXTS, 'agent/widget.ts');
    const lines = d.prompts.map((p) => p.line);
    assert.ok(lines.includes(13), `the per-result template passed to writerPrompt (${lines.join(', ')})`);
    assert.ok(lines.includes(14), 'the per-document template spliced into the inline prompt');
    assert.ok(!lines.includes(18), 'the HTML rows are not a prompt');
  });
});

const SETTINGS = `
export function defaults(workspace?: { default_prompt?: string; name?: string; short?: string }) {
  return {
    prompt: workspace?.default_prompt || "You are a friendly assistant who answers briefly.",
    title: workspace?.name || "Untitled workspace for the whole team",
    instructions: workspace?.short ?? "Be brief",
  };
}

export function fold(messages: { role: string; text: string }[]) {
  return [{ role: "user", parts: [\`\${messages[0].role}:\\n\${messages[0].text}\\n\\nuser:\\n\${messages[1].text}\`] }];
}
`;

describe('TypeScript prompt keys with a default, Gemini message parts', () => {
  it("the text a prompt key falls back to is a prompt; another key's fallback and a short one are not", async () => {
    const d = await detectFile(SETTINGS, 'app/settings.ts');
    const lines = d.prompts.map((p) => p.line);
    assert.ok(lines.includes(4), `the prompt default (${lines.join(', ')})`);
    assert.ok(!lines.includes(5), 'a title is not a prompt');
    assert.ok(!lines.includes(6), 'a two-word fallback is too short to be a prompt');
  });

  it('a {role, parts: [text]} message: its text parts are prompts', async () => {
    const d = await detectFile(SETTINGS, 'app/settings.ts');
    assert.ok(d.prompts.some((p) => p.line === 11 && p.kind === 'user-template'), JSON.stringify(d.prompts.map((p) => [p.line, p.kind])));
  });
});
