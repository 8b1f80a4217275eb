import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { catalog, file, REPOS, scan } from './fixture-scan';

describe('repository model: commands a package installs are runtime', () => {
  it('a scripts/ file named by [project.scripts] or [tool.poetry.scripts] is runtime; another script stays out of the bill', async () => {
    const r = await scan('entry-point-scripts');
    assert.equal(file(r, 'scripts/fixit.py').scope, 'runtime');
    assert.equal(file(r, 'tool/cli.py').scope, 'runtime');
    assert.equal(file(r, 'scripts/release_notes.py').scope, 'example');
  });

  it('the editor gives the command the same scope as the scan', async () => {
    const dir = join(REPOS, 'entry-point-scripts');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    const text = readFileSync(join(dir, 'scripts', 'fixit.py'), 'utf8');
    const edited = await analyzeText(text, 'scripts/fixit.py', 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
    assert.equal(edited.scope, 'runtime');
  });
});
