import * as vscode from 'vscode';
import type { TokenomicsContext } from '../context';
import { DIAGNOSTIC_SOURCE, diagnosticSpecs, type DiagnosticSpec } from '../diagnostics/specs';
import type { Feature } from '../feature';
import { cheapestAndFastest } from '../core-api';
import { DOCUMENT_SELECTOR } from '../selector';
import { fixPlans } from './plans';
import type { TextEditSpec } from './edits';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return c === undefined ? undefined : String(c);
}

function toRange(e: TextEditSpec): vscode.Range {
  return new vscode.Range(e.line - 1, e.column - 1, e.endLine - 1, e.endColumn - 1);
}

/**
 * Quick fixes for our diagnostics: a step limit in the framework's own
 * option, a switch to a suggested or cheaper model, an annotation comment.
 * Each is a WorkspaceEdit (undoable); nothing is written directly.
 */
class TokenomicsCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly ctx: TokenomicsContext) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const report = this.ctx.analysis.peek(document) ?? this.ctx.analysis.latest(document);
    if (!report) return [];
    const settings = this.ctx.config.settings(document.uri);
    const specs = diagnosticSpecs(report, settings.assumptions.budgets);
    const catalog = this.ctx.catalog.current();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const spec = specs.find((s) => s.code === codeOf(diagnostic) && s.line - 1 === diagnostic.range.start.line);
      if (!spec) continue;
      const plans = fixPlans({
        spec,
        report,
        text: document.getText(),
        languageId: document.languageId,
        frameworks: catalog.frameworks,
        cheaperModel: this.cheaperModel(spec, report),
      });
      for (const plan of plans) {
        const action = new vscode.CodeAction(plan.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = plan.preferred;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, toRange(plan.edit), plan.edit.newText);
        actions.push(action);
      }
    }
    return actions;
  }

  private cheaperModel(spec: DiagnosticSpec, report: Parameters<typeof diagnosticSpecs>[0]): string | undefined {
    if (!spec.code.startsWith('over-budget') && spec.code !== 'context-overflow') return undefined;
    const loop = report.agentLoops.find((l) => l.id === spec.siteId);
    const call = report.calls.find((c) => c.id === (loop?.callId ?? spec.siteId));
    const workload = loop?.workload ?? call?.workload;
    if (!workload) return undefined;
    const rows = cheapestAndFastest(this.ctx.catalog.current(), workload, call?.offering);
    return rows[0]?.model;
  }
}

export const quickFixFeature: Feature = {
  name: 'quickfix',
  activate(ctx, scope) {
    if (!ctx.config.surfaces().diagnostics) return;
    scope.add(vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new TokenomicsCodeActions(ctx), { providedCodeActionKinds: TokenomicsCodeActions.kinds }));
  },
};
