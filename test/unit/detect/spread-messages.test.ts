import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

const SOURCE = `import type { ChatCompletionMessageParam as Message } from 'openai/resources';
import type { Props } from './types';

export function withSources(history: Message[], sources: string[]) {
  return history.map((message, index) => {
    if (index < history.length - 1) return message;
    const sourceText = describeSources(sources);
    return {
      ...message,
      content: \`\${message.content}\\n\\n\${sourceText}\` as string,
    };
  });
}

function describeSources(sources: string[]) {
  return \`Answer from these sources when they help, and say you do not know otherwise:\\n\\n\${sources.join('\\n')}\`;
}

export function banner(props: Props) {
  return { ...props, content: \`Welcome back, \${props.name}! Here is your reading list for today.\` };
}
`;

describe('detect: a message rebuilt from another with new content', () => {
  it('the text the new content adds is a prompt (the spread message keeps its role)', async () => {
    const d = await detectFile(SOURCE, 'with-sources.ts');
    const p = d.prompts.find((x) => x.text.startsWith('Answer from these sources'));
    assert.ok(p, d.prompts.map((x) => x.text.slice(0, 30)).join(' | '));
    assert.equal(p.kind, 'user-template');
  });

  it('trap: an object spreading props with a content key is not a message', async () => {
    const d = await detectFile(SOURCE, 'with-sources.ts');
    assert.ok(!d.prompts.some((x) => x.text.startsWith('Welcome back')));
  });
});
