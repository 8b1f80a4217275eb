/** Workspace totals and budget checks over file reports: what `scan` prints last and what CI gates on. */
import { scalePrice, sumPrices } from '../cost';
import type { Price } from '../cost/types';
import { formatUsd } from '../format';
import { DAYS_PER_MONTH, type Assumptions } from '../workload';
import type { DiagnosticCode, FileReport, ReportTotals, ScanReport } from './types';

/** A monthly figure attributed to one site, for ranking and grouping. */
export interface SiteCost {
  readonly path: string;
  readonly siteId: string;
  readonly line: number;
  readonly kind: 'call' | 'loop' | 'instructions';
  readonly framework: string;
  readonly model: string;
  readonly perUnit: Price;
  readonly monthly: Price;
}

/** The sites that make up a file's monthly cost: loops, calls that are not a loop's step, instruction files. */
export function siteCosts(file: FileReport, assumptions: Assumptions): SiteCost[] {
  const out: SiteCost[] = [];
  for (const l of file.agentLoops) {
    out.push({ path: file.path, siteId: l.id, line: l.line, kind: 'loop', framework: l.framework, model: l.model ?? assumptions.defaultModel, perUnit: l.costPerTask, monthly: scalePrice(l.costPerTask, l.workload.callsPerDay * DAYS_PER_MONTH) });
  }
  for (const c of file.calls) {
    if (c.stepOf) continue;
    out.push({ path: file.path, siteId: c.id, line: c.line, kind: 'call', framework: c.framework, model: c.modelResolved ?? c.model ?? assumptions.defaultModel, perUnit: c.costPerCall, monthly: scalePrice(c.costPerCall, c.workload.callsPerDay * DAYS_PER_MONTH) });
  }
  if (file.instructions) {
    const i = file.instructions;
    out.push({ path: file.path, siteId: 'instructions', line: 1, kind: 'instructions', framework: file.language, model: i.model, perUnit: i.costPerRequest, monthly: scalePrice(i.costPerRequest, assumptions.callsPerDay * DAYS_PER_MONTH) });
  }
  return out;
}

function usdOf(p: Price): number {
  return p.kind === 'priced' ? p.usd : -1;
}

export function buildTotals(files: readonly FileReport[], assumptions: Assumptions): ReportTotals & { readonly pricedMonthlyCost: Price; readonly unpricedSites: number } {
  const sites = files.flatMap((f) => siteCosts(f, assumptions));
  const byModel = new Map<string, { prices: Price[]; sites: number }>();
  for (const s of sites) {
    const entry = byModel.get(s.model) ?? { prices: [], sites: 0 };
    entry.prices.push(s.monthly);
    entry.sites++;
    byModel.set(s.model, entry);
  }
  const priced = sites.filter((s) => s.monthly.kind === 'priced').map((s) => s.monthly);
  return {
    files: files.length,
    prompts: files.reduce((n, f) => n + f.prompts.length, 0),
    calls: files.reduce((n, f) => n + f.calls.length, 0),
    agentLoops: files.reduce((n, f) => n + f.agentLoops.length, 0),
    monthlyCost: sumPrices(files.map((f) => f.monthlyCost)),
    pricedMonthlyCost: sumPrices(priced),
    unpricedSites: sites.length - priced.length,
    byModel: [...byModel.entries()]
      .map(([model, e]) => ({ model, monthlyCost: sumPrices(e.prices), sites: e.sites }))
      .sort((a, b) => usdOf(b.monthlyCost) - usdOf(a.monthlyCost) || a.model.localeCompare(b.model)),
    byFile: files
      .filter((f) => f.calls.length + f.agentLoops.length > 0 || f.instructions)
      .map((f) => ({ path: f.path, monthlyCost: f.monthlyCost }))
      .sort((a, b) => usdOf(b.monthlyCost) - usdOf(a.monthlyCost) || a.path.localeCompare(b.path)),
  };
}

/** Sites over the per-call / per-task budgets (from the files' diagnostics) and the monthly total over its budget. */
export function budgetFindings(files: readonly FileReport[], pricedMonthly: Price, assumptions: Assumptions): ScanReport['budgetExceeded'] {
  const out: { siteId: string; path: string; line: number; code: DiagnosticCode; message: string }[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.code === 'over-budget-call' || d.code === 'over-budget-task') out.push({ siteId: d.siteId ?? '', path: f.path, line: d.line, code: d.code, message: d.message });
    }
  }
  const limit = assumptions.budgets.monthlyUsd;
  if (limit !== undefined && pricedMonthly.kind === 'priced' && pricedMonthly.usd > limit) {
    out.push({
      siteId: 'total',
      path: '',
      line: 0,
      code: 'over-budget-monthly',
      message: `${formatUsd(pricedMonthly.usd)} per month (at ${assumptions.callsPerDay.toLocaleString('en-US')} calls or tasks per site per day) is over the ${formatUsd(limit)} monthly budget.`,
    });
  }
  return out;
}
