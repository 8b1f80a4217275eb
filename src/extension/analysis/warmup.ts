import * as vscode from 'vscode';
import type { CatalogHolder } from '../catalog-holder';
import { sinceActivation } from '../activation-clock';
import { DOCUMENT_SELECTOR } from '../selector';
import type { FirstAnalysisWorker } from './first-analysis-client';
import { grammarsOfOpenDocuments } from './open-grammars';
import { ALL_GRAMMARS, DEFAULT_LOADERS, remainingGrammars, warmInParallel } from './warm';

export { grammarsOfOpenDocuments };

/**
 * Right after activation (never inside it): the open documents' grammars, the tokenizer ranks and
 * the catalog with its lookup index, in parallel (see warm.ts); the other grammars once the cold start is over (`later`:
 * the first lens was answered, cold-start.ts), so a later file of another language finds its
 * grammar ready and the first lens request does not compete with their compiles. Every load is the same
 * once-per-process load the first analysis would do.
 *
 * With the first-analysis worker (started by the entry, first-analysis-client.ts), the worker loads
 * the grammars and ranks for the cold start's detections: this thread builds only the catalog then (it
 * prices those detections, and the lens, the status bar and the diagnostics read it), and loads its own grammars and ranks
 * once the cold start is over; when they are loaded the worker is retired and the host analyses.
 * Returns a disposable that cancels what has not started.
 */
export function scheduleWarmUp(catalog: CatalogHolder, log: vscode.LogOutputChannel, later: Promise<void>, worker?: FirstAnalysisWorker): vscode.Disposable {
  let disposed = false;
  if (worker) {
    void worker.warm.then((w) => {
      const bundle = w.bundle ? `its code loaded in ${w.bundle.loadMs.toFixed(0)} ms (code cache ${w.bundle.state}); then ` : '';
      log.info(`First-analysis worker warmed, ${sinceActivation()} ms after activation: ${bundle}grammars ${w.grammars.join(', ') || 'none'} ${w.grammarsMs.toFixed(0)} ms, o200k_base ranks ${w.ranksMs.toFixed(0)} ms from its start${w.error ? ` (a grammar did not load: ${w.error})` : ''}`);
    });
    void worker.ended.then((r) => {
      if (r.cacheWritten) log.info(`First-analysis worker's code cache written for the next session in ${(r.cacheMs ?? 0).toFixed(0)} ms (on its thread): ${r.cacheWritten}`);
    });
  }
  const first = setImmediate(() => {
    // Activated before any file we price is open (at startup, or by a workspace's instruction file): nothing is
    // waiting for a lens yet, so load now what the first analysis would load on its path, all grammars included,
    // while the user has not opened a file. The first-analysis worker is for documents open at activation.
    if (!vscode.workspace.textDocuments.some((d) => vscode.languages.match(DOCUMENT_SELECTOR, d) > 0)) {
      worker?.retire();
      void warmInParallel([...ALL_GRAMMARS], DEFAULT_LOADERS(() => catalog.current())).then((t) => {
        if (t.error) log.warn('Warm-up: a grammar did not load', t.error);
        log.info(`Warm-up with no file open in ${t.totalMs} ms: grammars ${t.grammarsMs} ms, o200k_base ranks ${t.ranksMs} ms, catalog ${t.catalogMs} ms, ${sinceActivation()} ms after activation`);
      });
      return;
    }
    const grammars = grammarsOfOpenDocuments(vscode.workspace.textDocuments);
    if (worker?.available) {
      void warmInParallel([], DEFAULT_LOADERS(() => catalog.current()), { ranks: false }).then((t) => {
        log.info(`Warm-up in ${t.totalMs} ms: catalog ${t.catalogMs} ms; grammars and o200k_base ranks in the first-analysis worker until the cold start is over`);
        void later.then(() => {
          if (disposed) return;
          // The open documents' grammars first, then the rest, with the ranks: then the host analyses again.
          const ordered = [...grammars, ...ALL_GRAMMARS.filter((g) => !grammars.includes(g))];
          void warmInParallel(ordered, DEFAULT_LOADERS(() => undefined)).then((r) => {
            worker.retire();
            log.info(`Warm-up after the cold start in ${r.totalMs} ms: grammars ${r.grammarsMs} ms, o200k_base ranks ${r.ranksMs} ms; the first-analysis worker is retired, ${sinceActivation()} ms after activation`);
          });
        });
      });
      return;
    }
    void warmInParallel(grammars, DEFAULT_LOADERS(() => catalog.current())).then((t) => {
      if (t.error) log.warn('Warm-up: a grammar did not load', t.error);
      log.info(`Warm-up in ${t.totalMs} ms: grammars ${grammars.join(', ') || 'none'} ${t.grammarsMs} ms, o200k_base ranks ${t.ranksMs} ms, catalog ${t.catalogMs} ms, in parallel`);
      void later.then(() => {
        if (disposed) return;
        const rest = remainingGrammars(grammars);
        void warmInParallel(rest, DEFAULT_LOADERS(() => undefined)).then((r) => log.trace(`Warm-up: grammars ${rest.join(', ')} in ${r.grammarsMs} ms`));
      });
    });
  });
  return new vscode.Disposable(() => {
    disposed = true;
    clearImmediate(first);
    worker?.retire();
  });
}
