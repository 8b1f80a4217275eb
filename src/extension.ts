import * as vscode from 'vscode';
import { documentsToDetectAhead, grammarsOfOpenDocuments } from './extension/analysis/open-grammars';
import { FirstAnalysisWorker } from './extension/analysis/first-analysis-client';
import { requireWithCodeCache } from './extension/code-cache';
// Built as `dist/parser.js` beside this entry and the main bundle, which share it (esbuild.config.mjs).
import { parserFor } from './core/detect/parser';
import { readHostMarks } from './extension/analysis/host-marks';
import type * as Main from './extension-main';

/**
 * The extension's entry, kept tiny: it loads the main bundle (dist/extension-main.js, src/extension-main.ts)
 * with a V8 code cache in the extension's global storage (code-cache.ts says why), so a session after
 * the first starts its first lens without parsing and compiling the whole bundle again.
 */
let main: typeof Main | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // First, before our own work adds to them: what VS Code did before calling us (host-marks.ts).
  const hostMarks = readHostMarks();
  // The open documents' grammars first: their files are read and their wasm compiled while the main
  // bundle compiles and runs on this thread, instead of after it (the first analysis waits for them).
  // A failed load is retried, and reported, by the first analysis.
  const earlyGrammars = grammarsOfOpenDocuments(vscode.workspace.textDocuments);
  // Where no cache folder can be named (a host without global storage on disk), plain loads.
  const cacheDir = context.globalStorageUri?.scheme === 'file' ? `${context.globalStorageUri.fsPath}/code-cache` : undefined;
  // With code open, a worker thread loads those grammars and the ranks and detects the cold start's
  // documents, the ones showing now at once (first-analysis-client.ts): the host's thread is busy with
  // this bundle and the other extensions' activations meanwhile. Without a worker, the grammars load here.
  const firstAnalysis = earlyGrammars.length > 0 ? FirstAnalysisWorker.start(`${__dirname}/first-analysis-worker.js`, earlyGrammars, cacheDir, documentsToDetectAhead(vscode.window.visibleTextEditors)) : undefined;
  if (!firstAnalysis) for (const grammar of earlyGrammars) parserFor(grammar).catch(() => undefined);
  const load = requireWithCodeCache<typeof Main>(`${__dirname}/extension-main.js`, cacheDir, module);
  main = load.exports;
  main.activate(context, { ...load, earlyGrammars, hostMarks, ...(firstAnalysis ? { firstAnalysis } : {}) });
}

export function deactivate(): void {
  main?.deactivate();
}
