import * as assert from 'node:assert/strict';
import { tomlPromptTables, tomlTexts } from '../../../src/core/repo/settings-prompts';
import { scan } from './fixture-scan';

describe('repository: prompts in TOML settings tables picked by name', () => {
  it('reads multi-line TOML strings with their table, key and lines', () => {
    const text = `[a_prompt]\nsystem="""First line.\nSecond line."""\n\nuser = """\nHello {{ name }}, here is the text to read.\n"""\n[opts]\nlabel = 'plain'\n`;
    assert.deepEqual(
      tomlTexts(text).map((t) => [t.table, t.key, t.value, t.line, t.endLine]),
      [
        ['a_prompt', 'system', 'First line.\nSecond line.', 2, 3],
        ['a_prompt', 'user', 'Hello {{ name }}, here is the text to read.\n', 5, 7],
        ['opts', 'label', 'plain', 9, 9],
      ],
    );
    assert.deepEqual([...tomlPromptTables(text).keys()], ['a_prompt'], 'a table of plain options holds no prompt');
  });

  it('a table read as `settings.<table>.<key>` or named as a string is a loaded prompt file; an options table and a table nothing reads are not', async () => {
    const r = await scan('settings-prompts');
    const prompts = (path: string): string[] => (r.files.find((f) => f.path === path)?.prompts ?? []).map((p) => `${p.line}-${p.endLine}:${p.kind}`);
    assert.deepEqual(prompts('app/settings/review_prompts.toml'), ['2-4:system', '6-9:user-template']);
    // `prompt="describe_prompt"` then `get_settings().get(self.prompt)`: picked by its name written as a string.
    assert.deepEqual(prompts('app/settings/describe_prompts.toml'), ['2-3:system']);
    assert.deepEqual(prompts('app/settings/archive_prompts.toml'), [], 'a prompt table nothing picks is not sent');
    // `[review] display_name = "…"` is read by the code but is a label, not a prompt; `[config]` holds options.
    assert.deepEqual(prompts('app/settings/configuration.toml'), []);
  });
});
