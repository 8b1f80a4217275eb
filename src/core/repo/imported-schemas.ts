/**
 * A schema constant imported from another module (`import { ARTIFACT_TOOL_SCHEMA } from "./schemas.js"`):
 * the module that declares it, through re-exports (`export { X } from "./y"`) and aliases. TypeScript's zod
 * schemas are values, not classes, so the evaluator's class lookup does not find them; the import chain does.
 */
import type { SchemaFact } from './facts';
import type { RepoStore } from './store';

/** Re-export hops followed from the use. */
const MAX_HOPS = 4;

export function importedSchema(store: RepoStore, path: string, name: string): { path: string; schema: SchemaFact } | undefined {
  let at = path;
  let local = name;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const stored = store.get(at);
    if (!stored) return undefined;
    const own = stored.facts.schemas?.find((s) => s.name === local);
    if (own && hop > 0) return { path: at, schema: own };
    const imp = stored.facts.imports.find((i) => i.local === local && i.name !== undefined);
    const target = imp ? store.modules.resolve(at, imp.module) : undefined;
    if (!imp || !target || target === at) return undefined;
    at = target;
    local = imp.name!;
  }
  return undefined;
}
