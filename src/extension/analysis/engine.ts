import * as vscode from 'vscode';
import type { CatalogHolder } from '../catalog-holder';
import type { ExtensionConfig } from '../config';
import { analyzeText } from '../core-api';
import { FolderImports } from './imports';
import type { Analyzer } from './document-analysis';
import { skipReason } from './skip';

/**
 * The analyzer behind the document cache: skip what settings exclude, then
 * detect and price with the current catalog and assumptions, with the prompts
 * the document imports from other workspace files (as `tokenomics scan` does). Skips are logged
 * once per document and reason.
 */
export function createAnalyzer(config: ExtensionConfig, catalog: CatalogHolder, log: vscode.LogOutputChannel): Analyzer {
  const logged = new Set<string>();
  const imports = new FolderImports();
  return async (document, flag) => {
    const settings = config.settings(document.uri);
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    const text = document.getText();
    const reason = skipReason(relative, text.length, settings.config.exclude, settings.config.maxFileSizeKb);
    if (reason) {
      const key = `${document.uri.toString()}:${reason}`;
      if (!logged.has(key)) log.info(`Skipped ${relative}: ${reason}`);
      logged.add(key);
      return undefined;
    }
    const started = Date.now();
    const report = await analyzeText(text, relative, document.languageId, {
      catalog: catalog.current(),
      assumptions: settings.assumptions,
      isCancelled: () => flag.cancelled,
      imports: imports.for(document),
    });
    log.trace(`Analysed ${relative} v${document.version} in ${Date.now() - started} ms`);
    for (const d of report.diagnostics) {
      if (d.code !== 'parse-error' && d.code !== 'file-skipped') continue;
      const key = `${document.uri.toString()}:${d.code}:${d.message}`;
      if (!logged.has(key)) log.warn(`${relative}:${d.line}: ${d.message}`);
      logged.add(key);
    }
    return report;
  };
}
