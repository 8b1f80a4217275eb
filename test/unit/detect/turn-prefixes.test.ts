import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

/** A history formatter whose branches write the legacy turn markers (turn-format-prompts.ts). */
describe('detect: Human:/Assistant: turn prefixes returned by the branches of a history formatter', () => {
  it('TypeScript: a mapper returning `Human: …` for user turns and `Assistant: …` for the others gives two prompts', async () => {
    const f = await detectFile(
      `import { ChatOpenAI } from "@langchain/openai";

const formatHistory = (history: Message[]) => {
  const turns = history.map((message) => {
    if (message.role === "user") {
      return \`Human: \${textOf(message)}\`;
    } else if (message.role === "assistant") {
      return \`Assistant: \${textOf(message)}\`;
    }
    return \`\${message.role}: \${textOf(message)}\`;
  });
  return turns.join("\\n");
};
`,
      'route.ts',
    );
    assert.deepEqual(f.prompts.map((p) => [p.line, p.kind]), [[6, 'user-template'], [8, 'user-template']]);
  });

  it('Python: the same in a def; a function returning only one marker, or another label, gives none', async () => {
    const f = await detectFile(
      `import anthropic


def format_turn(m):
    if m.role == "user":
        return f"Human: {m.text}"
    return f"Assistant: {m.text}"


def caption(m):
    return f"Human: {m.name}"


def label(m):
    if m.role == "user":
        return f"Human: {m.name}"
    return f"Robot: {m.name}"
`,
      'history.py',
    );
    assert.deepEqual(f.prompts.map((p) => p.line), [6, 7]);
  });
});
