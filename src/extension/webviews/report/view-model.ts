/**
 * The Cost report view's data from a ScanReport: the sites that make up the
 * monthly cost (the core's `siteCosts`, the same attribution as the scan's
 * totals), ranked by projected monthly cost, and the report's own totals.
 * Pure (no vscode): tested on plain reports.
 */
import { unsentPromptsNote } from '../../../core/report/coverage';
import { relayNote, relaySites } from '../../../core/report/relay-sites';
import { siteCosts, type SiteCost } from '../../../core/report/totals';
import type { Price } from '../../../core/cost/types';
import type { FileReport, ScanReport } from '../../../core/report/types';
import type { ReportData, ReportSiteView } from '../../../webview/protocol/report';

function details(file: FileReport, s: SiteCost): Pick<ReportSiteView, 'column' | 'inputTokens' | 'inputUnknown' | 'callsPerDay' | 'steps' | 'notes' | 'unit'> {
  const diagnostics = file.diagnostics.filter((d) => d.siteId === s.siteId).map((d) => d.message);
  if (s.kind === 'loop') {
    const loop = file.agentLoops.find((l) => l.id === s.siteId);
    if (loop) {
      const steps = `${loop.maxSteps} steps (${loop.bounded ? loop.stepsFrom : 'unbounded, assumed'})`;
      return { unit: 'task', column: loop.column, inputTokens: loop.tokens.input, ...(loop.inputUnknown ? { inputUnknown: loop.inputUnknown } : {}), callsPerDay: loop.workload.callsPerDay, steps: loop.maxSteps, notes: [steps, ...diagnostics] };
    }
  }
  if (s.kind === 'call') {
    const call = file.calls.find((c) => c.id === s.siteId);
    if (call) {
      const assumed = call.assumed.length > 0 ? [`assumed: ${call.assumed.join(', ')}`] : [];
      return { unit: 'call', column: call.column, inputTokens: call.inputTokens, ...(call.inputUnknown ? { inputUnknown: call.inputUnknown } : {}), callsPerDay: call.workload.callsPerDay, notes: [...assumed, ...diagnostics] };
    }
  }
  return { unit: 'request', column: 1, inputTokens: file.instructions?.tokensPerRequest ?? 0, notes: ['rides along with every request of a coding agent', ...diagnostics] };
}

function usd(s: ReportSiteView): number {
  return s.monthly.kind === 'priced' && !s.relays ? s.monthly.usd : -1;
}

/** Most expensive first; unpriced sites last; then by path and line so the order is stable. */
export function rankSites(sites: readonly ReportSiteView[]): ReportSiteView[] {
  return [...sites].sort((a, b) => usd(b) - usd(a) || a.path.localeCompare(b.path) || a.line - b.line);
}

/** Every model a site names, sorted: the view's model filter. */
export function modelsOfSites(sites: readonly ReportSiteView[]): string[] {
  return [...new Set(sites.flatMap((s) => (s.model ? [s.model] : [])))].sort();
}

/** What `scanPaths` adds to the contract's totals (optional: a plain ScanReport works too). */
type ScanTotalsExtra = { readonly totals: { readonly pricedMonthlyCost?: Price; readonly unpricedSites?: number } };

export function reportData(report: ScanReport & Partial<ScanTotalsExtra>, folders: readonly string[], elapsedMs: number): ReportData {
  const sites: ReportSiteView[] = report.files.flatMap((file) =>
    siteCosts(file, report.assumptions).map((s) => ({
      siteId: s.siteId,
      kind: s.kind,
      path: s.path,
      line: s.line,
      framework: s.framework,
      model: s.model,
      perUnit: s.perUnit,
      monthly: s.monthly,
      scope: s.scope,
      ...details(file, s),
    })),
  );
  // A relay of the app's own requests: listed with what it relays, its figure counted there (relay-sites.ts).
  for (const file of report.files) {
    for (const r of relaySites(file, report.assumptions)) {
      const d = details(file, r);
      sites.push({ siteId: r.siteId, kind: r.kind, path: r.path, line: r.line, framework: r.framework, model: r.model, perUnit: r.perUnit, monthly: r.monthly, scope: r.scope, ...d, notes: [relayNote(r.relays), ...d.notes], relays: r.relays });
    }
  }
  const t = report.totals;
  const coverage = unsentPromptsNote(report);
  return {
    root: report.root,
    folders,
    catalog: report.catalog,
    callsPerDay: report.assumptions.callsPerDay,
    totals: {
      files: t.files,
      prompts: t.prompts,
      calls: t.calls,
      agentLoops: t.agentLoops,
      monthlyCost: t.monthlyCost,
      ...(t.pricedMonthlyCost ? { pricedMonthlyCost: t.pricedMonthlyCost } : {}),
      ...(t.unpricedSites !== undefined ? { unpricedSites: t.unpricedSites } : {}),
      byModel: t.byModel,
      byFile: t.byFile,
      ...(t.byScope ? { byScope: t.byScope } : {}),
      ...(t.scopes ? { scopes: t.scopes } : {}),
    },
    ...(coverage ? { coverageNote: coverage } : {}),
    sites: rankSites(sites),
    skipped: report.skipped.length,
    diagnostics: report.files.reduce((n, f) => n + f.diagnostics.length, 0),
    budgetExceeded: report.budgetExceeded.length,
    elapsedMs,
  };
}
