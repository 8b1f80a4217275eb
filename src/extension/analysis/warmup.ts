import * as vscode from 'vscode';
import type { CatalogHolder } from '../catalog-holder';
import { DOCUMENT_SELECTOR } from '../selector';
import { grammarsOfOpenDocuments } from './open-grammars';
import { DEFAULT_LOADERS, remainingGrammars, warmInParallel } from './warm';

export { grammarsOfOpenDocuments };

/**
 * Right after activation (never inside it): the open documents' grammars, the tokenizer ranks and
 * the catalog with its lookup index, in parallel (see warm.ts); the other grammars once the cold start is over (`later`:
 * the first lens was answered, cold-start.ts), so a later file of another language finds its
 * grammar ready and the first lens request does not compete with their compiles. Every load is the same
 * once-per-process load the first analysis would do. Returns a disposable that cancels what has not
 * started.
 */
export function scheduleWarmUp(catalog: CatalogHolder, log: vscode.LogOutputChannel, later: Promise<void>): vscode.Disposable {
  let disposed = false;
  const first = setImmediate(() => {
    // Activated by a workspace's instruction file with no code open: the first analysis loads what it needs.
    if (!vscode.workspace.textDocuments.some((d) => vscode.languages.match(DOCUMENT_SELECTOR, d) > 0)) return;
    const grammars = grammarsOfOpenDocuments(vscode.workspace.textDocuments);
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
  });
}
