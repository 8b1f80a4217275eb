/**
 * Host of the "Cost report" sidebar view: scans the workspace folders with the
 * core's `scanPaths` (the engine of `tokenomics scan`), streams progress, can be
 * cancelled, reveals a site in the editor, and exports the last report. It keeps
 * the report's header (totals, counts) and a compact index of its rows, never the
 * rows themselves nor the whole report: the rows are in a file the view's queries
 * read a page at a time (report-row-store.ts), the whole report in another until
 * Export reads it back (report-files.ts).
 */
import * as vscode from 'vscode';
import { isAbsolute, resolve, sep } from 'node:path';
import { oneLine, type DiffRequest, type ScanRequest } from '../../../node/scan-process-protocol';
import { defaultJobs } from '../../../node/detect-pool';
import { readReportFile } from '../../../node/scan-summary';
import { ReportRowStore } from '../../../node/report-row-store';
import type { TokenomicsContext } from '../../context';
import {
  isReportPageMessage,
  REPORT_VIEW_ID,
  type ExportFormat,
  type ReportHeader,
  type ReportHostMessage,
  type ReportPageMessage,
  type ReportQuery,
} from '../../../webview/protocol/report';
import { htmlFor, webviewOptions } from '../assets';
import { HostBridge } from '../host-bridge';
import { EXPORT_EXTENSIONS, renderExport } from './export';
import { ReportFiles } from './report-files';
import { commonRoot } from './provider-paths';
import { ReportComparison } from './comparison';
import { revisionsToOffer } from './revision-diff';
import { runReportScan } from './scan-launch';
import { ScanRun } from './scan-run';

/** Where the compared revision is remembered across reloads (per workspace). */
const DIFF_REF_KEY = 'tokenomics.report.diffRef';

