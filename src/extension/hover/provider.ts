import * as vscode from 'vscode';
import { resolveModel } from '../core-api';
import { offeringFacts, offeringsOf } from '../catalog-facts';
import type { TokenomicsContext } from '../context';
import type { DisposableScope, Feature } from '../feature';
import { spanRange } from '../ranges';
import { DOCUMENT_SELECTOR } from '../selector';
import { alternativesFor } from './alternatives';
import { COMPARE_COMMAND, modelHoverMarkdown, SET_ASSUMPTION_COMMAND } from './content';
import { hoverMarkdownFor, hoverTargetAt } from './targets';

/** A quoted string under the cursor, short enough to be a model id. */
const QUOTED = /(["'`])[\w.:/@-]{2,100}\1/;
/** An identifier: a prompt's name where it is declared or used. */
const IDENTIFIER = /[A-Za-z_$][\w$]*/;

function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  // Only our own commands may run from a link; the text itself is escaped by the builders.
  md.isTrusted = { enabledCommands: [COMPARE_COMMAND, SET_ASSUMPTION_COMMAND] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

class TokenomicsHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ctx: TokenomicsContext) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    try {
      return await this.hover(document, position, token);
    } catch (err) {
      this.ctx.log.error(`Hover in ${document.uri.fsPath}:${position.line + 1} failed`, err);
      return undefined;
    }
  }

  private async hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const report = await this.ctx.analysis.get(document, token);
    if (!report || token.isCancellationRequested) return undefined;
    const modelHover = this.modelHover(document, position);
    if (modelHover) return modelHover;
    const wordRange = document.getWordRangeAtPosition(position, IDENTIFIER);
    const word = wordRange ? document.getText(wordRange) : undefined;
    const target = hoverTargetAt(report, position.line + 1, position.character + 1, word);
    if (!target) return undefined;
    const settings = this.ctx.config.settings(document.uri);
    const markdown = hoverMarkdownFor(report, target, this.ctx.catalog.current(), settings.assumptions, document.uri.toString(), alternativesFor(this.ctx, report, target));
    // An identifier's hover covers the word; a prompt's or call's covers its span; a loop's its first line.
    const range = target.kind === 'loop' ? document.lineAt(target.site.line - 1).range : target.kind === 'prompt' && !spanRange(target.site).contains(position) && wordRange ? wordRange : spanRange(target.site);
    return new vscode.Hover(trusted(markdown), range);
  }

  private modelHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const range = document.getWordRangeAtPosition(position, QUOTED);
    if (!range) return undefined;
    const written = document.getText(range).slice(1, -1);
    const catalog = this.ctx.catalog.current();
    const resolution = resolveModel(catalog, written);
    if (resolution.kind !== 'resolved') return undefined;
    const facts = offeringsOf(catalog, resolution.model).map((o) => offeringFacts(catalog, o, resolution.model));
    return new vscode.Hover(trusted(modelHoverMarkdown(written, facts)), range);
  }
}

export const hoverFeature: Feature = {
  name: 'hover',
  activate(ctx: TokenomicsContext, scope: DisposableScope): void {
    if (!ctx.config.surfaces().hover) return;
    scope.add(vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new TokenomicsHoverProvider(ctx)));
  },
};
