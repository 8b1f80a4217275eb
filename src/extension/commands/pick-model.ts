import * as vscode from 'vscode';
import type { Catalog } from '../../core/catalog/types';
import { offeringsOf } from '../catalog-facts';
import { formatTokens, perMillionText } from '../present/format';
import type { CommandFactory } from './types';

interface ModelItem extends vscode.QuickPickItem {
  readonly modelId: string;
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
      detail: `${prices} · context ${formatTokens(m.contextWindow)}`,
    };
  });
}

/** A searchable picker over the catalog; the choice becomes the workspace's `tokenomics.defaultModel`. */
export const pickModel: CommandFactory = (ctx) => async () => {
  const settings = ctx.config.settings(vscode.window.activeTextEditor?.document.uri);
  const catalog = ctx.catalog.current();
  if (catalog.models.length === 0) {
    void vscode.window.showInformationMessage('Tokenomics: the catalog has no models to pick from.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(modelItems(catalog, settings.assumptions.defaultModel), {
    title: 'Tokenomics: default model',
    placeHolder: `Current: ${settings.assumptions.defaultModel}. Type to search by name, vendor or price.`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('tokenomics').update('defaultModel', choice.modelId, target);
  ctx.log.info(`Default model set to ${choice.modelId}`);
  return choice.modelId;
};
