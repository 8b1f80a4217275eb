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

/** One item per catalog model, priced with its first-listed offering (the vendor's own where there is one). */
export function modelItems(catalog: Catalog, current: string): ModelItem[] {
  return catalog.models.map((m) => {
    const o = offeringsOf(catalog, m)[0];
    const prices = o ? `${perMillionText(o.prices.input)} in · ${perMillionText(o.prices.output)} out (${o.provider})` : 'unpriced';
    return {
      modelId: m.id,
      label: m.id === current ? `$(check) ${m.id}` : m.id,
      description: `${m.name} · ${m.vendor}`,
      detail: `${prices} · context ${m.contextWindow !== undefined ? formatTokens(m.contextWindow) : 'unknown'}`,
    };
  });
}
