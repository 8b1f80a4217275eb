/**
 * The catalog shipped with the extension and the CLI: one generated JSON file
 * (scripts/catalog/generate.mjs, `npm run catalog:update`) that esbuild inlines
 * into each bundle. Read once, then cached; no file or network access at run time.
 */
import data from './data/catalog.json';
import type { Catalog } from './types';

let bundled: Catalog | undefined;

export function getBundledCatalog(): Catalog {
  bundled ??= deepFreeze(data as unknown as Catalog);
  return bundled;
}

/** Frozen so that no caller can change prices under another one's feet. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
