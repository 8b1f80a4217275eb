/**
 * What a hover points at, and the markdown it shows. Pure (no `vscode`): the provider
 * passes 1-based positions and the word under the cursor; unit tests and the bench call
 * the same functions on core-built reports.
 *
 * Where users point: a prompt's text, a prompt's identifier (where it is declared and where
 * it is used), a call (its callee and arguments), and the first line of a loop or agent.
 */
import type { Catalog } from '../../core/catalog/types';
import { estimateForSite, spanContains } from '../../core/estimate';
import type { SiteEstimate } from '../../core/estimate/types';
import type { AgentLoopReport, CallReport, FileReport, PromptReport, Span } from '../../core/report/types';
import type { Assumptions } from '../../core/workload';
import { promptKindLabel, siteHoverMarkdown, type AlternativeRow } from './content';

export type HoverTarget =
  | { readonly kind: 'prompt'; readonly site: PromptReport }
  | { readonly kind: 'call'; readonly site: CallReport }
  | { readonly kind: 'loop'; readonly site: AgentLoopReport };

function size(span: Span): number {
  return (span.endLine - span.line) * 100_000 + (span.endColumn - span.column);
}

function smallest<T extends Span>(spans: readonly T[]): T | undefined {
  return [...spans].sort((a, b) => size(a) - size(b))[0];
}

/**
 * The site under a 1-based position. A prompt's text first, then a prompt's identifier
 * (`word`), then the innermost call, then a loop whose first line this is.
 */
export function hoverTargetAt(report: FileReport, line: number, column: number, word?: string): HoverTarget | undefined {
  const prompt = smallest(report.prompts.filter((p) => spanContains(p, line, column)));
  if (prompt) return { kind: 'prompt', site: prompt };
  if (word) {
    const named = report.prompts.find((p) => p.name === word);
    if (named) return { kind: 'prompt', site: named };
  }
  const call = smallest(report.calls.filter((c) => spanContains(c, line, column)));
  if (call) return { kind: 'call', site: call };
  const loop = report.agentLoops.find((l) => l.line === line);
  return loop ? { kind: 'loop', site: loop } : undefined;
}

export function targetTitle(target: HoverTarget): string {
  switch (target.kind) {
    case 'prompt':
      return target.site.name ? `${promptKindLabel(target.site.kind)} ${target.site.name}` : promptKindLabel(target.site.kind);
    case 'call':
      return `${target.site.framework} call`;
    case 'loop':
      return target.site.framework === 'hand-written' ? 'agent loop' : `${target.site.framework} agent`;
  }
}

export function targetEstimate(report: FileReport, target: HoverTarget, catalog: Catalog, assumptions: Assumptions): SiteEstimate {
  return estimateForSite(report, target.site.id, catalog, assumptions)!;
}

/** The hover's markdown for a target: the core's estimate, formatted. */
export function hoverMarkdownFor(report: FileReport, target: HoverTarget, catalog: Catalog, assumptions: Assumptions, uri: string, alternatives: readonly AlternativeRow[]): string {
  const estimate = targetEstimate(report, target, catalog, assumptions);
  return siteHoverMarkdown({ estimate, title: targetTitle(target), alternatives, link: { uri, siteId: estimate.siteId === 'prompt' ? target.site.id : estimate.siteId } });
}
