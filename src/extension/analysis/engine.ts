import * as vscode from 'vscode';
import type { CatalogHolder } from '../catalog-holder';
import type { ExtensionConfig } from '../config';
import { priceDetected, WorkspaceRepository } from '../core-api';
import { defaultJobs } from '../../node/detect-pool';
import type { EditorIndex } from '../../node/editor-index';
import { IndexProcess, indexProcessScript } from '../../node/index-process-client';
import { PlacedIndex } from '../../node/index-placement';
import type { WalkResult } from '../../node/walk';
import { sinceActivation } from '../activation-clock';
import type { FileReport } from '../../core/report/types';
import type { Analyzer } from './document-analysis';
import type { FirstAnalysisWorker } from './first-analysis-client';
import { skipReason } from './skip';
import { analyzeDocument, WorkspaceIndexes } from './workspace-indexes';

/**
 * The analyzer behind the document cache: skip what settings exclude, then
 * detect and price with the current catalog and assumptions, with the prompts
 * the document imports from other workspace files (as `tokenomics scan` does) once the folder's
 * repository index is built — never waiting for it (workspace-indexes.ts): `onIndexBuilt` tells the
 * caller to analyse the folder's open documents again. Skips are logged once per document and reason.
 */
export function createAnalyzer(
  config: ExtensionConfig,
  catalog: CatalogHolder,
  log: vscode.LogOutputChannel,
  repos: WorkspaceRepos,
  /** The first-analysis worker while it takes documents (the host's grammars and ranks not loaded yet: warmup.ts). */
  firstAnalysis: () => FirstAnalysisWorker | undefined = () => undefined,
): Analyzer {
  const logged = new Set<string>();
  let analysed = 0;
  return async (document, flag) => {
    const relative = vscode.workspace.asRelativePath(document.uri, false);
    const text = document.getText();
    const root = repos.rootOf(document.uri);
    const settings = config.settings(document.uri);
    const reason = skipReason(relative, text.length, settings.config.exclude, settings.config.maxFileSizeKb);
    if (reason) {
      const key = `${document.uri.toString()}:${reason}`;
      if (!logged.has(key)) log.info(`Skipped ${relative}: ${reason}`);
      logged.add(key);
      return undefined;
    }
    const started = Date.now();
    const worker = firstAnalysis();
    // During the cold start, a document with no built index is parsed and detected in the worker, off
    // this thread, and priced here with this thread's catalog and settings, as it would be alone.
    if (worker && !(root !== undefined && repos.indexes.built(root))) {
      try {
        const detection = await worker.detect({ text, path: relative, languageId: document.languageId });
        const report = priceDetected(detection.file, { catalog: catalog.current(), assumptions: settings.assumptions });
        const took = `${relative} v${document.version} in ${Date.now() - started} ms, detected in the first-analysis worker (${detection.ms.toFixed(0)} ms there; this file alone)`;
        if (analysed++ < 3) log.info(`Analysed ${took}, ${sinceActivation()} ms after activation`);
        else log.trace(`Analysed ${took}`);
        if (root !== undefined && !flag.cancelled) repos.indexes.start(root);
        warnParseErrors(report, document, relative);
        return report;
      } catch (err) {
        log.warn(`The first-analysis worker did not detect ${relative}; analysing it here`, err);
      }
    }
    const { report, withIndex } = await analyzeDocument(
      { text, path: relative, languageId: document.languageId, root },
      { catalog: catalog.current(), assumptions: settings.assumptions, isCancelled: () => flag.cancelled },
      repos.indexes,
    );
    // Cancelled in the index process: a newer version of the document is being analysed.
    if (!report) return undefined;
    const took = `${relative} v${document.version} in ${Date.now() - started} ms${withIndex ? '' : ' (this file alone: the repository index is not ready)'}`;
    // The first analyses of a session are what the first lens waits for: logged with the time since activation.
    if (analysed++ < 3) log.info(`Analysed ${took}, ${sinceActivation()} ms after activation`);
    else log.trace(`Analysed ${took}`);
    warnParseErrors(report, document, relative);
    return report;
  };

  function warnParseErrors(report: FileReport, document: vscode.TextDocument, relative: string): void {
    for (const d of report.diagnostics) {
      if (d.code !== 'parse-error' && d.code !== 'file-skipped') continue;
      const key = `${document.uri.toString()}:${d.code}:${d.message}`;
      if (!logged.has(key)) log.warn(`${relative}:${d.line}: ${d.message}`);
      logged.add(key);
    }
  }
}

