import * as vscode from 'vscode';
import { markActivated } from './extension/activation-clock';
import type { CachedLoad } from './extension/code-cache';
import { registerCommands } from './extension/commands';
import { TokenomicsContext } from './extension/context';
import { FEATURES } from './extension/features';

/** After the cold start, the moment before the code cache is written: the lens's path has been compiled by then. */
const CODE_CACHE_SAVE_DELAY_MS = 2_000;

/**
 * Wiring only: the context object owns every lifetime. Heavy work (catalog,
 * tokenizer ranks, grammars) loads on first use, not here. `load`: how the entry
 * (src/extension.ts) loaded this bundle, with its code cache to write once the
 * first lens's code has run.
 */
export function activate(context: vscode.ExtensionContext, load?: Pick<CachedLoad<unknown>, 'state' | 'loadMs' | 'save'>): void {
  markActivated();
  try {
    const ctx = TokenomicsContext.create(context, FEATURES);
    registerCommands(ctx);
    if (load) {
      ctx.log.info(`Bundle loaded in ${load.loadMs.toFixed(0)} ms, code cache ${load.state}`);
      void ctx.coldStart.over.then(() => {
        const timer = setTimeout(() => {
          const written = load.save();
          if (written) ctx.log.info(`Code cache written for the next session: ${written}`);
        }, CODE_CACHE_SAVE_DELAY_MS);
        timer.unref?.();
        context.subscriptions.push({ dispose: () => clearTimeout(timer) });
      });
    }
  } catch (err) {
    void vscode.window.showErrorMessage('Tokenomics could not start; the extension host log (Developer: Show Logs) has the details.');
    console.error('Tokenomics activation failed', err);
    throw err;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
