import * as vscode from 'vscode';
import { modelItems } from './model-items';
import type { CommandFactory } from './types';

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
