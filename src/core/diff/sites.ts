/**
 * The priced sites of a file report, as the diff compares them: each with what
 * identifies it across revisions (kind, framework and an anchor read from the
 * source at the site: the API it calls, the loop's construct) and the figures
 * whose change makes it `changed`.
 */
import type { Price } from '../cost/types';
import { siteCosts } from '../report/totals';
import type { FileReport, SiteScope } from '../report/types';
import type { Assumptions } from '../workload';
import type { DiffSiteKind } from './types';

export interface ComparableSite {
  readonly path: string;
  readonly line: number;
  readonly kind: DiffSiteKind;
  readonly framework: string;
  readonly scope?: SiteScope;
  /** What the code at the site calls or constructs, receiver dropped: `chat.completions.create`, `while`, `Agent`. */
  readonly anchor: string;
  readonly model: string;
  readonly perUnit: Price;
  readonly monthly: Price;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly steps?: number;
  readonly bounded?: boolean;
  readonly callsPerDay: number;
  readonly caching?: boolean;
  readonly batch?: boolean;
  readonly tools?: number;
}

/**
 * The callee or construct at a 1-based line and column: the dotted name that starts there,
 * without its first segment when it has several (the receiver's name is a local choice).
 */
export function anchorAt(lines: readonly string[] | undefined, line: number, column: number): string {
  const text = lines?.[line - 1]?.slice(Math.max(0, column - 1)) ?? '';
  const m = /^(?:await\s+|async\s+)?([A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*)/.exec(text);
  if (!m) return '';
  const parts = m[1].split(/\s*\??\.\s*/);
  return (parts.length > 1 ? parts.slice(1) : parts).join('.');
}

export function comparableSites(file: FileReport, text: string | undefined, assumptions: Assumptions): ComparableSite[] {
  const lines = text?.split(/\r?\n/);
  const out: ComparableSite[] = [];
  for (const s of siteCosts(file, assumptions)) {
    const base = { path: file.path, line: s.line, kind: s.kind, framework: s.framework, model: s.model, perUnit: s.perUnit, monthly: s.monthly, ...(file.scope ? { scope: file.scope } : {}) };
    if (s.kind === 'loop') {
      const l = file.agentLoops.find((x) => x.id === s.siteId)!;
      out.push({ ...base, anchor: anchorAt(lines, l.line, l.column), inputTokens: l.workload.inputTokens, outputTokens: l.workload.outputTokens, steps: l.maxSteps, bounded: l.bounded, callsPerDay: l.workload.callsPerDay, caching: l.workload.caching, batch: l.workload.batch });
    } else if (s.kind === 'call') {
      const c = file.calls.find((x) => x.id === s.siteId)!;
      out.push({ ...base, anchor: anchorAt(lines, c.line, c.column), inputTokens: c.inputTokens, outputTokens: c.outputTokens, callsPerDay: c.workload.callsPerDay, caching: c.workload.caching, batch: c.workload.batch, tools: c.tools.length });
    } else {
      out.push({ ...base, anchor: 'instructions', inputTokens: file.instructions?.tokensPerRequest ?? 0, outputTokens: 0, callsPerDay: assumptions.callsPerDay });
    }
  }
  return out;
}
