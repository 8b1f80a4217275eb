import * as vscode from 'vscode';
import type { FileReport } from '../../core/report/types';
import type { CompareRequest } from '../compare-request';
import { DOCUMENT_SELECTOR } from '../selector';
import { OpenTimelines } from './open-timeline';
import { findSite, type Site } from './sites';
import { VersionedCache, type CancelFlag } from './versioned-cache';

/** Analyses one document's text; `undefined` when the document is skipped (too large, excluded, unsupported). */
export type Analyzer = (document: vscode.TextDocument, flag: CancelFlag) => Promise<FileReport | undefined>;

const ANALYSED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** Quiet time after the last edit before a document is analysed again. */
export const EDIT_DEBOUNCE_MS = 300;

/**
 * The one per-document analysis every surface reads: cached by document
 * version, shared between surfaces, debounced on edits, cancelled when a newer
 * version arrives. Pull surfaces (hover) ask with `get`; push surfaces
 * (diagnostics, CodeLens refresh, status bar) listen to `onDidAnalyze`.
 */
export class DocumentAnalysis implements vscode.Disposable {
  private readonly cache = new VersionedCache<FileReport>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidAnalyze = this.emitter.event;
  /** Each newly opened document's path to its first lens, for the log at debug level (the CodeLens provider ends it). */
  readonly timelines = new OpenTimelines();
  private readonly listeners: vscode.Disposable[];
  /**
   * Settles when the analyses of the editors showing at activation have finished (failed, skipped
   * or done): the CodeLens provider registers then (codelens/provider.ts says why).
   */
  readonly startupAnalysed: Promise<void>;
  /** Whether `startupAnalysed` has settled (read synchronously by the CodeLens provider). */
  private startupDone = false;
  /** Whether an editor we analyse was showing at activation (false when activated at startup with none open). */
  readonly startedWithDocuments: boolean;
  /** Settles when the first document we analyse is opened after activation. */
  readonly firstOpened: Promise<void>;
  private markOpened!: () => void;

  constructor(
    private readonly analyze: Analyzer,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      // Opens are analysed at once, never after the edit debounce: the new file's first lens waits for it.
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    ];
    // The editors already showing when the extension starts (the file that activated it): analysed
    // now (after activation's turn), not when the editor first asks for their lenses.
    const showing = vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => this.isAnalysed(d));
    this.startedWithDocuments = showing.length > 0;
    this.firstOpened = new Promise<void>((resolve) => (this.markOpened = resolve));
    for (const document of showing) this.startTimeline(document);
    this.startupAnalysed = new Promise<void>((resolve) => {
      setImmediate(() => void Promise.allSettled(showing.map((d) => this.get(d))).then(() => resolve()));
    });
    void this.startupAnalysed.then(() => (this.startupDone = true));
  }

  /** The analyses of the editors showing at activation are still running (the session's cold start). */
  get coldStartRunning(): boolean {
    return !this.startupDone;
  }

  private opened(document: vscode.TextDocument): void {
    if (!this.isAnalysed(document)) return;
    this.markOpened();
    this.startTimeline(document);
    this.schedule(document, 0);
  }

  private startTimeline(document: vscode.TextDocument): void {
    this.timelines.start(document.uri.toString(), `${vscode.workspace.asRelativePath(document.uri, false)} v${document.version}`);
  }

  private isAnalysed(document: vscode.TextDocument): boolean {
    // Push analysis only for files the user edits, not diff or git views of them.
    return ANALYSED_SCHEMES.has(document.uri.scheme) && vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
  }

  /** The analysis of the document as it is now; shared with any run already in flight for this version. */
  async get(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<FileReport | undefined> {
    const key = document.uri.toString();
    const run = this.cache.get(key, document.version, async (flag) => {
      this.timelines.mark(key, 'analysis started');
      const report = await this.analyze(document, flag);
      this.timelines.mark(key, flag.cancelled ? 'analysis cancelled' : 'analysed');
      // A macrotask, so the cache has stored the value before listeners `peek` at it.
      if (!flag.cancelled && report) setTimeout(() => this.emitter.fire(document), 0);
      return report;
    });
    if (!token) return this.settle(run, document);
    // The caller may give up (hover moved on); the shared run goes on for the others.
    return Promise.race([this.settle(run, document), new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined)))]);
  }

  /** The finished analysis of this exact version, if any: never computes. */
  peek(document: vscode.TextDocument): FileReport | undefined {
    return this.cache.peek(document.uri.toString(), document.version);
  }

  /** The newest finished analysis, possibly of an older version: for surfaces that redraw while the user types. */
  latest(document: vscode.TextDocument): FileReport | undefined {
    return this.cache.latest(document.uri.toString())?.value;
  }

  /**
   * Analyse after the document has been quiet for `delayMs`. Edits are debounced; a delay of 0 (a
   * document just opened, settings changed) starts the analysis as soon as the current event is
   * handled, with no timer: the first lens of a newly opened file is waiting for it. (Never inside
   * the caller's turn: activation only registers.)
   */
  schedule(document: vscode.TextDocument, delayMs = EDIT_DEBOUNCE_MS): void {
    if (!this.isAnalysed(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    if (delayMs <= 0) {
      setImmediate(() => void this.get(document));
      return;
    }
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.get(document);
    }, delayMs));
  }

  /**
   * Something the open documents' analyses depend on changed (their folder's repository index is
   * ready): analyse them again now. Surfaces keep showing the current figures until the new ones land.
   */
  reanalyse(which: (document: vscode.TextDocument) => boolean): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!which(document)) continue;
      this.cache.invalidate(document.uri.toString());
      this.schedule(document, 0);
    }
  }

  /** Settings or catalog changed: every cached report is stale; re-analyse the open documents. */
  invalidateAll(): void {
    this.cache.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  /** The site a compare request names, from the document's current analysis. */
  async siteFor(request: CompareRequest): Promise<{ readonly report: FileReport; readonly site?: Site } | undefined> {
    if (!request.uri) return undefined;
    const document = await this.openDocument(request.uri);
    if (!document) return undefined;
    const report = await this.get(document);
    if (!report) return undefined;
    return { report, site: request.siteId ? findSite(report, request.siteId) : undefined };
  }

  private async openDocument(uri: string): Promise<vscode.TextDocument | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (open) return open;
    try {
      return await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
    } catch (err) {
      this.log.warn(`Cannot open ${uri} for comparison`, err);
      return undefined;
    }
  }

  private async settle(run: Promise<FileReport | undefined>, document: vscode.TextDocument): Promise<FileReport | undefined> {
    try {
      return await run;
    } catch (err) {
      this.log.error(`Analysis of ${document.uri.fsPath || document.uri.toString()} failed`, err);
      return undefined;
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.cache.delete(key);
    this.timelines.forget(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.cache.clear();
    this.emitter.dispose();
    for (const l of this.listeners) l.dispose();
  }
}
