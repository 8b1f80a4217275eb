/**
 * Catalog lookups the surfaces need for display: an offering flattened with
 * its model's context window, and every offering of a model. Pure.
 */
import { findModel, offeringsForModel } from '../core/catalog';
import type { Catalog, ModelEntry, Offering } from '../core/catalog/types';
import type { OfferingFacts } from './hover/content';

export function offeringFacts(catalog: Catalog, offering: Offering, model?: ModelEntry): OfferingFacts {
  const entry = model ?? findModel(catalog, offering.model);
  return {
    id: offering.id,
    provider: offering.provider,
    model: offering.model,
    modelName: entry?.name,
    contextWindow: entry?.contextWindow,
    maxOutput: entry?.maxOutput,
    prices: offering.prices,
    ttftMs: offering.speed?.ttftMs,
    outputTokensPerSecond: offering.speed?.outputTokensPerSecond,
    asOf: offering.asOf,
    source: offering.source,
  };
}

/** Offerings of a model, the model vendor's own first, then by input price. */
export function offeringsOf(catalog: Catalog, model: ModelEntry): Offering[] {
  const own = (o: Offering): number => (o.provider === model.vendor ? 0 : 1);
  // The core's per-model index: a filter over every offering per model made the picker quadratic (900 models × 1,500 offerings).
  return [...offeringsForModel(catalog, model.id)].sort((a, b) => own(a) - own(b) || (a.prices.input ?? Infinity) - (b.prices.input ?? Infinity));
}
