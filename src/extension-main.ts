import * as vscode from 'vscode';
import { markActivated } from './extension/activation-clock';
import type { FirstAnalysisWorker } from './extension/analysis/first-analysis-client';
import { activationWait, describeActivationWait, type HostMark } from './extension/analysis/host-marks';
import type { CachedLoad } from './extension/code-cache';
import { writeWhenQuiet, type QuietWriter } from './extension/code-cache-writer';
import { registerCommands } from './extension/commands';
import { TokenomicsContext } from './extension/context';
import { FEATURES } from './extension/features';

/** After the cold start, how long the host must be quiet before the code cache is written (code-cache-writer.ts). */
const CODE_CACHE_QUIET_MS = 3_000;

/** How the entry (src/extension.ts) loaded this bundle, and the grammars it started loading before. */
export interface EntryLoad extends Pick<CachedLoad<unknown>, 'state' | 'loadMs' | 'save'> {
  readonly earlyGrammars?: readonly string[];
  /** The worker the entry started for the cold start's analyses (first-analysis-client.ts); none: the host analyses. */
  readonly firstAnalysis?: FirstAnalysisWorker;
  /** The extension host's performance marks as the entry found them (host-marks.ts). */
  readonly hostMarks?: readonly HostMark[];
}

let cacheWriter: QuietWriter | undefined;

/**
 * Wiring only: the context object owns every lifetime. Heavy work (catalog,
 * tokenizer ranks, grammars) loads on first use, not here. `load`: how the entry
 * (src/extension.ts) loaded this bundle, with its code cache to write once the
 * first lens's code has run.
 */
export function activate(context: vscode.ExtensionContext, load?: EntryLoad): void {
  markActivated();
  try {
    const ctx = TokenomicsContext.create(context, FEATURES, load?.firstAnalysis);
    registerCommands(ctx);
    if (load) {
      const where = load.firstAnalysis ? 'in the first-analysis worker' : 'here';
      const early = load.earlyGrammars?.length ? `; grammars ${load.earlyGrammars.join(', ')} loading ${where} since before it` : '';
      ctx.log.info(`Bundle loaded in ${load.loadMs.toFixed(0)} ms, code cache ${load.state}${early}`);
      const wait = load.hostMarks && activationWait(load.hostMarks, context.extension.id);
      if (wait && ctx.log.logLevel !== vscode.LogLevel.Off && ctx.log.logLevel <= vscode.LogLevel.Debug) {
        ctx.log.debug(describeActivationWait(wait));
        timeWindowRoundTrip(ctx.log);
      }
      if (load.state !== 'used' && load.state !== 'off') {
        const writer = writeWhenQuiet({
          after: ctx.coldStart.over,
          quietMs: CODE_CACHE_QUIET_MS,
          onActivity: (listener) => {
            const events = [
              vscode.workspace.onDidOpenTextDocument(listener),
              vscode.workspace.onDidChangeTextDocument(listener),
              vscode.window.onDidChangeActiveTextEditor(listener),
              vscode.window.onDidChangeTextEditorSelection(listener),
            ];
            return { dispose: () => events.forEach((e) => e.dispose()) };
          },
          write: () => {
            const started = performance.now();
            const written = load.save();
            if (written) ctx.log.info(`Code cache written for the next session in ${(performance.now() - started).toFixed(0)} ms: ${written}`);
          },
        });
        cacheWriter = writer;
        context.subscriptions.push({ dispose: () => writer.dispose() });
      }
    }
  } catch (err) {
    void vscode.window.showErrorMessage('Tokenomics could not start; the extension host log (Developer: Show Logs) has the details.');
    console.error('Tokenomics activation failed', err);
    throw err;
  }
}

/**
 * VS Code builds the extension context (our stored state) with requests to the window before it calls
 * activate(); one request of the same kind right after tells whether the window's answers were what it
 * waited on (docs/editor.md). Debug level only: the editor bench reads it.
 */
function timeWindowRoundTrip(log: vscode.LogOutputChannel): void {
  const started = Date.now();
  vscode.commands.getCommands(true).then(
    () => log.debug(`A request to the window right after activate() came back in ${Date.now() - started} ms`),
    () => undefined,
  );
}

export function deactivate(): void {
  // No quiet moment came in the session: the next one still starts from the cache. Everything else
  // is disposed through context.subscriptions (after this).
  cacheWriter?.flush();
  cacheWriter = undefined;
}