/**
 * The workspace folders' repository indexes (workspace-indexes.ts): a small folder's in the host, a
 * larger one's in an index process of its own (index-placement.ts decides from the folder's listing;
 * index-process-client.ts: built there in worker threads, and every analysis with it runs there,
 * so neither the index nor the garbage of its cross-file answers stays in the extension host), kept
 * current from file-system events, so that the editor follows imports, helpers and loaded prompts
 * across files the way a scan does. Without the process script (a bare source checkout) the index is
 * built in this process, as before.
 */
export class WorkspaceRepos implements vscode.Disposable {
  readonly indexes: WorkspaceIndexes;
  private readonly watcher: vscode.FileSystemWatcher;
  constructor(
    config: ExtensionConfig,
    private readonly log: vscode.LogOutputChannel,
    onIndexBuilt: (folder: vscode.Uri) => void,
    /** The end of the cold start (cold-start.ts): no index build competes with the session's first lens. */
    notBefore?: Promise<void>,
  ) {
    this.indexes = new WorkspaceIndexes(
      (root) => {
        const settings = config.settings(vscode.Uri.file(root));
        const options = { exclude: settings.config.exclude, maxFileBytes: settings.config.maxFileSizeKb * 1024, jobs: defaultJobs('editor') };
        // Always in workers, however small the folder: this thread is the one the user types on.
        const inHost = (walked?: WalkResult) => new WorkspaceRepository(root, { ...options, minFilesForWorkers: 1, ...(walked ? { walked } : {}) });
        if (!indexProcessScript()) {
          log.info(`Repository index of ${root}: building in worker threads, ${sinceActivation()} ms after activation`);
          return inHost();
        }
        // A small folder's index stays in the host (its process would cost more than the index); a larger one gets a process.
        const index: PlacedIndex = new PlacedIndex(root, {
          ...options,
          inHostMaxFiles: config.inHostIndexMaxFiles(vscode.Uri.file(root)),
          inHost,
          inProcess: () => new IndexProcess(root, options, (why) => log.warn(`Repository index of ${root}: ${why}; documents are analysed one file at a time`)),
          placed: (place, size) => {
            const counted = Number.isNaN(size.files) ? 'tokenomics.repositoryIndex.inHostMaxFiles is 0' : `${size.files} code files${Number.isNaN(size.bytes) ? '' : `, ${Math.round(size.bytes / 1024)} KB`}`;
            const where = place === 'host' ? 'in the extension host, in worker threads' : `in its own process (pid ${index.pid ?? '?'})`;
            log.info(`Repository index of ${root}: building ${where} (${counted}), ${sinceActivation()} ms after activation`);
          },
        });
        void index.index().catch(() => undefined);
        return index;
      },
      {
        built: (root, ms) => {
          log.info(`Repository index of ${root} built in ${ms} ms; re-analysing its open documents with cross-file facts`);
          onIndexBuilt(vscode.Uri.file(root));
        },
        failed: (root, err) => log.warn(`Repository index of ${root} failed; documents are analysed one file at a time`, err),
      },
      notBefore,
    );
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,ts,tsx,js,jsx,mjs,yaml,yml,json,toml,md,txt,j2,jinja,jinja2}');
    const changed = (uri: vscode.Uri): void => {
      const root = this.rootOf(uri);
      if (root) void this.indexes.fileChanged(root, vscode.workspace.asRelativePath(uri, false)).catch((err) => this.log.warn(`Repository index: ${uri.fsPath}`, err));
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete(changed);
  }

  /** The workspace folder of a document on disk; undefined outside a local folder (no index there). */
  rootOf(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  }

  /** The folder's index if it is built; never starts a build (for quick picks that must not wait). */
  built(uri: vscode.Uri): EditorIndex | undefined {
    const root = this.rootOf(uri);
    return root ? this.indexes.built(root) : undefined;
  }

  dispose(): void {
    this.watcher.dispose();
    this.indexes.dispose();
  }
}
