/**
 * Files the repository runs whatever their path says: declared entry points (installed commands, `package.json`
 * scripts, entry-points.ts) and test-named modules the runtime imports (imported-tests.ts). Their scope is the
 * runtime; passes that read "the application's code" (settings prompts picked by name) read them too.
 * Memoised per store generation: the index and those passes ask for it many times.
 */
import { entryPointFiles } from './entry-points';
import { runtimeImportedTests } from './imported-tests';
import type { RepoStore } from './store';

const memo = new WeakMap<RepoStore, { generation: number; files: ReadonlySet<string> }>();

export function filesRunAnyway(store: RepoStore): ReadonlySet<string> {
  const held = memo.get(store);
  if (held && held.generation === store.generation) return held.files;
  const files = new Set([...entryPointFiles(store), ...runtimeImportedTests(store)]);
  memo.set(store, { generation: store.generation, files });
  return files;
}
