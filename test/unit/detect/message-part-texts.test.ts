import * as assert from 'node:assert/strict';
import { scanTree } from '../repo/fixture-scan';

const linesOf = async (files: Record<string, string>, path: string): Promise<number[]> => {
  const r = await scanTree(files);
  return (r.files.find((f) => f.path === path)?.prompts ?? []).map((p) => p.line);
};

describe('text parts written by functions typed with the SDK message types (message-part-texts)', () => {
  it('a history transform (UIMessage[] in and out) and a part converter (returns TextPart): their written parts are prompts', async () => {
    const lines = await linesOf(
      {
        'lib/history.ts': [
          "import type { UIMessage } from 'ai'",
          "import type { TextPart } from '@ai-sdk/provider-utils'",
          'export function dropOldFiles(messages: UIMessage[]): UIMessage[] {',
          '  return messages.map((m) => ({',
          '    ...m,',
          '    parts: m.parts.map((p) =>',
          "      p.type === 'file' ? { type: 'text' as const, text: `[File left out of the history: ${p.filename}. Ask for it again if needed.]` } : p,",
          '    ),',
          '  }))',
          '}',
          'export function quoteToText(part: { type: string; data: string }): TextPart | undefined {',
          "  if (part.type !== 'data-quote') return undefined",
          "  return { type: 'text', text: `The user quoted this passage from an earlier answer:\\n${part.data}` }",
          '}',
          '',
        ].join('\n'),
      },
      'lib/history.ts',
    );
    assert.ok(lines.includes(7) && lines.includes(13), `both written parts (got ${lines.join(', ')})`);
  });

  it('an editor document and a part that re-wraps its own text are not prompts (trap)', async () => {
    const lines = await linesOf(
      {
        'lib/content.ts': [
          "import type { UIMessage } from 'ai'",
          'export const intro = { type: \'doc\', content: [{ type: \'text\', text: \'Welcome to the editor, start typing below to write\' }] }',
          'export function clean(messages: UIMessage[]): UIMessage[] {',
          "  return messages.map((m) => ({ ...m, parts: m.parts.map((p) => (p.type === 'text' ? { type: 'text' as const, text: p.text.trim() } : p)) }))",
          '}',
          '',
        ].join('\n'),
      },
      'lib/content.ts',
    );
    assert.deepEqual(lines, []);
  });
});
