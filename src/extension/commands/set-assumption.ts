import * as vscode from 'vscode';
import { parseCompareRequest, type CompareRequest } from '../compare-request';
import type { TokenomicsContext } from '../context';
import { hoverTargetAt } from '../hover/targets';
import { annotationEdit } from '../quickfix/edits';
import { assumptionChoices, modelChoices, validateCount } from './assumption-choices';
import type { CommandFactory } from './types';

/**
 * From a hover link: pick one of the site's assumptions, give its value, and the command
 * writes a `tokenomics:` annotation above the site (one undoable edit, never a silent write).
 */
export const setAssumption: CommandFactory = (ctx) => async (arg: unknown) => {
  const request = parseCompareRequest(arg).siteId ? parseCompareRequest(arg) : await siteUnderCursor(ctx);
  if (!request?.uri || !request.siteId) {
    void vscode.window.showInformationMessage('Tokenomics: put the cursor in a model call or agent loop (or use the "Set an assumption…" link of its hover).');
    return undefined;
  }
  const found = await ctx.analysis.siteFor(request);
  if (!found) return undefined;
  const choices = assumptionChoices(found.report, request.siteId);
  const choice = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: `now ${c.current}`, choice: c })),
    { title: 'Tokenomics: set an assumption for this site (written as an annotation comment)' },
  );
  if (!choice) return undefined;
  let value: string | undefined;
  if (choice.choice.key === 'model') {
    const ids = modelChoices(found.report, ctx.catalog.current().models.map((m) => m.id));
    value = (await vscode.window.showQuickPick(ids, { title: 'Tokenomics: the model this site uses' })) ?? undefined;
  } else {
    value = await vscode.window.showInputBox({ title: `Tokenomics: ${choice.choice.label}`, prompt: `Now ${choice.choice.current}`, validateInput: validateCount });
  }
  if (!value) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(request.uri, true));
  const spec = annotationEdit(document.getText(), choice.choice.line, document.languageId, { [choice.choice.key]: value.trim() });
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(spec.line - 1, 0), spec.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  ctx.log.info(`Set ${choice.choice.key}=${value.trim()} above ${vscode.workspace.asRelativePath(document.uri)}:${choice.choice.line} (${applied ? 'applied' : 'refused'})`);
  return applied;
};

/** From the palette: the call or loop under the cursor (a prompt stands for the call that sends it). */
async function siteUnderCursor(ctx: TokenomicsContext): Promise<CompareRequest | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const report = await ctx.analysis.get(editor.document);
  const p = editor.selection.active;
  const target = report && hoverTargetAt(report, p.line + 1, p.character + 1);
  if (!report || !target) return undefined;
  const siteId = target.kind === 'prompt' ? report.calls.find((c) => c.promptIds.includes(target.site.id))?.id : target.site.id;
  return siteId ? { uri: editor.document.uri.toString(), siteId } : undefined;
}
