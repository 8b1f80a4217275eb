/**
 * An imported prompt constant, resolved the same way for the editor and the scan: the module an import names,
 * then the constant there, through packages that re-export it (`__init__.py`, `index.ts`), at most four hops.
 */
import type { DetectedPrompt } from '../detect/types';
import type { RepoStore } from './store';

const MAX_REEXPORTS = 4;

/** The prompt `name` (or `module#imported`) that `fromPath` imports, where the repository writes it. */
export function importedPromptOf(store: RepoStore, fromPath: string, module: string, name: string): DetectedPrompt | undefined {
  const [spec, imported] = module.split('#');
  let path = store.modules.resolve(fromPath, spec);
  let wanted = imported ?? name;
  for (let hop = 0; path && hop < MAX_REEXPORTS; hop++) {
    const stored = store.get(path);
    const hit = stored?.file.prompts.find((p) => p.name === wanted);
    if (hit) return hit;
    // A package re-exporting it: follow its import.
    const imp = stored?.facts.imports.find((i) => i.local === wanted);
    if (!imp) return undefined;
    wanted = imp.name ?? wanted;
    path = store.modules.resolve(path, imp.module);
  }
  return undefined;
}
