/**
 * The catalog API: the bundled data, model resolution, and lookups. Every
 * lookup goes through a Map index built once per catalog object.
 */
import { catalogIndex } from './lookup';
import type { Catalog, FrameworkDefault, ModelEntry, Offering, ProviderEntry } from './types';

export { getBundledCatalog } from './bundled';
export { resolveModel } from './resolve';
export { editDistance } from './distance';
export type * from './types';

/** Offerings of a model (by canonical id), in catalog order; empty when none. */
export function offeringsForModel(catalog: Catalog, modelId: string): readonly Offering[] {
  return catalogIndex(catalog).offeringsByModel.get(modelId) ?? [];
}

export function findProvider(catalog: Catalog, id: string): ProviderEntry | undefined {
  return catalogIndex(catalog).providers.get(id);
}

/** A model by its canonical id only (use `resolveModel` for names written in code). */
export function findModel(catalog: Catalog, id: string): ModelEntry | undefined {
  return catalogIndex(catalog).models.get(id);
}

/** An offering by id (`provider/model`). */
export function findOffering(catalog: Catalog, id: string): Offering | undefined {
  return catalogIndex(catalog).offerings.get(id);
}

/** The provider that serves an offering. */
export function providerOf(catalog: Catalog, offering: Offering): ProviderEntry | undefined {
  return catalogIndex(catalog).providers.get(offering.provider);
}

/** A framework's step-limit default (`vercel-ai`, `langgraph`, `openai-agents`, …). */
export function findFramework(catalog: Catalog, framework: string): FrameworkDefault | undefined {
  return catalog.frameworks.find((f) => f.framework === framework);
}
export { applyOverrides, type CatalogOverrides, type OverrideResult } from './overrides';