export class ReportViewHost implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private bridge?: HostBridge<ReportPageMessage, ReportHostMessage>;
  private cancelFlag?: ScanRun;
  /** The shown report: its header, its rows' index, where the whole report is. */
  private last?: { view: ReportHeader; store: ReportRowStore; reportFile: string; root: string; elapsedMs: number };
  private readonly reportFiles = new ReportFiles();
  private readonly disposables: vscode.Disposable[] = [];

  /** Settings or the catalog changed while the view was hidden: rescan when it shows again. */
  private stale = false;

  /** The revision the view compares with ("vs HEAD"); off unless the user picked one. */
  private diffRef?: string;
  /** The comparison with `diffRef`: its columns aligned with the shown report's rows, the one running. */
  private readonly comparison: ReportComparison;

  constructor(private readonly ctx: TokenomicsContext) {
    this.diffRef = ctx.extension.workspaceState.get<string>(DIFF_REF_KEY) || undefined;
    this.comparison = new ReportComparison({
      post: (m) => this.bridge?.post(m),
      info: (line) => ctx.log.info(line),
      error: (line, err) => ctx.log.error(line, err),
      request: (ref) => this.diffRequest(ref),
      shownRows: () => this.last?.store,
    });
    this.disposables.push(
      ctx.onDidRefresh(() => {
        if (!this.last) return;
        if (this.view?.visible) void this.scan();
        else this.stale = true;
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = webviewOptions(this.ctx.extension.extensionUri);
    this.bridge?.dispose();
    this.bridge = new HostBridge(view.webview, isReportPageMessage, (m) => this.onMessage(m), this.ctx.log, 'Cost report');
    view.webview.html = htmlFor(view.webview, this.ctx.extension.extensionUri, 'report', 'Cost report');
    view.onDidDispose(() => {
      if (this.view !== view) return;
      this.cancelFlag?.supersede();
      this.comparison.stop('the view closed');
      this.bridge?.dispose();
      this.bridge = undefined;
      this.view = undefined;
    });
  }

  private onMessage(m: ReportPageMessage): void {
    switch (m.type) {
      case 'ready':
        // First show, or after a reload of the window or a settings change: scan. Shown again: the last report.
        if ((!this.last || this.stale) && !this.cancelFlag) void this.scan();
        else if (this.last) {
          this.bridge?.post({ type: 'report', data: { ...this.last.view, folders: this.folders().map((f) => f.name), elapsedMs: this.last.elapsedMs } });
          const deltas = this.comparison.deltas;
          if (deltas) this.bridge?.post({ type: 'diff', data: deltas.summary });
          // A comparison stopped when the view closed (its process killed) runs again now.
          else if (this.diffRef && !this.comparison.isRunning && !this.cancelFlag) void this.comparison.compare(this.diffRef);
        }
        if (!this.diffRef) this.bridge?.post({ type: 'diffCleared' });
        return;
      case 'diffOff':
        void this.compareWith(undefined);
        return;
      case 'diffAgain':
        // A scan running now compares again when its report is shown.
        if (this.diffRef && this.last && !this.cancelFlag && !this.comparison.isRunning) void this.comparison.compare(this.diffRef);
        return;
      case 'refresh':
        void this.scan();
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'reveal':
        void this.reveal(m.path, m.siteId);
        return;
      case 'export':
        void this.export(m.format);
        return;
      case 'query':
        void this.answer(m.query);
        return;
    }
  }

  /** The rows of the pages the view shows, read from the shown report's rows file. */
  private async answer(query: ReportQuery): Promise<void> {
    const last = this.last;
    if (!last) return;
    try {
      const data = await last.store.query(query, last.view.totals.scopes ?? [], this.comparison.deltas);
      if (this.last === last) this.bridge?.post({ type: 'rows', data });
    } catch (err) {
      this.ctx.log.warn(`Cost report: reading rows from ${last.store.rowsFile} failed`, err);
    }
  }

  private folders(): readonly vscode.WorkspaceFolder[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  }

  /** Scans the workspace; a scan already running is cancelled first. */
  async scan(): Promise<void> {
    this.cancelFlag?.supersede();
    const flag = new ScanRun();
    this.cancelFlag = flag;
    this.stale = false;
    const folders = this.folders();
    if (folders.length === 0) {
      this.bridge?.post({ type: 'error', message: 'Open a folder to scan: the cost report covers the files of the workspace folders.' });
      this.cancelFlag = undefined;
      return;
    }
    const paths = folders.map((f) => f.uri.fsPath);
    const root = commonRoot(paths);
    const settings = this.ctx.config.settings(folders[0].uri);
    // A comparison still running is of the report this scan replaces: stopped, and the page told.
    this.comparison.scanStarted();
    this.bridge?.post({ type: 'scanning', folders: folders.map((f) => f.name) });
    // The title bar shows Cancel instead of Refresh while a scan runs.
    void vscode.commands.executeCommand('setContext', 'tokenomics.report.scanning', true);
    const started = Date.now();
    const reportFile = this.reportFiles.next();
    let shown = false;
    try {
      const request: ScanRequest = {
        paths,
        root,
        // Paths in the report relative to the scanned root, as `tokenomics scan` run there writes them.
        cwd: root,
        catalog: this.ctx.catalog.current(),
        assumptions: settings.assumptions,
        exclude: settings.config.exclude ?? [],
        maxFileBytes: settings.config.maxFileSizeKb * 1024,
        respectGitignore: true,
        // Inside the scan process, files are read and parsed by a pool of worker threads.
        jobs: defaultJobs('editor'),
        reportFile,
        folders: folders.map((f) => f.name),
      };
      const summary = await runReportScan(request, flag, {
        progress: (p) => {
          // Never after a cancel: the scan's last messages would turn "cancelled" back into "Scanning…".
          if (flag.progress(p)) this.bridge?.post({ type: 'progress', done: p.done, total: p.total, ...(p.current ? { current: p.current } : {}) });
        },
        started: (pid, priority) => this.ctx.log.info(`Cost report: scan process ${pid ?? '(no id)'} started on ${paths.length} folder(s)${priority ? `, ${priority}` : ''}`),
      });
      if (flag.cancelled || !summary) {
        // How long the workers took to stop after the request: the view said "cancelled" at the click.
        this.ctx.log.info(flag.stoppedLine());
        if (this.cancelFlag === flag && !flag.announced) this.bridge?.post({ type: 'cancelled' });
        return;
      }
      if (this.cancelFlag !== flag) return; // superseded by a newer scan
      const elapsed = Date.now() - started;
      // The rows' index goes into typed arrays; the summary's own arrays are dropped with it.
      this.last = { view: summary.view, store: new ReportRowStore(summary.rows), reportFile: summary.reportFile, root, elapsedMs: elapsed };
      // The comparison's columns were aligned with the previous report's rows: it runs again below.
      this.comparison.clear();
      this.reportFiles.keep(reportFile);
      shown = true;
      this.ctx.lastWorkspaceModels = summary.models;
      this.ctx.log.info(`Cost report: ${summary.files} files, ${summary.filesWithSites} with sites, in ${elapsed} ms`);
      this.bridge?.post({ type: 'report', data: { ...summary.view, elapsedMs: elapsed } });
      // The comparison runs after the plain report is on screen, never before it.
      if (this.diffRef) void this.comparison.compare(this.diffRef);
    } catch (err) {
      this.ctx.log.error('Cost report: the workspace scan failed', err);
      this.bridge?.post({ type: 'error', message: `The workspace scan failed: ${oneLine(err)}. See the Tokenomics log for details.` });
    } finally {
      if (!shown) this.reportFiles.discard(reportFile);
      if (this.cancelFlag === flag) {
        this.cancelFlag = undefined;
        void vscode.commands.executeCommand('setContext', 'tokenomics.report.scanning', false);
      }
    }
  }

  /**
   * Compares the view with a revision (`HEAD`, a branch, a tag), or stops comparing (undefined).
   * Remembered per workspace; runs again after every scan while it is on.
   */
  async compareWith(ref: string | undefined): Promise<void> {
    this.diffRef = ref?.trim() || undefined;
    await this.ctx.extension.workspaceState.update(DIFF_REF_KEY, this.diffRef);
    this.comparison.clear();
    this.comparison.stop(this.diffRef ? `now comparing with ${this.diffRef}` : 'comparing turned off');
    if (!this.diffRef) {
      this.bridge?.post({ type: 'diffCleared' });
      return;
    }
    if (this.last && !this.cancelFlag) await this.comparison.compare(this.diffRef);
    else if (!this.cancelFlag) await this.scan();
  }

  /** Asks which revision to compare with: HEAD, recent branches and tags, one typed in, or off. */
  async pickRevision(): Promise<void> {
    const folders = this.folders();
    const root = folders.length > 0 ? commonRoot(folders.map((f) => f.uri.fsPath)) : undefined;
    const refs = root ? await revisionsToOffer(root) : [];
    type Item = vscode.QuickPickItem & { ref?: string; off?: boolean };
    const items: Item[] = [
      { label: 'HEAD', description: 'the last commit', ref: 'HEAD' },
      ...refs.map((r) => ({ label: r, ref: r })),
      ...(this.diffRef ? [{ label: 'Stop comparing', description: `now vs ${this.diffRef}`, off: true }] : []),
    ];
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'Tokenomics: compare the cost report with a revision';
    pick.placeholder = 'HEAD, a branch, a tag or any revision git knows (type it)';
    pick.items = items;
    const chosen = await new Promise<Item | string | undefined>((resolvePick) => {
      pick.onDidAccept(() => resolvePick(pick.selectedItems[0] ?? (pick.value.trim() || undefined)));
      pick.onDidHide(() => resolvePick(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen === undefined) return;
    if (typeof chosen === 'string') await this.compareWith(chosen);
    else await this.compareWith(chosen.off ? undefined : chosen.ref);
  }

  /** The comparison's request: the workspace folders' root against `ref`, on the settings the report was scanned with. */
  private diffRequest(ref: string): DiffRequest | undefined {
    const folders = this.folders();
    if (folders.length === 0) return undefined;
    const settings = this.ctx.config.settings(folders[0].uri);
    const root = commonRoot(folders.map((f) => f.uri.fsPath));
    return { root, ref, catalog: this.ctx.catalog.current(), assumptions: settings.assumptions, exclude: settings.config.exclude ?? [], maxFileBytes: settings.config.maxFileSizeKb * 1024, respectGitignore: true };
  }

  /** Opens a site of the last report; paths that are not in it, or leave the root, are refused. */
  private async reveal(path: string, siteId: string): Promise<void> {
    const last = this.last;
    const site = last?.store.find(path, siteId);
    if (!last || !site) {
      this.ctx.log.warn(`Cost report: refused to reveal ${path}#${siteId}: not in the last report`);
      return;
    }
    const abs = resolve(last.root, ...path.split('/'));
    if (isAbsolute(path) || !(abs === last.root || abs.startsWith(last.root + sep))) return;
    const position = new vscode.Position(Math.max(0, site.line - 1), Math.max(0, site.column - 1));
    try {
      const uri = vscode.Uri.file(abs);
      // Reuse the editor group already showing the file (not the one holding a webview panel).
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === uri.fsPath);
      const viewColumn = shown?.viewColumn ?? vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.Active;
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(position, position), preview: true, viewColumn });
    } catch (err) {
      this.ctx.log.warn(`Cost report: cannot open ${abs}`, err);
      void vscode.window.showWarningMessage(`Tokenomics: cannot open ${path}; it may have been moved or deleted. Refresh the report.`);
    }
  }

  async export(format?: ExportFormat): Promise<void> {
    const last = this.last;
    if (!last) {
      void vscode.window.showInformationMessage('Tokenomics: nothing to export yet; run the cost report first.');
      return;
    }
    const chosen =
      format ??
      (await vscode.window.showQuickPick(
        (Object.keys(EXPORT_EXTENSIONS) as ExportFormat[]).map((f) => ({ label: EXPORT_EXTENSIONS[f].label, format: f })),
        // Kept open when focus moves: the report view may re-render (an index built, a scan done) while it is up.
        { title: 'Export the cost report as', ignoreFocusOut: true },
      ))?.format;
    if (!chosen) return;
    const { ext, label } = EXPORT_EXTENSIONS[chosen];
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(resolve(last.root, `tokenomics-report.${ext}`)),
      filters: { [label]: [ext] },
      title: 'Export the cost report',
    });
    if (!target) return;
    let text: string;
    try {
      // The whole report is read back from its file only now, rendered, and dropped.
      text = renderExport(await readReportFile(last.reportFile), chosen);
    } catch (err) {
      this.ctx.log.error(`Cost report: reading the last report back from ${last.reportFile} failed`, err);
      void vscode.window.showErrorMessage('Tokenomics: the last report could not be read back for export (its temporary file is gone). Refresh the report and export again.');
      return;
    }
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      this.bridge?.post({ type: 'exported', file: vscode.workspace.asRelativePath(target, false) });
    } catch (err) {
      this.ctx.log.error(`Cost report: writing ${target.fsPath} failed`, err);
      void vscode.window.showErrorMessage(`Tokenomics: could not write ${target.fsPath}.`);
    }
  }

  /**
   * Cancels the running scan: the view is told at once (the previous report stays), the workers
   * are stopped by the scan's own cancel poll, and the scan logs how long that took.
   */
  cancel(): void {
    const flag = this.cancelFlag;
    const requested = flag?.cancel();
    if (!flag || !requested) return;
    this.ctx.log.info(requested);
    flag.announced = true;
    this.bridge?.post({ type: 'cancelled' });
    this.cancelFlag = undefined;
    // The title bar shows Refresh again now (the scan's own end no longer owns the flag).
    void vscode.commands.executeCommand('setContext', 'tokenomics.report.scanning', false);
  }

  dispose(): void {
    this.cancel();
    this.comparison.stop('the extension stopped');
    this.reportFiles.dispose();
    this.bridge?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export { REPORT_VIEW_ID };
