/**
 * Where CLI commands get their catalog: the bundled one, unless a test put a
 * hand-written catalog in its place (so CLI tests do not depend on live prices).
 */
import { getBundledCatalog } from '../core/catalog';
import type { Catalog } from '../core/catalog/types';

let override: Catalog | undefined;

/** Tests only: use `catalog` instead of the bundled one until called again with `undefined`. */
export function useCatalogForTests(catalog: Catalog | undefined): void {
  override = catalog;
}

export function cliCatalog(): Catalog {
  return override ?? getBundledCatalog();
}
