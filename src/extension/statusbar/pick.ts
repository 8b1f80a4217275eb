/**
 * Which estimate the status bar shows, from the document's report and the selection
 * (1-based spans). Pure: unit-tested with core-built reports.
 */
import type { Catalog } from '../../core/catalog/types';
import { estimateForSite, estimateText, spanWithin } from '../../core/estimate';
import type { SiteEstimate } from '../../core/estimate/types';
import { billsOnItsOwn } from '../../core/report/roles';
import type { FileReport, Span } from '../../core/report/types';
import type { Assumptions } from '../../core/workload';
import { hoverTargetAt } from '../hover/targets';

function size(span: Span): number {
  return (span.endLine - span.line) * 100_000 + (span.endColumn - span.column);
}

/**
 * A selection that holds a whole loop or call shows that site's figure (the largest site it
 * holds: a loop over its call); any other selection is priced as one call's input.
 */
export function selectionEstimate(report: FileReport | undefined, selection: Span, text: string, catalog: Catalog, a: Assumptions, path: string): SiteEstimate & { readonly exact?: boolean } {
  if (report) {
    const held = [...report.agentLoops, ...report.calls].filter((s) => spanWithin(s, selection)).sort((x, y) => size(y) - size(x))[0];
    const e = held ? estimateForSite(report, held.id, catalog, a) : undefined;
    if (e) return e;
  }
  return estimateText(catalog, a, text, { path, line: selection.line, column: selection.column });
}

/** The site under the cursor: a prompt (its call's figure), a call, a loop's first line. */
export function cursorEstimate(report: FileReport, line: number, column: number, catalog: Catalog, a: Assumptions): SiteEstimate | undefined {
  const target = hoverTargetAt(report, line, column);
  return target ? estimateForSite(report, target.site.id, catalog, a) : undefined;
}

/** Sites whose cost the file's monthly figure sums (not steps of a task, bindings or chat-model implementations). */
export function pricedSites(report: FileReport): number {
  return report.agentLoops.filter((l) => !l.stepOf).length + report.calls.filter(billsOnItsOwn).length + (report.instructions ? 1 : 0);
}
