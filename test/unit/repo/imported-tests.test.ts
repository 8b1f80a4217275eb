/**
 * Modules named like tests that the application imports are runtime (repo/imported-tests.ts): pytest's
 * `*_test.py` / `test_*.py` name says test, but a runtime module that imports the file says it runs (a tool that
 * writes tests, a test-runner helper). A test-named module imported only by tests stays a test.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { scopeOfPath } from '../../../src/core/report/scope';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import type { ScanResult } from '../../../src/node/scan';
import { catalog, file, REPOS, scan } from './fixture-scan';

describe('repository model: test-named modules the application imports are runtime', () => {
  let r: ScanResult;
  before(async () => {
    r = await scan('imported-test-modules');
  });

  it('by their path alone they are tests', () => {
    for (const p of ['app/tools/write_test.py', 'app/tools/test_runner.py', 'app/judge_test.py']) assert.equal(scopeOfPath(p), 'test', p);
  });

  it('imported by runtime code (`from pkg.write_test import Tool`, `from pkg import test_runner`): runtime', () => {
    assert.equal(file(r, 'app/tools/write_test.py').scope, 'runtime');
    assert.equal(file(r, 'app/tools/test_runner.py').scope, 'runtime');
  });

  it('trap: a test, and a test helper only tests import, stay tests', () => {
    assert.equal(file(r, 'app/judge_test.py').scope, 'test');
    assert.equal(file(r, 'app/shared_test.py').scope, 'test');
  });

  it('the editor gives the imported module the same scope as the scan', async () => {
    const dir = join(REPOS, 'imported-test-modules');
    const workspace = new WorkspaceRepository(dir);
    await workspace.index();
    for (const path of ['app/tools/write_test.py', 'app/shared_test.py']) {
      const text = readFileSync(join(dir, path), 'utf8');
      const edited = await analyzeText(text, path, 'python', { catalog, assumptions: DEFAULT_ASSUMPTIONS }, workspace);
      assert.equal(edited.scope, file(r, path).scope, path);
    }
  });
});
