/** The warnings a report carries: where money leaks, and what could not be read or priced. */
import type { FrameworkDefault } from '../catalog/types';
import type { Price } from '../cost/types';
import type { DetectedCall, DetectedFile, DetectedLoop } from '../detect/types';
import { formatUsd } from '../format';
import type { Budgets } from '../workload';
import type { ModelChoice } from './models';
import type { AgentLoopReport, DiagnosticReport, Span } from './types';

function span(s: Span): Span {
  return { line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn };
}

/** The head of a site only: a diagnostic on a 200-line agent definition should underline its first line. */
function head(s: Span): Span {
  return s.endLine > s.line ? { line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 1 } : span(s);
}

export function detectionDiagnostics(file: DetectedFile): DiagnosticReport[] {
  return file.issues.map((i) => ({
    ...span(i),
    severity: i.code === 'annotation' ? 'warning' : 'information',
    code: i.code === 'file-skipped' ? 'file-skipped' : 'parse-error',
    message: i.message,
  }));
}

export function modelDiagnostics(call: DetectedCall, model: ModelChoice, cost: Price): DiagnosticReport[] {
  if (model.source === 'unknown') {
    return [
      {
        ...head(call),
        severity: 'information',
        code: 'unknown-model',
        message: `Model '${model.id}' is not in the catalog, so this call is unpriced${model.suggestion ? `; did you mean '${model.suggestion}'?` : '.'} Add it under customModels in tokenomics.json if it is yours.`,
        siteId: call.id,
        ...(model.suggestion ? { suggestion: model.suggestion } : {}),
      },
    ];
  }
  if (cost.kind === 'unpriced') {
    return [{ ...head(call), severity: 'information', code: 'unpriced-model', message: `No price for ${model.id}: ${cost.missing.join(', ')}.`, siteId: call.id }];
  }
  return [];
}

export function loopDiagnostics(loop: DetectedLoop, report: AgentLoopReport, fw: FrameworkDefault | undefined, contextWindow: number | undefined): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  if (!report.bounded) {
    const why = loop.framework === 'hand-written' ? 'This loop has no step bound' : `${loop.framework} sets no step limit by default${fw?.stepOption ? ` (set ${fw.stepOption})` : ''}`;
    const cost = report.costPerTask.kind === 'priced' ? ` (${formatUsd(report.costPerTask.usd)} per task)` : '';
    // An annotation (`tokenomics: steps=N`) is the user stating the bound they expect: still
    // true that the code has none, but no longer a surprise, so it is information, not a warning.
    const acknowledged = report.stepsFrom === 'annotation';
    out.push({
      ...head(loop),
      severity: acknowledged ? 'information' : 'warning',
      code: 'unbounded-loop',
      message: acknowledged
        ? `${why}; priced at the ${report.maxSteps} steps its annotation states${cost}.`
        : `${why}: a task may run until the context overflows. Priced at an assumed ${report.maxSteps} steps${cost}${statedHigh(report)}.`,
      siteId: loop.id,
    });
  }
  if (report.overflowStep !== undefined) {
    out.push({
      ...head(loop),
      severity: 'error',
      code: 'context-overflow',
      message: `The context passes the model's window${contextWindow ? ` (${contextWindow.toLocaleString('en-US')} tokens)` : ''} at step ${report.overflowStep} of ${report.maxSteps}.`,
      siteId: loop.id,
    });
  }
  return out;
}

export function budgetDiagnostics(kind: 'call' | 'task', site: DetectedCall | DetectedLoop, cost: Price, budgets: Budgets): DiagnosticReport[] {
  const limit = kind === 'call' ? budgets.perCallUsd : budgets.perTaskUsd;
  const checked = budgetFigure(cost, budgets);
  if (limit === undefined || checked === undefined || checked <= limit) return [];
  return [
    {
      ...head(site),
      severity: 'warning',
      code: kind === 'call' ? 'over-budget-call' : 'over-budget-task',
      message: `${formatUsd(checked)} per ${kind}${budgets.on === 'high' ? ' (the high end of its range)' : ''} is over the ${formatUsd(limit)} budget per ${kind}.`,
      siteId: site.id,
    },
  ];
}

/** The figure a budget is checked against: the expected value, or with `on: 'high'` the high end of the range. */
export function budgetFigure(cost: Price, budgets: Budgets): number | undefined {
  if (cost.kind !== 'priced') return undefined;
  return budgets.on === 'high' ? (cost.high ?? cost.usd) : cost.usd;
}

/** For an unbounded loop: the high end of its range, at the stated high step count (docs/cost.md, Ranges). */
function statedHigh(report: AgentLoopReport): string {
  const p = report.costPerTask;
  const steps = report.rangeInputs?.steps?.high;
  if (p.kind !== 'priced' || p.high === undefined || steps === undefined || steps <= report.maxSteps) return '';
  return `; up to ${formatUsd(p.high)} per task at ${steps} steps, the stated high of its range`;
}
