import * as vscode from 'vscode';
import type { CatalogHolder } from '../catalog-holder';
import type { ExtensionConfig } from '../config';
import { analyzeText, WorkspaceRepository } from '../core-api';
import { defaultJobs } from '../../node/detect-pool';
import type { Analyzer } from './document-analysis';
import { skipReason } from './skip';

/**
 * The analyzer behind the document cache: skip what settings exclude, then
 * detect and price with the current catalog and assumptions, with the prompts
 * the document imports from other workspace files (as `tokenomics scan` does). Skips are logged
 * once per document and reason.
 */
export function createAnalyzer(config: ExtensionConfig, catalog: CatalogHolder, log: vscode.LogOutputChannel, subscriptions?: vscode.Disposable[], shared?: WorkspaceRepos): Analyzer {
  const logged = new Set<string>();
  const repos = shared ?? new WorkspaceRepos(config, log);
  if (!shared) subscriptions?.push(repos);
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
    const workspace = await repos.ready(document.uri);
    const report = await analyzeText(
      text,
      relative,
      document.languageId,
      {
        catalog: catalog.current(),
        assumptions: settings.assumptions,
        isCancelled: () => flag.cancelled,
      },
      workspace,
    );
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

/** How long a first analysis waits for the workspace's repository index before going on without it. */
const INDEX_WAIT_MS = 3000;

/**
 * One repository index per workspace folder (src/node/workspace-repo.ts), built lazily on the first
 * analysis in that folder and kept current from file-system events, so that the editor follows
 * imports, helpers and loaded prompts across files the way a scan does.
 */
export class WorkspaceRepos implements vscode.Disposable {
  private readonly byFolder = new Map<string, WorkspaceRepository>();
  private readonly watcher: vscode.FileSystemWatcher;
  /** Folders whose documents were analysed before their index was built (the wait ran out). */
  private readonly analysedWithout = new Set<string>();
  /**
   * Called once an index finishes that some analysis could not wait for: those analyses lacked
   * the other files (models from a config module, imported prompts) and must be made again.
   */
  onLateIndex?: (folder: string) => void;

  constructor(
    private readonly config: ExtensionConfig,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{py,ts,tsx,js,jsx,mjs,yaml,yml,json,toml,md,txt,j2,jinja,jinja2}');
    const changed = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const repo = folder ? this.byFolder.get(folder.uri.toString()) : undefined;
      if (repo) void repo.fileChanged(vscode.workspace.asRelativePath(uri, false)).catch((err) => this.log.warn(`Repository index: ${uri.fsPath}`, err));
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete(changed);
  }

  /** The folder's index once built (waiting a little on first use); undefined outside a local folder. */
  async ready(uri: vscode.Uri): Promise<WorkspaceRepository | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.scheme !== 'file') return undefined;
    const key = folder.uri.toString();
    let repo = this.byFolder.get(key);
    if (!repo) {
      const settings = this.config.settings(folder.uri);
      repo = new WorkspaceRepository(folder.uri.fsPath, { exclude: settings.config.exclude, maxFileBytes: settings.config.maxFileSizeKb * 1024, jobs: defaultJobs('editor') });
      this.byFolder.set(key, repo);
      const started = Date.now();
      repo.index().then(
        () => {
          this.log.info(`Repository index of ${folder.name} built in ${Date.now() - started} ms`);
          if (this.analysedWithout.delete(key)) this.onLateIndex?.(folder.name);
        },
        (err) => this.log.warn(`Repository index of ${folder.name} failed`, err),
      );
    }
    if (!repo.current()) await Promise.race([repo.index().catch(() => undefined), new Promise((r) => setTimeout(r, INDEX_WAIT_MS))]);
    if (!repo.current()) this.analysedWithout.add(key);
    return repo;
  }

  /** The folder's index if it is built; never starts a build (for quick picks that must not wait). */
  current(uri: vscode.Uri): ReturnType<WorkspaceRepository['current']> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.byFolder.get(folder.uri.toString())?.current() : undefined;
  }

  dispose(): void {
    this.watcher.dispose();
    this.byFolder.clear();
  }
}
