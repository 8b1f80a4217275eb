import * as vscode from 'vscode';
import type { Severity } from '../../core/report/types';
import type { TokenomicsContext } from '../context';
import type { Feature } from '../feature';
import { spanRange } from '../ranges';
import { DIAGNOSTIC_SOURCE, diagnosticSpecs, type DiagnosticSpec } from './specs';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(spec: DiagnosticSpec, readme: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(spanRange(spec), spec.message, SEVERITY[spec.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: spec.code, target: readme.with({ fragment: spec.anchor }) };
  return d;
}

/** Publishes each analysed document's findings; clears them when the document closes. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  activate(ctx: TokenomicsContext, scope) {
    if (!ctx.config.surfaces().diagnostics) return;
    const collection = scope.add(vscode.languages.createDiagnosticCollection('tokenomics'));
    const readme = vscode.Uri.joinPath(ctx.extension.extensionUri, 'README.md');
    const publish = (document: vscode.TextDocument): void => {
      const report = ctx.analysis.peek(document);
      if (!report) return;
      const budgets = ctx.config.settings(document.uri).assumptions.budgets;
      collection.set(document.uri, diagnosticSpecs(report, budgets).map((s) => toDiagnostic(s, readme)));
    };
    scope.add(ctx.analysis.onDidAnalyze(publish));
    scope.add(vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)));
    for (const document of vscode.workspace.textDocuments) ctx.analysis.schedule(document, 0);
  },
};
