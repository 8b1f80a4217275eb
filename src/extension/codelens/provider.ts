import * as vscode from 'vscode';
import type { FileReport } from '../../core/report/types';
import type { TokenomicsContext } from '../context';
import type { DisposableScope, Feature } from '../feature';
import { COMPARE_COMMAND } from '../hover/content';
import { within } from '../analysis/within';
import { DOCUMENT_SELECTOR } from '../selector';
import { LensAnswers } from './answers';
import { ColdKeyTraining } from './training';
import { lensSpecs } from './titles';

/**
 * The longest a lens request waits for the document's analysis once the cold start is over. Kept
 * under VS Code's 250 ms floor for CodeLens requests (docs/editor.md, "Why the editor asks late"): the
 * editor learns each request's duration. A later analysis fires `onDidChangeCodeLenses` when it lands.
 * During the cold start a request never waits (see `waitBriefly`).
 */
export const LENS_WAIT_MS = 200;

/**
 * Lenses come from the newest finished analysis. While the user types, the
 * previous version's lenses stay up (no flicker, no analysis per keystroke);
 * a debounced analysis fires `onDidChangeCodeLenses` when it lands, if the
 * editor was shown something else (answers.ts: every announcement restarts the
 * editor's wait before its next request). A request never waits more than
 * LENS_WAIT_MS for an analysis, and none during the cold start.
 */
class TokenomicsCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly answers = new LensAnswers<FileReport>();
  private readonly training = new ColdKeyTraining();

  constructor(private readonly ctx: TokenomicsContext, scope: DisposableScope) {
    scope.add(this.changed);
    scope.add(ctx.analysis.onDidAnalyze((document) => this.analysed(document)));
    scope.add(ctx.onDidRefresh(() => this.changed.fire()));
    scope.add(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.answers.forget(d.uri.toString());
        this.training.forget(d.uri.toString());
      }),
    );
  }

  private analysed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const report = this.ctx.analysis.peek(document);
    if (!report || !this.answers.mustAnnounce(key, report)) return;
    this.ctx.analysis.timelines.mark(key, 'lenses announced');
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    try {
      return await this.lenses(document, token);
    } catch (err) {
      this.ctx.log.error(`CodeLenses for ${document.uri.fsPath} failed`, err);
      return [];
    }
  }

  private async lenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const key = document.uri.toString();
    const timelines = this.ctx.analysis.timelines;
    timelines.mark(key, 'lenses asked');
    const report = this.ctx.analysis.peek(document) ?? this.staleWhileTyping(document) ?? (await this.waitBriefly(document, token));
    if (token.isCancellationRequested) {
      timelines.mark(key, 'request cancelled');
      return [];
    }
    this.answers.record(key, report);
    if (!report) {
      timelines.mark(key, `answered with no lenses (analysis not done in ${LENS_WAIT_MS} ms)`);
      return [];
    }
    this.ctx.coldStart.lensAnswered();
    if (report === this.ctx.analysis.peek(document)) {
      const line = timelines.finish(key);
      if (line) this.ctx.log.debug(line);
      this.retrain(key);
    } else timelines.mark(key, 'answered from an older version');
    const uri = key;
    const assumptions = this.ctx.config.settings(document.uri).assumptions;
    return lensSpecs(report, this.ctx.catalog.current(), assumptions)
      .filter((spec) => spec.line - 1 < document.lineCount)
      .map((spec) => {
        const range = document.lineAt(spec.line - 1).range;
        return new vscode.CodeLens(range, {
          title: spec.title,
          tooltip: spec.tooltip,
          command: COMPARE_COMMAND,
          arguments: [{ uri, ...(spec.siteId ? { siteId: spec.siteId } : {}) }],
        });
      });
  }

  /**
   * Documents answered during the cold start are asked about again a few times (training.ts), so
   * the slow durations the editor timed then give way to fast ones. After this answer is sent.
   */
  private retrain(key: string): void {
    if (!this.ctx.coldStart.isOver) this.training.enrol(key);
    if (!this.training.isTraining(key)) return;
    const timelines = this.ctx.analysis.timelines;
    const othersWaiting = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() !== key && timelines.has(e.document.uri.toString()));
    if (this.training.shouldReask(key, othersWaiting)) setTimeout(() => this.changed.fire(), 0);
  }

  /**
   * The analysis being computed, if it lands within LENS_WAIT_MS. During the cold start (grammar
   * compile, tokenizer ranks, first analysis: seconds on a loaded machine) nothing: the answer is
   * immediate and the analysis announces itself when it lands, so the editor re-asks at its floor
   * (250 ms) and this request, whose duration the editor learns, stays short.
   */
  private async waitBriefly(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<FileReport | undefined> {
    const analysis = this.ctx.analysis.get(document, token);
    if (this.ctx.analysis.coldStartRunning) {
      this.ctx.analysis.timelines.mark(document.uri.toString(), 'cold start: answered at once');
      return undefined;
    }
    return within(analysis, LENS_WAIT_MS);
  }

  /** The previous version's report while an edit's analysis waits for the debounce (no analysis per keystroke). */
  private staleWhileTyping(document: vscode.TextDocument): FileReport | undefined {
    const latest = this.ctx.analysis.latest(document);
    if (latest) this.ctx.analysis.schedule(document);
    return latest;
  }
}

export const codeLensFeature: Feature = {
  name: 'codelens',
  activate(ctx, scope) {
    if (!ctx.config.surfaces().codeLens) return;
    const provider = new TokenomicsCodeLensProvider(ctx, scope);
    // Registered at activation. Registering changes the key under which VS Code learns request
    // durations for every open editor, and the first request under a new key waits the average of
    // all durations learned so far (docs/editor.md). Registered after the first analysis (as
    // before), that wait started only then; registered now it runs while the first analysis does.
    // Requests that come during the cold start are answered at once (waitBriefly), so they teach
    // the editor nothing slow.
    scope.add(vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, provider));
  },
};
