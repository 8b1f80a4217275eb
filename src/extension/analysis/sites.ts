/**
 * Finding the site of a FileReport under a position. Pure: positions are the
 * report's 1-based line/column, the glue converts from VS Code's 0-based ones.
 */
import type { AgentLoopReport, CallReport, FileReport, PromptReport, Span } from '../../core/report/types';

export type Site =
  | { readonly kind: 'prompt'; readonly site: PromptReport }
  | { readonly kind: 'call'; readonly site: CallReport }
  | { readonly kind: 'loop'; readonly site: AgentLoopReport };

export function spanContains(span: Span, line: number, column: number): boolean {
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && column < span.column) return false;
  if (line === span.endLine && column > span.endColumn) return false;
  return true;
}

/** Smaller spans first: a prompt inside a call inside a loop resolves to the prompt. */
function spanSize(span: Span): number {
  return (span.endLine - span.line) * 100_000 + (span.endColumn - span.column);
}

export function sitesAt(report: FileReport, line: number, column: number): Site[] {
  const found: Site[] = [
    ...report.prompts.filter((s) => spanContains(s, line, column)).map((site) => ({ kind: 'prompt' as const, site })),
    ...report.calls.filter((s) => spanContains(s, line, column)).map((site) => ({ kind: 'call' as const, site })),
    ...report.agentLoops.filter((s) => spanContains(s, line, column)).map((site) => ({ kind: 'loop' as const, site })),
  ];
  return found.sort((a, b) => spanSize(a.site) - spanSize(b.site));
}

export function promptAt(report: FileReport, line: number, column: number): PromptReport | undefined {
  const hit = sitesAt(report, line, column).find((s) => s.kind === 'prompt');
  return hit?.kind === 'prompt' ? hit.site : undefined;
}

export function findSite(report: FileReport, siteId: string): Site | undefined {
  const prompt = report.prompts.find((s) => s.id === siteId);
  if (prompt) return { kind: 'prompt', site: prompt };
  const call = report.calls.find((s) => s.id === siteId);
  if (call) return { kind: 'call', site: call };
  const loop = report.agentLoops.find((s) => s.id === siteId);
  return loop ? { kind: 'loop', site: loop } : undefined;
}

/** The call a prompt flows into, if detection linked them. */
export function callOfPrompt(report: FileReport, promptId: string): CallReport | undefined {
  return report.calls.find((c) => c.promptIds.includes(promptId));
}

/** The loop that drives a call, if any. */
export function loopOfCall(report: FileReport, callId: string): AgentLoopReport | undefined {
  return report.agentLoops.find((l) => l.callId === callId);
}
