import type * as vscode from 'vscode';
import { requireWithCodeCache } from './extension/code-cache';
import type * as Main from './extension-main';

/**
 * The extension's entry, kept tiny: it loads the main bundle (dist/extension-main.js, src/extension-main.ts)
 * with a V8 code cache in the extension's global storage (code-cache.ts says why), so a session after
 * the first starts its first lens without parsing and compiling the whole bundle again.
 */
let main: typeof Main | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // Where no cache folder can be named (a host without global storage on disk), a plain load.
  const cacheDir = context.globalStorageUri?.scheme === 'file' ? `${context.globalStorageUri.fsPath}/code-cache` : undefined;
  const load = requireWithCodeCache<typeof Main>(`${__dirname}/extension-main.js`, cacheDir, module);
  main = load.exports;
  main.activate(context, load);
}

export function deactivate(): void {
  main?.deactivate();
}
