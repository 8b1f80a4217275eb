import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** A prompt module, a module of text builders, and a node that fills the prompt's slots with the builders' calls. */
const PROMPTS = `export const REPLY_PROMPT = \`You are a helpful writing assistant.

Here is what you remember about the user:
{memories}

Reply to the user's latest message.\`;
`;

const BUILDERS = `export async function formatMemoriesForPrompt(store?: { facts: string[] }): Promise<string> {
  if (!store) {
    return "No memories were saved for this user yet.";
  }
  return \`These are the facts you remember:
\${store.facts.join("\\n")}\`;
}

export const logLine = (id: string): string => {
  return \`Reply sent for the conversation \${id}\`;
};

export function modeWord(short: boolean): string {
  return short ? "brief" : "full";
}
`;

const NODE = `import OpenAI from "openai";
import { REPLY_PROMPT } from "./prompts";
import { formatMemoriesForPrompt, logLine, modeWord } from "./builders";

const client = new OpenAI();

export async function reply(message: string, store?: { facts: string[] }) {
  const memories = await formatMemoriesForPrompt(store);
  const system = REPLY_PROMPT.replace("{memories}", memories).replace("{mode}", modeWord(true));
  const res = await client.chat.completions.create({
    model: "gpt-4o",
    messages: [{ role: "system", content: system }, { role: "user", content: message }],
  });
  console.log("done: {id}".replace("{id}", logLine(res.id)));
  return res.choices[0].message.content;
}
`;

describe('texts a builder imported from another module returns, inserted into a sent prompt', () => {
  it('the returned fallback and the returned template of a builder a local holds are prompts of the builder module', async () => {
    const r = await scanTree({ 'src/prompts.ts': PROMPTS, 'src/builders.ts': BUILDERS, 'src/node.ts': NODE });
    const lines = file(r, 'src/builders.ts').prompts.map((p) => p.line).sort((a, b) => a - b);
    assert.ok(lines.includes(3), `the fallback (got ${lines.join(', ')})`);
    assert.ok(lines.includes(5), `the returned template (got ${lines.join(', ')})`);
  });

  it('a builder inserted into a log line, and a builder returning one word, add no prompt (traps)', async () => {
    const r = await scanTree({ 'src/prompts.ts': PROMPTS, 'src/builders.ts': BUILDERS, 'src/node.ts': NODE });
    const lines = file(r, 'src/builders.ts').prompts.map((p) => p.line);
    assert.ok(!lines.includes(10), `no log line (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(14), `no one-word mode (got ${lines.join(', ')})`);
  });
});
