/**
 * CodeLens titles and their click arguments, from the core's site estimates. Pure: the
 * glue turns each `LensSpec` into a `vscode.CodeLens`.
 *   call:         `$0.0042/call · 1.8k in → 500 out · 2.1 s · gpt-4.1`
 *   loop:         `≤15 steps · $0.38/task · agent tax ×31 · ~48 s · gpt-4.1 (assumed)`
 *   instructions: `1,234 tokens/request · $0.0037/request · $0.37 per 100 requests on claude-sonnet-4-5`
 * The figure (`$0.0042/call`) is `formatFigure` of the estimate: the same text as the hover,
 * the status bar, Compare's pinned row and the report sidebar.
 */
import type { Catalog } from '../../core/catalog/types';
import { siteEstimates } from '../../core/estimate';
import type { SiteEstimate } from '../../core/estimate/types';
import { formatEstimateInput, formatFigure } from '../../core/format/estimate';
import { formatAssumption, formatModelWithSource, isAssumedModel } from '../../core/format/provenance';
import type { FileReport, InstructionFileReport } from '../../core/report/types';
import type { Assumptions } from '../../core/workload';
import { formatDuration, formatTokens, integerText, multiplierText, priceText } from '../present/format';

export interface LensSpec {
  /** 1-based line the lens sits above. */
  readonly line: number;
  readonly title: string;
  readonly tooltip: string;
  readonly siteId?: string;
}

/** `gpt-4.1`, or `gpt-4.1 (assumed)` when nothing in the code or config named it. */
export function lensModel(e: SiteEstimate): string {
  return isAssumedModel(e.model.source) ? `${e.model.id} (assumed)` : e.model.id;
}

export function callLensTitle(e: SiteEstimate): string {
  const parts = [formatFigure(e), `${formatEstimateInput(e)} in → ${formatTokens(e.tokens.output)} out`];
  if (e.latencyMs !== undefined) parts.push(formatDuration(e.latencyMs));
  parts.push(lensModel(e));
  return parts.join(' · ');
}

function stepsText(e: SiteEstimate): string {
  const s = e.steps!;
  if (s.limit !== undefined) return `~${s.count} steps (limit ${integerText(s.limit)})`;
  if (s.bounded) return `≤${s.count} steps`;
  return `unbounded (assumed ${s.count} steps)`;
}

export function loopLensTitle(e: SiteEstimate): string {
  const parts = [stepsText(e), formatFigure(e)];
  if (e.agentTax !== undefined) parts.push(`agent tax ${multiplierText(e.agentTax)}`);
  if (e.latencyMs !== undefined) parts.push(`~${formatDuration(e.latencyMs)}`);
  if (e.overflowStep !== undefined) parts.push(`overflows at step ${e.overflowStep}`);
  parts.push(lensModel(e));
  return parts.join(' · ');
}

export function instructionsLensTitle(e: SiteEstimate, info: InstructionFileReport): string {
  return `${integerText(info.tokensPerRequest)} tokens/request · ${formatFigure(e)} · ${priceText(info.costPer100Requests)} per 100 requests on ${info.model}`;
}

/** The model with its provenance, then each assumption with its source. */
function tooltip(e: SiteEstimate, what: string): string {
  const lines = [`${what}: ${e.basis}. Model: ${formatModelWithSource(e.model.id, e.model.source, e.path)}.`];
  if (e.steps) lines.push(`Steps: ${e.steps.count} (${e.steps.from}${e.steps.limit !== undefined ? `; the framework's limit is ${integerText(e.steps.limit)}` : ''}). ${formatEstimateInput(e)} input / ${formatTokens(e.tokens.output)} output tokens per task.`);
  if (e.assumptions.length > 0) lines.push(`Assumptions: ${e.assumptions.map(formatAssumption).join('; ')}.`);
  lines.push('Click to compare providers.');
  return lines.join('\n');
}

/**
 * One lens per agent loop and per call not already covered by a loop's lens on the same
 * line; the instruction-file lens sits on line 1.
 */
export function lensSpecs(report: FileReport, catalog: Catalog, assumptions: Assumptions): LensSpec[] {
  const estimates = siteEstimates(report, catalog, assumptions);
  const specs: LensSpec[] = [];
  const instructions = estimates.find((e) => e.kind === 'instructions');
  if (instructions && report.instructions) {
    specs.push({ line: 1, title: instructionsLensTitle(instructions, report.instructions), tooltip: tooltip(instructions, 'Tokens this file adds to every request of a coding agent') });
  }
  const loopLines = new Set(report.agentLoops.map((l) => l.line));
  for (const e of estimates) {
    if (e.kind === 'loop') specs.push({ line: e.line, title: loopLensTitle(e), tooltip: tooltip(e, `${e.framework} loop`), siteId: e.siteId });
    if (e.kind !== 'call') continue;
    const drivenByLoopHere = loopLines.has(e.line) && report.agentLoops.some((l) => l.callId === e.siteId);
    if (!drivenByLoopHere) specs.push({ line: e.line, title: callLensTitle(e), tooltip: tooltip(e, `${e.framework} call`), siteId: e.siteId });
  }
  return specs.sort((a, b) => a.line - b.line);
}
