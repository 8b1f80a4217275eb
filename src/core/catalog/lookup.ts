/**
 * Lookup tables over one catalog, built once and kept per catalog object (a
 * WeakMap, so a catalog rebuilt with overrides gets its own index and the old
 * one is collected with it). Every lookup after the first is a Map hit.
 */
import type { Catalog, ModelEntry, Offering, ProviderEntry } from './types';

export interface ModelKey {
  readonly model: ModelEntry;
  /** Set when the spelling is one provider's own API id (`llama-3.3-70b-versatile` is Groq's). */
  readonly provider?: string;
}

export interface CatalogIndex {
  /** Lower-cased id or alias → model. */
  readonly keys: ReadonlyMap<string, ModelKey>;
  readonly models: ReadonlyMap<string, ModelEntry>;
  readonly offeringsByModel: ReadonlyMap<string, readonly Offering[]>;
  readonly providers: ReadonlyMap<string, ProviderEntry>;
  readonly offerings: ReadonlyMap<string, Offering>;
  /** Unknown query → nearest model id (or null), so repeated misses cost nothing. */
  readonly suggestions: Map<string, string | null>;
  /** Model id → the offering a query naming no provider gets (filled on first use by `resolveModel`). */
  readonly defaultOffering: Map<string, Offering | undefined>;
}

const indexes = new WeakMap<Catalog, CatalogIndex>();

export function catalogIndex(catalog: Catalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/** Whether `catalog`'s lookup index is built (the editor's warm-up builds it before the first price). */
export function isCatalogIndexed(catalog: Catalog): boolean {
  return indexes.has(catalog);
}

function buildIndex(catalog: Catalog): CatalogIndex {
  const models = new Map<string, ModelEntry>();
  const keys = new Map<string, ModelKey>();
  for (const model of catalog.models) {
    models.set(model.id, model);
  }
  const offeringsByModel = new Map<string, Offering[]>();
  const offerings = new Map<string, Offering>();
  for (const offering of catalog.offerings) {
    offerings.set(offering.id, offering);
    const list = offeringsByModel.get(offering.model) ?? [];
    list.push(offering);
    offeringsByModel.set(offering.model, list);
  }
  // Provider API ids bind the provider when only one offering uses that spelling
  // and no other alias of the model spells the same (case-insensitively).
  const providerSpellings = new Map<string, Offering[]>();
  for (const offering of catalog.offerings) {
    for (const spelling of apiSpellings(offering)) {
      const key = spelling.toLowerCase();
      const users = providerSpellings.get(key);
      if (users) users.push(offering);
      else providerSpellings.set(key, [offering]);
    }
  }
  for (const model of catalog.models) {
    const own = new Set((offeringsByModel.get(model.id) ?? []).flatMap(apiSpellings));
    const handAliases = new Set(model.aliases.filter((a) => !own.has(a)).map((a) => a.toLowerCase()));
    // `openai/gpt-oss-120b` is Groq's API id but also how gateways spell the vendor's model: no binding.
    handAliases.add(`${model.vendor}/${model.id}`.toLowerCase());
    for (const alias of model.aliases) {
      const key = alias.toLowerCase();
      if (keys.has(key)) continue; // first model wins; the generator keeps aliases unique
      const users = providerSpellings.get(key);
      const provider = users && users.length === 1 && users[0].model === model.id && !handAliases.has(key) ? users[0].provider : undefined;
      keys.set(key, provider ? { model, provider } : { model });
    }
  }
  // Ids win over aliases of other models.
  for (const model of catalog.models) keys.set(model.id.toLowerCase(), { model });
  const providers = new Map(catalog.providers.map((p) => [p.id, p] as const));
  return { keys, models, offeringsByModel, providers, offerings, suggestions: new Map(), defaultOffering: new Map() };
}

/** The ids a provider's API takes for an offering's model. */
function apiSpellings(offering: Offering): readonly string[] {
  if (!offering.apiIds) return offering.providerModelId ? [offering.providerModelId] : [];
  return offering.providerModelId ? [offering.providerModelId, ...offering.apiIds] : offering.apiIds;
}
