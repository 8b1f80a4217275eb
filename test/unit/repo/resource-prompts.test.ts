import * as assert from 'node:assert/strict';
import { scan } from './fixture-scan';

describe('repository model: prompt files loaded with importlib.resources', () => {
  it('a template read from a package folder (files(pkg).joinpath(name).open(), files(pkg) / "x.md") is a loaded prompt file; every file a branch may pick is listed', async () => {
    const r = await scan('resource-prompts');
    const loaded = r.files.filter((f) => f.path.startsWith('agent/templates/')).map((f) => f.path).sort();
    assert.deepEqual(loaded, [
      'agent/templates/coding_instructions.md',
      'agent/templates/system_prompt.md',
      'agent/templates/system_prompt_flash.md',
      'agent/templates/system_prompt_no_thinking.md',
    ]);
    for (const path of loaded) {
      const f = r.files.find((x) => x.path === path)!;
      assert.equal(f.prompts.length, 1, path);
      assert.ok(f.prompts[0].tokens > 5, `${path}: its text is counted`);
    }
  });

  it('a Markdown file of the package that is not a prompt (a changelog shown in the UI) is not reported', async () => {
    const r = await scan('resource-prompts');
    assert.ok(!r.files.some((f) => f.path === 'agent/templates/CHANGELOG.md'));
  });
});
