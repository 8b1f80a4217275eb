/**
 * Model and provider lookup by id, indexed once per catalog object. Compare prices
 * every offering, and a linear search per offering made it quadratic in catalog size.
 * Catalogs are immutable values, so keying the index on the object is safe.
 */
import type { Catalog, ModelEntry, ProviderEntry } from '../catalog/types';

interface Index {
  readonly models: Map<string, ModelEntry>;
  readonly providers: Map<string, ProviderEntry>;
}

const indexes = new WeakMap<Catalog, Index>();

function indexOf(catalog: Catalog): Index {
  let index = indexes.get(catalog);
  if (!index) {
    const models = new Map<string, ModelEntry>();
    // First entry wins, as a linear search would.
    for (const m of catalog.models) if (!models.has(m.id)) models.set(m.id, m);
    const providers = new Map<string, ProviderEntry>();
    for (const p of catalog.providers) if (!providers.has(p.id)) providers.set(p.id, p);
    index = { models, providers };
    indexes.set(catalog, index);
  }
  return index;
}

export function catalogModel(catalog: Catalog, id: string): ModelEntry | undefined {
  return indexOf(catalog).models.get(id);
}

export function catalogProvider(catalog: Catalog, id: string): ProviderEntry | undefined {
  return indexOf(catalog).providers.get(id);
}
