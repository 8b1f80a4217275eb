import type * as vscode from 'vscode';
import { TokenomicsContext } from './extension/context';

/** Wiring only: the context object owns every lifetime. Heavy work (catalog, tokenizer ranks, grammars) loads on first use. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await TokenomicsContext.create(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
