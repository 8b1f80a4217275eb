import * as vscode from 'vscode';
import type { Span } from '../../core/report/types';
import { STATUS_MENU_COMMAND } from '../commands/ids';
import type { TokenomicsContext } from '../context';
import type { Feature } from '../feature';
import { cursorEstimate, pricedSites, selectionEstimate } from './pick';
import { estimateStatus, fileStatus, idleStatus, type StatusView } from './text';

/** Selections longer than this are not counted on each cursor move (the count would stall typing). */
const MAX_SELECTION_CHARS = 200_000;
const CURSOR_DEBOUNCE_MS = 120;

function toSpan(r: vscode.Range): Span {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** The selection, else the site under the cursor, else the file's monthly cost. */
function viewFor(ctx: TokenomicsContext, editor: vscode.TextEditor): StatusView | undefined {
  const document = editor.document;
  const report = ctx.analysis.peek(document) ?? ctx.analysis.latest(document);
  const { assumptions } = ctx.config.settings(document.uri);
  const catalog = ctx.catalog.current();
  const selection = editor.selection;
  if (!selection.isEmpty) {
    const text = document.getText(selection);
    if (text.length > MAX_SELECTION_CHARS) return undefined;
    const e = selectionEstimate(report, toSpan(selection), text, catalog, assumptions, vscode.workspace.asRelativePath(document.uri, false));
    return estimateStatus(e, 'selection', e.exact ?? true);
  }
  if (!report) return undefined;
  const p = selection.active;
  const site = cursorEstimate(report, p.line + 1, p.character + 1, catalog, assumptions);
  if (site) return estimateStatus(site, 'cursor', site.prompt?.exact ?? true);
  if (pricedSites(report) === 0) return undefined;
  return fileStatus(report.monthlyCost, pricedSites(report), assumptions.callsPerDay);
}

/** The selection or site under the cursor, else the active file's monthly cost; a click opens the menu. */
export const statusBarFeature: Feature = {
  name: 'statusbar',
  activate(ctx: TokenomicsContext, scope) {
    ctx.statusText = '';
    if (!ctx.config.surfaces().statusBar) return;
    const item = scope.add(vscode.window.createStatusBarItem('tokenomics.status', vscode.StatusBarAlignment.Right, 100));
    item.name = 'Tokenomics';
    item.command = STATUS_MENU_COMMAND;
    let timer: ReturnType<typeof setTimeout> | undefined;
    scope.add({ dispose: () => timer && clearTimeout(timer) });
    const update = (): void => {
      const editor = vscode.window.activeTextEditor;
      const view = (editor && viewFor(ctx, editor)) ?? idleStatus(ctx.config.settings(editor?.document.uri).assumptions.defaultModel);
      item.text = view.text;
      item.tooltip = view.tooltip;
      ctx.statusText = view.text;
      item.show();
    };
    const later = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        try {
          update();
        } catch (err) {
          ctx.log.error('Updating the status bar failed', err);
        }
      }, CURSOR_DEBOUNCE_MS);
    };
    scope.add(vscode.window.onDidChangeTextEditorSelection(later));
    scope.add(vscode.window.onDidChangeActiveTextEditor(later));
    scope.add(ctx.analysis.onDidAnalyze((d) => d === vscode.window.activeTextEditor?.document && later()));
    scope.add(ctx.onDidRefresh(later));
    later(); // not during activation: the first update reads the validated settings
  },
};
