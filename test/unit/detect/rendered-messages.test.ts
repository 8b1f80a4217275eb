import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

// Look-alikes of prompts in chat UIs that are never sent (rendered-messages.ts), and a template variable's name
// spliced into an input template (assembled-prompts.ts).

const ROLE_MAP = `
const ClaudeMapper = {
  assistant: "assistant",
  user: "user",
  system: "user",
} as const;

const GeminiRoles = { system: "user", assistant: "model" };

export function roles(m: { role: keyof typeof ClaudeMapper }) {
  return ClaudeMapper[m.role] ?? GeminiRoles[m.role];
}
`;

// Trap: a system prompt under the same keys, beside a role word.
const PROMPT_MAP = `
export const PROMPTS = {
  user: "user",
  system: "You are a careful assistant who answers in one short paragraph.",
};
`;

const PREVIEW = `
import { createMessage } from "../store";

export function Chat({ context, session, isLoading }: any) {
  const renderMessages = context.concat(session.messages).concat(
    isLoading ? [{ ...createMessage({ role: "assistant", content: "……" }), preview: true }] : [],
  );
  const typing = { role: "assistant", content: "Thinking about it…", isPreview: true };
  return [renderMessages, typing];
}
`;

// Trap: the same shapes without the flag (or with it false) are sent.
const SENT = `
import { createMessage } from "../store";

export function history(messages: any[]) {
  const hint = { ...createMessage({ role: "user", content: "Answer in French, please." }), preview: false };
  return messages.concat([{ ...createMessage({ role: "system", content: "Reply briefly and politely." }), date: "" }], [hint]);
}
`;

const INPUT_VAR = `
export function fillTemplateWith(input: string, template: string) {
  let output = template;
  const inputVar = "{{input}}";
  if (!output.includes(inputVar)) {
    output += "\\n" + inputVar;
  }
  return output.replace("{{input}}", input);
}

export async function send(client: any, input: string) {
  const content = fillTemplateWith(input, "Translate to English: ");
  return client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "system", content: "Be terse. " + "\\n" + "{{input}} please" }, { role: "user", content }] });
}
`;

const COPIED = `
export async function send(messages: any[], userMessage: any) {
  const apiMessages = [...messages, userMessage].map((msg) => {
    if (msg.file) {
      return {
        role: msg.role,
        content: \`File contents of \${msg.file.fileName}:\\n\\n\${msg.file.text}\\n\\n\${msg.content}\`,
      };
    }
    return { role: msg.role, content: \`\${msg.role}: \${msg.content}\` };
  });
  return fetch("/api/finance", { method: "POST", body: JSON.stringify({ messages: apiMessages }) });
}
`;

describe('prompt look-alikes a chat UI never sends', () => {
  it('a message rewritten with its role copied sends the template written around the content; splices alone are not text (trap)', async () => {
    const f = await detectFile(COPIED, 'app/finance/page.tsx');
    assert.deepEqual(f.prompts.map((p) => p.line), [7], `got ${f.prompts.map((p) => `${p.line}:${p.text}`).join(' | ')}`);
  });

  it('an object of role names is a role mapping, not a system prompt', async () => {
    const f = await detectFile(ROLE_MAP, 'app/client/platforms/anthropic.ts');
    assert.deepEqual(f.prompts.map((p) => p.line), []);
  });

  it('a system prompt beside a role word is still a prompt (trap)', async () => {
    const f = await detectFile(PROMPT_MAP, 'app/prompts.ts');
    assert.ok(f.prompts.some((p) => p.line === 4), `got ${f.prompts.map((p) => p.line).join(', ')}`);
  });

  it('a message spread into a preview bubble, or flagged isPreview, is rendered only', async () => {
    const f = await detectFile(PREVIEW, 'app/components/chat.tsx');
    assert.deepEqual(f.prompts.map((p) => p.line), []);
  });

  it('the same messages with no flag, or the flag false, are sent (trap)', async () => {
    const f = await detectFile(SENT, 'app/store/history.ts');
    const lines = f.prompts.map((p) => p.line).sort();
    assert.deepEqual(lines, [5, 6], `got ${lines.join(', ')}`);
  });

  it('a template variable name appended to the input template is not a prompt; a text around a placeholder is', async () => {
    const f = await detectFile(INPUT_VAR, 'app/store/chat.ts');
    const previews = f.prompts.map((p) => p.text);
    assert.ok(!f.prompts.some((p) => p.line === 4), `got ${f.prompts.map((p) => `${p.line}:${p.text}`).join(' | ')}`);
    assert.ok(previews.some((t) => /please/.test(t)), `got ${previews.join(' | ')}`);
  });
});
