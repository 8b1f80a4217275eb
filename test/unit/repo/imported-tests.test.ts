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
import { catalog, file, REPOS, scan, scanTree } from './fixture-scan';

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

  it('through another test-named module the runtime imports: runtime too, and the settings prompts it picks by name are found', async () => {
    const stage = (name: string, next?: string): string =>
      [
        'import litellm',
        'from app.config import get_settings',
        ...(next ? [`from app.stages.indirect.${next} import run_${next}`] : []),
        '',
        `def run_${name}(problem):`,
        `    prompt = get_settings().get("${name}_prompt")`,
        ...(next ? [`    run_${next}(problem)`] : []),
        '    text = prompt.user.format(**problem)',
        '    return litellm.completion(model="gpt-4o", messages=[{"role": "user", "content": text}])',
        '',
      ].join('\n');
    const toml = (name: string): string => [`[${name}_prompt]`, 'user = """', `Write the ${name.replace(/_/g, ' ')} for this problem: {description}`, '"""', ''].join('\n');
    const r = await scanTree({
      'app/__init__.py': '',
      'app/config.py': 'def get_settings():\n    return {}\n',
      'app/flow.py': 'from app.stages.generate_test import run_generate_test\n\ndef solve(problem, model="gpt-4o"):\n    return run_generate_test(problem)\n',
      'app/stages/__init__.py': '',
      'app/stages/indirect/__init__.py': '',
      'app/stages/generate_test.py': stage('generate_test', 'validate_test'),
      'app/stages/indirect/validate_test.py': stage('validate_test'),
      'app/stages/helper_test.py': stage('helper_test'),
      'app/settings/generate_test.toml': toml('generate_test'),
      'app/settings/validate_test.toml': toml('validate_test'),
      'app/settings/helper_test.toml': toml('helper_test'),
    });
    const scopeOf = (p: string): string | undefined => r.files.find((f) => f.path === p)?.scope;
    assert.equal(scopeOf('app/stages/generate_test.py'), 'runtime');
    assert.equal(scopeOf('app/stages/indirect/validate_test.py'), 'runtime');
    assert.ok(file(r, 'app/settings/validate_test.toml').prompts.length > 0, 'the table the transitively imported stage picks');
    // Imported by nothing that runs: a test, and its table is no prompt of the application.
    assert.equal(scopeOf('app/stages/helper_test.py'), 'test');
    assert.equal(r.files.find((f) => f.path === 'app/settings/helper_test.toml')?.prompts.length ?? 0, 0);
  });
});

