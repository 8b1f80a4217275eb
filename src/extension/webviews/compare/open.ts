/**
 * Turns a `tokenomics.compareProviders` request into what to compare: the site
 * it names (hover link, CodeLens), else the selection or the site under the
 * cursor of the active editor, else a blank workload.
 */
import * as vscode from 'vscode';
import { estimateForSite } from '../../../core/estimate';
import { countTokensForModel } from '../../../core/tokenize';
import { sitesAt } from '../../analysis/sites';
import type { CompareRequest } from '../../compare-request';
import type { TokenomicsContext } from '../../context';
import { blankSubject, selectionSubject, subjectOfSite, type CompareSubject } from './source';

/** A selection longer than this is not counted for the panel (it would be a file, not a prompt). */
const MAX_SELECTION_CHARS = 2_000_000;

export async function subjectFor(ctx: TokenomicsContext, request: CompareRequest): Promise<CompareSubject> {
  const editor = vscode.window.activeTextEditor;
  const resource = request.uri ? vscode.Uri.parse(request.uri, true) : editor?.document.uri;
  const assumptions = ctx.config.settings(resource).assumptions;
  if (request.uri && request.siteId) {
    const found = await ctx.analysis.siteFor(request);
    if (found?.site) return subjectOfSite(found.report, found.site, assumptions, estimateForSite(found.report, found.site.site.id, ctx.catalog.current(), assumptions));
    ctx.log.warn(`Compare Providers: site ${request.siteId} is no longer in ${request.uri}; using the cursor instead`);
  }
  if (!editor) return blankSubject(assumptions);
  const where = vscode.workspace.asRelativePath(editor.document.uri, false);
  if (!editor.selection.isEmpty) {
    const text = editor.document.getText(editor.selection);
    if (text.length <= MAX_SELECTION_CHARS) {
      const count = countTokensForModel(text, assumptions.defaultModel);
      return selectionSubject(count.tokens, count.tokenizer, where, assumptions);
    }
  }
  const found = await ctx.analysis.siteFor({ uri: editor.document.uri.toString() });
  if (found) {
    const pos = editor.selection.active;
    const [site] = sitesAt(found.report, pos.line + 1, pos.character + 1);
    if (site) return subjectOfSite(found.report, site, assumptions, estimateForSite(found.report, site.site.id, ctx.catalog.current(), assumptions));
  }
  return blankSubject(assumptions);
}
