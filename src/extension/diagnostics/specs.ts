/**
 * The diagnostics of one document, from its FileReport and the budgets in
 * settings. Pure: the glue turns each spec into a `vscode.Diagnostic` with
 * source "Tokenomics" and a code that links to the README section.
 */
import type { Price } from '../../core/cost/types';
import { billsOnItsOwn } from '../../core/report/roles';
import type { DiagnosticCode, DiagnosticReport, FileReport, FindingFix, Severity, Span } from '../../core/report/types';
import type { Budgets } from '../../core/workload';
import { formatUsd, priceText } from '../present/format';

export const DIAGNOSTIC_SOURCE = 'Tokenomics';

/** README anchors, one per code; README.md defines a heading for each. */
export const DIAGNOSTIC_ANCHORS: Readonly<Record<DiagnosticCode, string>> = {
  'unbounded-loop': 'diagnostic-unbounded-loop',
  'context-overflow': 'diagnostic-context-overflow',
  'over-budget-call': 'diagnostic-over-budget-call',
  'over-budget-task': 'diagnostic-over-budget-task',
  'over-budget-monthly': 'diagnostic-over-budget-monthly',
  'unknown-model': 'diagnostic-unknown-model',
  'unpriced-model': 'diagnostic-unpriced-model',
  'parse-error': 'diagnostic-parse-error',
  'file-skipped': 'diagnostic-file-skipped',
  'cache-opportunity': 'diagnostic-cache-opportunity',
  'cache-breaker': 'diagnostic-cache-breaker',
  'no-output-cap': 'diagnostic-no-output-cap',
  batchable: 'diagnostic-batchable',
  'model-fit': 'diagnostic-model-fit',
};

/**
 * The editor's severity per code, whatever the report says: a loop that may
 * not stop or a budget overrun is a warning, a request the API would reject is
 * an error, an unknown model is information (the site says "unpriced").
 */
const EDITOR_SEVERITY: Partial<Record<DiagnosticCode, Severity>> = {
  'unbounded-loop': 'warning',
  'context-overflow': 'error',
  'over-budget-call': 'warning',
  'over-budget-task': 'warning',
  'over-budget-monthly': 'warning',
  'unknown-model': 'information',
};

export interface DiagnosticSpec extends Span {
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly anchor: string;
  readonly siteId?: string;
  readonly suggestion?: string;
  /** For a savings finding: the edit its quick fix makes. */
  readonly fix?: FindingFix;
}

function usdOf(price: Price): number | undefined {
  return price.kind === 'priced' ? price.usd : undefined;
}

function spanOf(s: Span): Span {
  return { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** Adds the figures the issue promises when the report's message lacks them. */
function enrich(d: DiagnosticReport, report: FileReport): string {
  const loop = d.siteId ? report.agentLoops.find((l) => l.id === d.siteId) : undefined;
  if (d.code === 'unbounded-loop' && loop && loop.costPerTask.kind === 'priced' && !d.message.includes('$')) {
    const steps = /\d+ steps/.test(d.message) ? '' : ` at ${loop.maxSteps} assumed steps`;
    return `${d.message} (${priceText(loop.costPerTask)} per task${steps})`;
  }
  if (d.code === 'context-overflow' && loop?.overflowStep !== undefined && !/step \d/.test(d.message)) {
    return `${d.message} (at step ${loop.overflowStep})`;
  }
  return d.message;
}

function budgetSpecs(report: FileReport, budgets: Budgets): DiagnosticSpec[] {
  const out: DiagnosticSpec[] = [];
  const over = (code: DiagnosticCode, span: Span, siteId: string | undefined, message: string): void => {
    out.push({ ...spanOf(span), severity: 'warning', code, message, anchor: DIAGNOSTIC_ANCHORS[code], siteId });
  };
  if (budgets.perCallUsd !== undefined) {
    // As the scan does: a call priced as a step of a task is checked against the per-task budget; a binding or
    // a chat-model class's implementation has no bill of its own.
    for (const call of report.calls.filter(billsOnItsOwn)) {
      const usd = usdOf(call.costPerCall);
      if (usd !== undefined && usd > budgets.perCallUsd) {
        over('over-budget-call', call, call.id, `${formatUsd(usd)} per call is over the per-call budget of ${formatUsd(budgets.perCallUsd)}`);
      }
    }
  }
  if (budgets.perTaskUsd !== undefined) {
    for (const loop of report.agentLoops) {
      const usd = usdOf(loop.costPerTask);
      if (usd !== undefined && usd > budgets.perTaskUsd) {
        over('over-budget-task', loop, loop.id, `${formatUsd(usd)} per task is over the per-task budget of ${formatUsd(budgets.perTaskUsd)}`);
      }
    }
  }
  const monthly = usdOf(report.monthlyCost);
  if (budgets.monthlyUsd !== undefined && monthly !== undefined && monthly > budgets.monthlyUsd) {
    const first = report.agentLoops[0] ?? report.calls[0];
    const span = first ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    over('over-budget-monthly', span, first?.id, `This file projects ${formatUsd(monthly)} a month, over the monthly budget of ${formatUsd(budgets.monthlyUsd)}`);
  }
  return out;
}

/**
 * The report's diagnostics (messages completed with their figures) plus budget
 * checks the report did not already make. Budgets come from settings, so the
 * editor re-checks them without re-analysing when only a budget changes.
 */
export function diagnosticSpecs(report: FileReport, budgets: Budgets): DiagnosticSpec[] {
  const fromReport: DiagnosticSpec[] = report.diagnostics.map((d) => ({
    ...spanOf(d),
    severity: EDITOR_SEVERITY[d.code] ?? d.severity,
    code: d.code,
    message: enrich(d, report),
    anchor: DIAGNOSTIC_ANCHORS[d.code] ?? 'diagnostics',
    siteId: d.siteId,
    suggestion: d.suggestion,
    ...(d.fix ? { fix: d.fix } : {}),
  }));
  const seen = new Set(fromReport.map((d) => `${d.code}:${d.siteId ?? d.line}`));
  const extra = budgetSpecs(report, budgets).filter((d) => !seen.has(`${d.code}:${d.siteId ?? d.line}`));
  return [...fromReport, ...extra];
}
