/**
 * Modules named like tests that the application runs: a file matches pytest's `test_*.py` / `*_test.py` pattern
 * by its name alone (not by a test folder), and a runtime module of the repository imports it (`from
 * app.tools.write_test import WriteTestTool`). Its name is a coincidence (a tool that writes tests); what
 * imports it says it runs, and so does what such a module imports in turn. A test file imported only by other
 * tests (a shared test helper) stays a test.
 *
 * Only imports whose last part is named like a test are resolved, so the pass is one walk over the imports.
 */
import { pythonTestByNameOnly, scopeOfPath } from '../report/scope';
import type { ImportFact } from './facts';
import type { RepoStore } from './store';

const TEST_NAME = /^test_|_test$/i;

/**
 * Paths of test-named Python modules that runtime code of the repository imports, directly or through another such
 * module (a stage `run_generate_ai_test.py` imported by the flow, importing `run_validate_ai_test.py` in turn).
 */
export function runtimeImportedTests(store: RepoStore): ReadonlySet<string> {
  const out = new Set<string>();
  const importers = [...store.files()].filter((f) => f.file.language === 'python' && scopeOfPath(f.file.path, f.file.kind) === 'runtime');
  for (let i = 0; i < importers.length; i++) {
    const f = importers[i];
    const from = f.file.path;
    for (const imp of [...f.facts.imports, ...(f.facts.lateImports ?? [])]) {
      for (const spec of candidates(imp)) {
        const target = store.modules.resolve(from, spec);
        if (!target || target === from || out.has(target) || !pythonTestByNameOnly(target)) continue;
        out.add(target);
        const stored = store.get(target);
        if (stored) importers.push(stored);
      }
    }
  }
  return out;
}

/** `from pkg.write_test import Tool` names the module; `from pkg import write_test` names it as the imported name. */
function candidates(imp: ImportFact): string[] {
  const last = imp.module.split('.').pop() ?? '';
  const out = TEST_NAME.test(last) ? [imp.module] : [];
  if (imp.name && TEST_NAME.test(imp.name)) out.push(imp.module.endsWith('.') ? `${imp.module}${imp.name}` : `${imp.module}.${imp.name}`);
  return out;
}
