import * as vscode from 'vscode';
import { DocumentAnalysis } from './analysis/document-analysis';
import { createAnalyzer, WorkspaceRepos } from './analysis/engine';
import { scheduleWarmUp } from './analysis/warmup';
import type { FirstAnalysisWorker } from './analysis/first-analysis-client';
import { ColdStart, COLD_START_FALLBACK_MS, COLD_START_SETTLE_MS } from './analysis/cold-start';
import { activatedAtMs } from './activation-clock';
import { CatalogHolder } from './catalog-holder';
import type { CompareRequest } from './compare-request';
import { ExtensionConfig, REBUILD_SETTINGS } from './config';
import { DisposableScope, type Feature } from './feature';
import type { ModelMention } from './commands/repository-models';

/** Opens the Compare Providers panel; set by the webview host feature (src/extension/webviews). */
export type ComparePanelOpener = (request: CompareRequest) => unknown;

/**
 * Owns the extension's lifetimes: log channel, settings, catalog, the
 * per-document analysis cache and every registration. Two disposal scopes:
 * `lifetime` (until deactivation: log, commands, cache) and `session`
 * (the surfaces, rebuilt when a surface is switched on or off).
 *
 * Hook for other features (the webviews helper): `ctx.addFeature(feature)`
 * registers a Feature now and after every rebuild; `ctx.setComparePanel(open)`
 * makes `tokenomics.compareProviders` open the panel. Read a site's data with
 * `ctx.analysis.siteFor(request)`, the catalog with `ctx.catalog.current()`,
 * settings with `ctx.config.settings(uri)`.
 */
export class TokenomicsContext implements vscode.Disposable {
  private readonly features: Feature[] = [];
  private session = new DisposableScope();
  private comparePanel?: ComparePanelOpener;
  /** The models the sites of the Cost report's last workspace scan name (set by its host, from the scan's summary): for quick picks. */
  lastWorkspaceModels?: readonly ModelMention[];
  /** What the status bar item shows now ('' when it is off); read by `tokenomics._test.statusText`. */
  statusText = '';
  private readonly refreshEmitter = new vscode.EventEmitter<void>();
  /** Fires when settings or the catalog changed: surfaces recompute what they show. */
  readonly onDidRefresh = this.refreshEmitter.event;

  private constructor(
    readonly extension: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    readonly config: ExtensionConfig,
    readonly catalog: CatalogHolder,
    readonly analysis: DocumentAnalysis,
    /** The repository index of each workspace folder (cross-file models, prompts, loops), shared with the analyzer. */
    readonly repositories: WorkspaceRepos,
    /** The session's cold start: the CodeLens provider says when the first lens was answered. */
    readonly coldStart: ColdStart,
  ) {}

  /** `firstAnalysis`: the worker the entry started for the cold start's analyses (first-analysis-client.ts), if any. */
  static create(extension: vscode.ExtensionContext, features: readonly Feature[], firstAnalysis?: FirstAnalysisWorker): TokenomicsContext {
    const log = vscode.window.createOutputChannel('Tokenomics', { log: true });
    extension.subscriptions.push(log);
    const config = new ExtensionConfig(log);
    const catalog = new CatalogHolder(config, log);
    const inFolder = (folder: vscode.Uri) => (d: vscode.TextDocument) => vscode.workspace.getWorkspaceFolder(d.uri)?.uri.fsPath === folder.fsPath;
    // A document is priced alone until its folder's index is built; then its folder's open documents are analysed again.
    // What no lens needs (the repository index, the other grammars) waits until the first lens was answered.
    const coldStart = new ColdStart(COLD_START_SETTLE_MS, COLD_START_FALLBACK_MS);
    const repositories: WorkspaceRepos = new WorkspaceRepos(config, log, (folder) => analysis.reanalyse(inFolder(folder)), coldStart.over);
    const analysis: DocumentAnalysis = new DocumentAnalysis(createAnalyzer(config, catalog, log, repositories, () => (firstAnalysis?.available ? firstAnalysis : undefined)), log);
    // Activated at startup with no file we price open: the index and the rest wait for the first one the user opens.
    void analysis.startupAnalysed.then(() => (analysis.startedWithDocuments ? undefined : analysis.firstOpened)).then(() => coldStart.firstAnalysisDone());
    const ctx = new TokenomicsContext(extension, log, config, catalog, analysis, repositories, coldStart);
    extension.subscriptions.push(ctx, catalog, analysis, repositories, ctx.refreshEmitter, coldStart);
    extension.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => ctx.onSettingsChanged(e)));
    extension.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => ctx.refresh('workspace trust granted')));
    extension.subscriptions.push(catalog.onDidChange(() => ctx.refresh('catalog reloaded')));
    for (const feature of features) ctx.addFeature(feature);
    // After the registrations, off activation's path: grammars, tokenizer ranks and catalog, in parallel.
    extension.subscriptions.push(scheduleWarmUp(catalog, log, coldStart.over, firstAnalysis));
    // With its own clock time: VS Code may write a busy extension host's log lines late, and the
    // editor bench splits the first lens into "until we were activated" and "after" with it.
    log.info(`Tokenomics activated (${vscode.workspace.isTrusted ? 'trusted' : 'untrusted'} workspace) at ${new Date(activatedAtMs()).toISOString()}`);
    return ctx;
  }

  /** Registers a feature now and again after every rebuild. */
  addFeature(feature: Feature): void {
    this.features.push(feature);
    this.activateFeature(feature);
  }

  setComparePanel(open: ComparePanelOpener): vscode.Disposable {
    this.comparePanel = open;
    return new vscode.Disposable(() => {
      if (this.comparePanel === open) this.comparePanel = undefined;
    });
  }

  openCompare(request: CompareRequest): unknown {
    if (!this.comparePanel) {
      this.log.warn('Compare Providers was asked for, but no panel is registered in this build.');
      void vscode.window.showInformationMessage('Tokenomics: the Compare Providers panel is not available in this build.');
      return undefined;
    }
    return this.comparePanel(request);
  }

  /** Settings or catalog changed: drop cached analyses, let every surface recompute. */
  refresh(reason: string): void {
    this.log.info(`Refreshing: ${reason}`);
    this.analysis.invalidateAll();
    this.refreshEmitter.fire();
  }

  private onSettingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('tokenomics')) return;
    this.config.clear();
    if (REBUILD_SETTINGS.some((key) => e.affectsConfiguration(key))) this.rebuild();
    if (e.affectsConfiguration('tokenomics.customModels') || e.affectsConfiguration('tokenomics.priceOverrides')) {
      this.catalog.reload('settings changed');
      return; // the reload fires a refresh
    }
    this.refresh('settings changed');
  }

  /** Disposes the session scope and registers every feature again. */
  private rebuild(): void {
    this.log.info('Rebuilding editor surfaces after a settings change');
    this.session.dispose();
    this.session = new DisposableScope();
    for (const feature of this.features) this.activateFeature(feature);
  }

  private activateFeature(feature: Feature): void {
    try {
      feature.activate(this, this.session);
    } catch (err) {
      this.log.error(`Feature "${feature.name}" failed to start`, err);
    }
  }

  dispose(): void {
    this.session.dispose();
  }
}
