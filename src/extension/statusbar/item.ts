import * as vscode from 'vscode';
import { priceCall } from '../../core/cost';
import { countTokensForModel } from '../../core/tokenize';
import { promptAt } from '../analysis/sites';
import type { TokenomicsContext } from '../context';
import { resolveModel } from '../core-api';
import type { Feature } from '../feature';
import { PICK_MODEL_COMMAND } from '../commands/ids';
import { idleStatus, measuredStatus, type StatusView } from './text';

/** Selections longer than this are not counted on each cursor move (the count would stall typing). */
const MAX_SELECTION_CHARS = 200_000;
const CURSOR_DEBOUNCE_MS = 120;

function selectionView(ctx: TokenomicsContext, editor: vscode.TextEditor): StatusView | undefined {
  const selection = editor.selection;
  if (selection.isEmpty) return undefined;
  const text = editor.document.getText(selection);
  if (text.length > MAX_SELECTION_CHARS) return undefined;
  const { assumptions } = ctx.config.settings(editor.document.uri);
  const resolution = resolveModel(ctx.catalog.current(), assumptions.defaultModel);
  const count = countTokensForModel(text, resolution.kind === 'resolved' ? resolution.model : assumptions.defaultModel);
  const offering = resolution.kind === 'resolved' ? resolution.offering : undefined;
  const price = offering
    ? priceCall(offering, { freshInput: count.tokens, cachedRead: 0, cacheWrite: 0, output: assumptions.outputTokens, reasoning: 0 })
    : { kind: 'unpriced' as const, missing: [`model ${assumptions.defaultModel}`] };
  return measuredStatus({ scope: 'selection', tokens: count.tokens, exact: count.exact, price, model: assumptions.defaultModel });
}

function promptView(ctx: TokenomicsContext, editor: vscode.TextEditor): StatusView | undefined {
  const report = ctx.analysis.peek(editor.document);
  if (!report) return undefined;
  const p = editor.selection.active;
  const prompt = promptAt(report, p.line + 1, p.character + 1);
  if (!prompt) return undefined;
  return measuredStatus({ scope: 'prompt', tokens: prompt.tokens, exact: prompt.exact, price: prompt.costPerCall, model: prompt.model });
}

/** Tokens and cost of the selection, else of the prompt under the cursor, else the default model. */
export const statusBarFeature: Feature = {
  name: 'statusbar',
  activate(ctx: TokenomicsContext, scope) {
    ctx.statusText = '';
    if (!ctx.config.surfaces().statusBar) return;
    const item = scope.add(vscode.window.createStatusBarItem('tokenomics.status', vscode.StatusBarAlignment.Right, 100));
    item.name = 'Tokenomics';
    item.command = PICK_MODEL_COMMAND;
    let timer: ReturnType<typeof setTimeout> | undefined;
    scope.add({ dispose: () => timer && clearTimeout(timer) });
    const update = (): void => {
      const editor = vscode.window.activeTextEditor;
      const view = (editor && (selectionView(ctx, editor) ?? promptView(ctx, editor))) ?? idleStatus(ctx.config.settings(editor?.document.uri).assumptions.defaultModel);
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
