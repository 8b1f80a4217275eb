import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const SOURCE = `import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { fitToBudget, readPrompt } from './text-utils';
import { t } from './i18n';

export async function digest(article: string, topic: string) {
  const summary = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: fitToBudget(
      \`Summarize the following article for a busy reader, keeping every number and name: <article>\${article}</article>\`,
      20_000,
    ),
  });
  const fromFile = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: readPrompt(\`prompts/digest \${topic} for the reader.md\`),
  });
  const translated = await generateText({
    model: openai('gpt-4o-mini'),
    prompt: t('digest.instructions.for.the.reader'),
  });
  return [summary.text, fromFile.text, translated.text];
}
`;

describe('detect: a prompt handed to a text helper', () => {
  it('the prose a pass-through helper is given first is the prompt, where it is written', async () => {
    const d = await detectFile(SOURCE, 'digest.ts');
    const lines = SOURCE.split('\n');
    const written = lines.findIndex((l) => l.includes('Summarize the following article')) + 1;
    const p = d.prompts.find((x) => x.line === written);
    assert.ok(p, `a prompt at ${written} (have ${d.prompts.map((x) => `${x.line}:${x.text.slice(0, 30)}`).join(', ')})`);
    assert.match(p.text, /^Summarize the following article/);
    assert.deepEqual(p.placeholders, ['article']);
  });

  it('trap: a reader given a path and a translation given a key are not prompts', async () => {
    const d = await detectFile(SOURCE, 'digest.ts');
    assert.deepEqual(
      d.prompts.filter((p) => /prompts\/digest|digest\.instructions/.test(p.text)).map((p) => p.text),
      [],
    );
  });
});

describe('detect: a question put to the user is not a prompt', () => {
  const ASKS_PY = [
    'from agents import Runner',
    'async def main():',
    '    msg = input_with_fallback("Hi! We speak French, Spanish and English. How can I help? ", "Hello there")',
    '    inputs = [{"content": msg, "role": "user"}]',
    '    await Runner.run(agent, inputs)',
  ].join('\n');
  const ASKS_TS = [
    "import { run } from '@openai/agents';",
    'async function main() {',
    "  const userMsg = await promptUser('Hi! We speak French, Spanish and English. How can I help?');",
    "  await run(agent, [{ role: 'user', content: userMsg }]);",
    '}',
  ].join('\n');

  for (const [name, source] of [['asks.py', ASKS_PY], ['asks.ts', ASKS_TS]] as const) {
    it(`trap (${name}): the text shown by an input helper is not sent; what the person types is`, async () => {
      const d = await detectFile(source, name);
      assert.deepEqual(d.prompts.filter((p) => /How can I help/.test(p.text)).map((p) => `${p.line}: ${p.reason}`), []);
    });
  }
});
