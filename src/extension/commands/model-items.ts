/** The model picker's items, built from the catalog. Pure. */
import type { Catalog } from '../../core/catalog/types';
import { offeringsOf } from '../catalog-facts';
import { formatTokens, perMillionText } from '../present/format';

/** A QuickPick item (structurally `vscode.QuickPickItem`) carrying the model id. */
export interface ModelItem {
  readonly modelId: string;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** Providers named in an item's detail; the rest are counted (the picker searches the detail: type a provider). */
const PROVIDERS_SHOWN = 6;

/**
 * One item per catalog model, priced with its first-listed offering (the vendor's own where there is one).
 * The detail lists the providers serving it, so typing `groq` or `bedrock` filters the ~900 models by provider.
 */
export function modelItems(catalog: Catalog, current: string): ModelItem[] {
  return catalog.models.map((m) => {
    const offerings = offeringsOf(catalog, m);
    const o = offerings[0];
    const prices = o ? `${perMillionText(o.prices.input)} in · ${perMillionText(o.prices.output)} out (${o.provider})` : 'unpriced';
    const providers = [...new Set(offerings.map((x) => x.provider))];
    const at = providers.length > 1 ? ` · at ${providers.slice(0, PROVIDERS_SHOWN).join(', ')}${providers.length > PROVIDERS_SHOWN ? ` +${providers.length - PROVIDERS_SHOWN}` : ''}` : '';
    return {
      modelId: m.id,
      label: m.id === current ? `$(check) ${m.id}` : m.id,
      description: `${m.name} · ${m.vendor}${m.kind === 'embedding' ? ' · embedding' : ''}`,
      detail: `${prices} · context ${m.contextWindow !== undefined ? formatTokens(m.contextWindow) : 'unknown'}${at}`,
    };
  });
}
