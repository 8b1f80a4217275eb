import * as vscode from 'vscode';
import type { FileReport, PromptReport } from '../../core/report/types';
import { resolveModel } from '../core-api';
import { callOfPrompt, promptAt } from '../analysis/sites';
import { offeringFacts, offeringsOf } from '../catalog-facts';
import type { TokenomicsContext } from '../context';
import type { DisposableScope, Feature } from '../feature';
import { spanRange } from '../ranges';
import { DOCUMENT_SELECTOR } from '../selector';
import { alternativesFor } from './alternatives';
import { COMPARE_COMMAND, modelHoverMarkdown, promptHoverMarkdown } from './content';

/** A quoted string under the cursor, short enough to be a model id. */
const QUOTED = /(["'`])[\w.:/@-]{2,100}\1/;

function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown);
  // Only our own command may run from a link; the text itself is escaped by the builders.
  md.isTrusted = { enabledCommands: [COMPARE_COMMAND] };
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
    const prompt = promptAt(report, position.line + 1, position.character + 1);
    if (!prompt) return undefined;
    return new vscode.Hover(trusted(this.promptMarkdown(document, report, prompt)), spanRange(prompt));
  }

  private promptMarkdown(document: vscode.TextDocument, report: FileReport, prompt: PromptReport): string {
    const catalog = this.ctx.catalog.current();
    const call = callOfPrompt(report, prompt.id);
    const resolution = resolveModel(catalog, prompt.model);
    // The call's own offering when the code names a provider (Bedrock, Vertex…), else the model's default one.
    const offering = (call?.offering ? catalog.offerings.find((o) => o.id === call.offering) : undefined) ?? (resolution.kind === 'resolved' ? resolution.offering : undefined);
    const settings = this.ctx.config.settings(document.uri);
    return promptHoverMarkdown({
      prompt,
      offering: offering ? offeringFacts(catalog, offering, resolution.kind === 'resolved' ? resolution.model : undefined) : undefined,
      outputTokens: call?.outputTokens ?? settings.assumptions.outputTokens,
      outputFrom: call && !call.assumed.includes('outputTokens') ? 'code' : 'setting',
      alternatives: alternativesFor(this.ctx, report, prompt, call, call?.offering ?? offering?.id),
      link: { uri: document.uri.toString(), siteId: call?.id ?? prompt.id },
    });
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
