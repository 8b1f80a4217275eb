import * as vscode from 'vscode';
import { parseCompareRequest, type CompareRequest } from '../compare-request';
import type { TokenomicsContext } from '../context';
import { hoverTargetAt } from '../hover/targets';
import { annotationEdit } from '../quickfix/edits';
import { vendorOf } from '../../core/repo/vendor';
import type { FileReport } from '../../core/report/types';
import type { Assumptions } from '../../core/workload';
import { assumptionChoices, validateCount } from './assumption-choices';
import { pickModelTarget, pickSiteModel, writeModelSetting, type SiteModel } from './assumption-model';
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
  const uri = vscode.Uri.parse(request.uri, true);
  if (choice.choice.key === 'model') {
    const site = siteModel(found.report, request.siteId, ctx.config.settings(uri).assumptions);
    value = await pickSiteModel(ctx, uri, found.report, site);
    if (!value) return undefined;
    const target = await pickModelTarget(site, value);
    if (!target) return undefined;
    if (target.kind === 'setting') return writeModelSetting(ctx, uri, target.key, value);
  } else {
    value = await vscode.window.showInputBox({ title: `Tokenomics: ${choice.choice.label}`, prompt: `Now ${choice.choice.current}`, validateInput: validateCount });
  }
  if (!value) return undefined;
  const document = await vscode.workspace.openTextDocument(uri);
  const spec = annotationEdit(document.getText(), choice.choice.line, document.languageId, { [choice.choice.key]: value.trim() });
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(spec.line - 1, 0), spec.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  ctx.log.info(`Set ${choice.choice.key}=${value.trim()} above ${vscode.workspace.asRelativePath(document.uri)}:${choice.choice.line} (${applied ? 'applied' : 'refused'})`);
  return applied;
};

/** The site's model now and how it was found; the vendor whose default it is, when the tool assumed it. */
function siteModel(report: FileReport, siteId: string, assumptions: Assumptions): SiteModel {
  const loop = report.agentLoops.find((l) => l.id === siteId);
  const call = loop ? report.calls.find((c) => c.id === loop.callId) : report.calls.find((c) => c.id === siteId);
  const current = loop?.model ?? call?.modelResolved ?? call?.model;
  const source = loop?.modelSource ?? call?.modelSource;
  if (source?.from !== 'vendor-default') return { current, source };
  // The SDK's vendor; else the one vendor whose default is this model.
  const byDefault = Object.entries(assumptions.defaultModels ?? {}).filter(([, m]) => m === current);
  const vendor = (call && vendorOf({ framework: call.framework })) ?? (byDefault.length === 1 ? byDefault[0][0] : undefined);
  return { current, source, ...(vendor ? { vendor } : {}) };
}

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
