/**
 * CodeLens titles and their click arguments, from a FileReport. Pure: the
 * glue turns each `LensSpec` into a `vscode.CodeLens`.
 *   call:         `$0.0042/call · 1.8k in → 0.5k out · 2.1 s`
 *   loop:         `≤15 steps · $0.38/task · agent tax ×31 · ~48 s`
 *   instructions: `1,234 tokens/request · $0.37 per 100 requests on claude-sonnet-4-5`
 */
import type { AgentLoopReport, CallReport, FileReport, InstructionFileReport } from '../../core/report/types';
import { formatDuration, formatTokens, integerText, multiplierText, priceText } from '../present/format';

export interface LensSpec {
  /** 1-based line the lens sits above. */
  readonly line: number;
  readonly title: string;
  readonly tooltip: string;
  readonly siteId?: string;
}

export function callLensTitle(call: CallReport): string {
  const parts = [
    `${priceText(call.costPerCall)}/call`,
    `${formatTokens(call.inputTokens)} in → ${formatTokens(call.outputTokens)} out`,
  ];
  if (call.latencyMs !== undefined) parts.push(formatDuration(call.latencyMs));
  return parts.join(' · ');
}

function stepsText(loop: AgentLoopReport): string {
  if (loop.stepLimit !== undefined) return `~${loop.maxSteps} steps (limit ${integerText(loop.stepLimit)})`;
  if (loop.bounded) return `≤${loop.maxSteps} steps`;
  return `unbounded (assumed ${loop.maxSteps} steps)`;
}

function agentTaxText(tax: number): string {
  return `agent tax ${multiplierText(tax)}`;
}

export function loopLensTitle(loop: AgentLoopReport): string {
  const parts = [stepsText(loop), `${priceText(loop.costPerTask)}/task`];
  if (loop.agentTax !== undefined) parts.push(agentTaxText(loop.agentTax));
  if (loop.latencyMs !== undefined) parts.push(`~${formatDuration(loop.latencyMs)}`);
  if (loop.overflowStep !== undefined) parts.push(`overflows at step ${loop.overflowStep}`);
  return parts.join(' · ');
}

export function instructionsLensTitle(info: InstructionFileReport): string {
  return `${integerText(info.tokensPerRequest)} tokens/request · ${priceText(info.costPer100Requests)} per 100 requests on ${info.model}`;
}

function loopTooltip(loop: AgentLoopReport): string {
  const from = { code: 'read from code', 'framework-default': "the framework's default", annotation: 'an annotation', assumed: 'assumed (setting)' }[loop.stepsFrom];
  const limit = loop.stepLimit !== undefined ? ` (the framework's default limit is ${integerText(loop.stepLimit)})` : '';
  return `${loop.framework} loop: ${loop.maxSteps} steps, ${from}${limit}. ${formatTokens(loop.tokens.input)} input / ${formatTokens(loop.tokens.output)} output tokens per task. Click to compare providers.`;
}

/**
 * One lens per agent loop and per call not already covered by a loop's lens
 * on the same line; the instruction-file lens sits on line 1.
 */
export function lensSpecs(report: FileReport): LensSpec[] {
  const specs: LensSpec[] = [];
  if (report.instructions) {
    specs.push({
      line: 1,
      title: instructionsLensTitle(report.instructions),
      tooltip: `Tokens this file adds to every request of a coding agent, priced on ${report.instructions.model}.`,
    });
  }
  const loopLines = new Set<number>();
  for (const loop of report.agentLoops) {
    loopLines.add(loop.line);
    specs.push({ line: loop.line, title: loopLensTitle(loop), tooltip: loopTooltip(loop), siteId: loop.id });
  }
  for (const call of report.calls) {
    const drivenByLoopHere = loopLines.has(call.line) && report.agentLoops.some((l) => l.callId === call.id);
    if (drivenByLoopHere) continue;
    const model = call.modelResolved ?? call.model ?? 'the default model';
    specs.push({ line: call.line, title: callLensTitle(call), tooltip: `One call on ${model}. Click to compare providers.`, siteId: call.id });
  }
  return specs.sort((a, b) => a.line - b.line);
}
