import * as vscode from 'vscode';
import { markActivated } from './extension/activation-clock';
import { registerCommands } from './extension/commands';
import { TokenomicsContext } from './extension/context';
import { FEATURES } from './extension/features';

/**
 * Wiring only: the context object owns every lifetime. Heavy work (catalog,
 * tokenizer ranks, grammars) loads on first use, not here.
 */
export function activate(context: vscode.ExtensionContext): void {
  markActivated();
  try {
    const ctx = TokenomicsContext.create(context, FEATURES);
    registerCommands(ctx);
  } catch (err) {
    void vscode.window.showErrorMessage('Tokenomics could not start; the extension host log (Developer: Show Logs) has the details.');
    console.error('Tokenomics activation failed', err);
    throw err;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
