/**
 * Turning `--model` / `--provider` into the catalog model and the offering to
 * price, with one-line errors: an unknown model names the nearest known one.
 */
import { offeringsForModel, resolveModel } from '../../core/catalog';
import type { Catalog, ModelEntry, Offering, ProviderEntry } from '../../core/catalog/types';
import { UserError } from '../command';

export interface ModelChoice {
  readonly model: ModelEntry;
  readonly offering: Offering;
  readonly provider?: ProviderEntry;
  /** Set when no provider offers the model: the offering is a price-less stand-in, so results are unpriced. */
  readonly noOffering?: string;
}

export function chooseModel(catalog: Catalog, query: string, providerId?: string): ModelChoice {
  const resolution = resolveModel(catalog, query);
  if (resolution.kind === 'unknown') {
    throw new UserError(`unknown model '${query}'${resolution.suggestion ? `; nearest known model: ${resolution.suggestion}` : ''}`);
  }
  const model = resolution.model;
  const offerings = offeringsForModel(catalog, model.id);
  const wanted = providerId ?? resolution.provider;
  let offering: Offering | undefined;
  if (wanted) {
    offering = offerings.find((o) => o.provider === wanted);
    if (!offering) {
      const known = offerings.map((o) => o.provider).join(', ');
      throw new UserError(`no offering of ${model.id} from provider '${wanted}'${known ? `; offered by: ${known}` : ''}`);
    }
  } else {
    offering = resolution.offering ?? offerings[0];
  }
  if (!offering) {
    const placeholder: Offering = { id: `(none)/${model.id}`, provider: '(none)', model: model.id, prices: {}, source: model.source, asOf: model.asOf };
    return { model, offering: placeholder, noOffering: `no provider offers ${model.id} in the catalog; add one in tokenomics.json to price it` };
  }
  return { model, offering, provider: catalog.providers.find((p) => p.id === offering!.provider) };
}
