import * as assert from 'node:assert/strict';
import { detectFile } from '../../../src/core/detect';

describe('detect: fixed texts a TypeScript tool execute returns (tool results)', () => {
  it('a ?? fallback or a served document returned by a tool execute is a tool result; error labels, one-sentence statuses and data are not', async () => {
    const f = await detectFile(
      `import { tool } from 'ai';
import { z } from 'zod';

export const fetchPage = tool({
  description: 'Fetch one page of the handbook by its address',
  parameters: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    const page = await load(url);
    if (!page.ok) {
      return { error: \`Failed to load the handbook page: \${page.status}\`, success: false };
    }
    if (page.empty) return { error: 'Page not found', success: false };
    if (page.cached) return { message: 'The handbook page has been loaded from the cache successfully.' };
    if (page.legal) {
      return {
        policy: \`Returns are accepted within thirty days of delivery when the item is unused and in its box.
Shipping costs are refunded only when the error was ours, and gift cards cannot be returned at all.\`,
      };
    }
    return {
      data: page.body ?? 'The page had no readable text, so search the handbook index instead',
      success: true,
    };
  },
});

export const handbookRules = {
  title: 'Rules',
  execute: async () => ({ note: 'This object is not a tool, it has no description key at all' }),
  run: async () => {
    return { text: 'Nothing here is sent to any model as a result of a tool call' };
  },
};
`,
      'tools.ts',
    );
    assert.deepEqual(
      f.prompts.map((p) => [p.line, p.kind]),
      [
        [5, 'tool-description'],
        [16, 'other'],
        [21, 'other'],
      ],
    );
  });
});
