/**
 * A message list of which only the last element's content is sent (`prompt: messages[messages.length - 1].content`):
 * the earlier (system) messages of the list are never sent and are no prompts; a list sent whole keeps them.
 */
import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const LAST_ONLY = `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function POST(req: Request) {
  const { text, mode } = await req.json();
  const messages = pick(mode)
    .on('tidy', () => [
      { role: 'system', content: 'You are an editor who tidies prose without changing its meaning.' },
      { role: 'user', content: \`Tidy this passage: \${text}\` },
    ])
    .on('expand', () => [
      { role: 'system', content: 'You are an editor who expands terse notes into full paragraphs.' },
      { role: 'user', content: \`Expand these notes: \${text}\` },
    ])
    .done();
  return streamText({ model: openai('gpt-4o-mini'), prompt: messages[messages.length - 1].content });
}
`;

const WHOLE = `import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function POST(req: Request) {
  const { text } = await req.json();
  const messages = [
    { role: 'system', content: 'You are an editor who tidies prose without changing its meaning.' },
    { role: 'user', content: \`Tidy this passage: \${text}\` },
  ];
  const last = messages[messages.length - 1].content;
  console.log(last);
  return streamText({ model: openai('gpt-4o-mini'), messages });
}
`;

const texts = (f: Awaited<ReturnType<typeof detectFile>>): string[] => f.prompts.map((p) => p.text).sort();

describe('a message list of which only the last element is sent', () => {
  it('the system messages before the last element are not prompts; the user messages read as the prompt are', async () => {
    const f = await detectFile(LAST_ONLY, 'app/api/edit/route.ts');
    assert.ok(!texts(f).some((t) => /You are an editor/.test(t)), texts(f).join(' | '));
    assert.ok(texts(f).some((t) => /Tidy this passage/.test(t)) && texts(f).some((t) => /Expand these notes/.test(t)), texts(f).join(' | '));
  });

  it('a list also sent whole keeps its system message', async () => {
    const f = await detectFile(WHOLE, 'app/api/edit/route.ts');
    assert.ok(texts(f).some((t) => /You are an editor who tidies/.test(t)), texts(f).join(' | '));
  });
});
