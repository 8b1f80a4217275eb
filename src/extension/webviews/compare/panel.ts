/**
 * Host of the Compare Providers panel: one panel, reused; computes with the
 * core on the host, sends results to the page, recomputes on workload edits and
 * when settings or the catalog change. Restores itself after a window reload
 * through the panel serializer (the page's saved state carries the workload).
 */
import * as vscode from 'vscode';
import { COMPARE_VIEW_TYPE, isComparePageMessage, parseSavedState, parseWorkload, type CompareHostMessage, type ComparePageMessage } from '../../../webview/protocol/compare';
import type { TokenomicsContext } from '../../context';
import { htmlFor, webviewOptions } from '../assets';
import { HostBridge } from '../host-bridge';
import { buildCompareData } from './compute';
import type { CompareSubject } from './source';

function describeState(state: unknown): string {
  if (state === undefined || state === null) return String(state);
  if (typeof state !== 'object') return typeof state;
  return `keys ${Object.keys(state).join(', ') || 'none'}`;
}

export class ComparePanelHost implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private bridge?: HostBridge<ComparePageMessage, CompareHostMessage>;
  private subject?: CompareSubject;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: TokenomicsContext) {
    this.disposables.push(ctx.onDidRefresh(() => this.showCurrent()));
  }

  /**
   * Opens (or reveals) the panel on a subject. A new page is sent its data when it says
   * `ready`; so is a page that VS Code reloaded after it was hidden (messages posted
   * to a hidden webview are dropped, so every `ready` gets the current data).
   */
  open(subject: CompareSubject): void {
    this.subject = subject;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.showCurrent();
      return;
    }
    const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare Providers', vscode.ViewColumn.Beside, {
      ...webviewOptions(this.ctx.extension.extensionUri),
      // The page keeps its own state (setState); no need to keep the DOM alive while hidden.
      retainContextWhenHidden: false,
    });
    this.attach(panel);
  }

  /** After a window reload: VS Code hands back the panel and the page's saved state. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parseSavedState(state);
    this.ctx.log.info(`Compare Providers: restoring the panel after a reload (${saved.data ? 'with its workload' : `no usable saved state: ${describeState(state)}`})`);
    if (saved.data) {
      const d = saved.data;
      this.subject = { label: d.label, workload: d.workload, ...(d.currentModel ? { currentModel: d.currentModel } : {}), ...(d.pinned ? { pinned: d.pinned } : {}), workloadTokenizer: d.workloadTokenizer };
    }
    panel.webview.options = webviewOptions(this.ctx.extension.extensionUri);
    // When the page says ready it gets the workload recomputed with today's catalog and settings.
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media', 'tokenomics.svg');
    this.bridge = new HostBridge(panel.webview, isComparePageMessage, (m) => this.onMessage(m), this.ctx.log, 'Compare Providers');
    panel.webview.html = htmlFor(panel.webview, this.ctx.extension.extensionUri, 'compare', 'Compare Providers');
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.bridge?.dispose();
      this.panel = undefined;
      this.bridge = undefined;
    });
  }

  private onMessage(message: ComparePageMessage): void {
    switch (message.type) {
      case 'ready':
        this.showCurrent();
        return;
      case 'recompute': {
        const workload = parseWorkload(message.workload);
        if (!this.subject || !workload) return;
        this.subject = { ...this.subject, workload };
        this.compute((data) => ({ type: 'result', requestId: message.requestId, data }), message.requestId);
        return;
      }
    }
  }

  private showCurrent(): void {
    if (!this.panel || !this.subject) return;
    this.compute((data) => ({ type: 'show', data }));
  }

  private compute(reply: (data: ReturnType<typeof buildCompareData>) => CompareHostMessage, requestId?: number): void {
    const subject = this.subject;
    if (!subject || !this.bridge) return;
    try {
      const started = Date.now();
      const data = buildCompareData(this.ctx.catalog.current(), subject.workload, subject);
      this.ctx.log.info(`Compare Providers: ${data.rows.length} offerings, ${data.selfHosted.length} self-hosted options in ${Date.now() - started} ms`);
      this.bridge.post(reply(data));
    } catch (err) {
      this.ctx.log.error('Compare Providers: computing the comparison failed', err);
      this.bridge.post({ type: 'error', ...(requestId !== undefined ? { requestId } : {}), message: 'Could not compute the comparison; see the Tokenomics log for details.' });
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
