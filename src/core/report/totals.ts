/**
 * Workspace totals and budget checks over file reports: what `scan` prints last and what CI gates on.
 * The headline is the application's bill: the priced sites of the runtime scope (and of any scope
 * the scan was asked to include). Tests, examples, docs, notebooks and coding-agent instruction
 * files are totalled apart, and sites without a price are listed, never counted as $0.
 */
import { scalePrice, sumPrices } from '../cost';
import type { Price } from '../cost/types';
import { formatUsd } from '../format';
import { DAYS_PER_MONTH, type Assumptions } from '../workload';
import { budgetFigure } from './diagnostics';
import { billsOnItsOwn } from './roles';
import type { DiagnosticCode, FileReport, ReportTotals, ScanReport, SiteScope } from './types';

/** The scopes of the headline when the scan is not told otherwise. */
export const DEFAULT_HEADLINE_SCOPES: readonly SiteScope[] = ['runtime'];

/** Every scope, in the order reports list them. */
export const ALL_SCOPES: readonly SiteScope[] = ['runtime', 'test', 'example', 'docs', 'notebook', 'instructions'];

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
  readonly scope: SiteScope;
}

/** The sites that make up a file's monthly cost: loops, calls that are not a loop's step, instruction files. */
export function siteCosts(file: FileReport, assumptions: Assumptions): SiteCost[] {
  const out: SiteCost[] = [];
  const scope = file.scope ?? 'runtime';
  for (const l of file.agentLoops) {
    if (l.stepOf) continue; // run inside each step of another loop: part of that task
    out.push({ path: file.path, siteId: l.id, line: l.line, kind: 'loop', framework: l.framework, model: l.model ?? assumptions.defaultModel, perUnit: l.costPerTask, monthly: scalePrice(l.costPerTask, l.workload.callsPerDay * DAYS_PER_MONTH), scope });
  }
  for (const c of file.calls) {
    if (!billsOnItsOwn(c)) continue;
    out.push({ path: file.path, siteId: c.id, line: c.line, kind: 'call', framework: c.framework, model: c.modelResolved ?? c.model ?? assumptions.defaultModel, perUnit: c.costPerCall, monthly: scalePrice(c.costPerCall, c.workload.callsPerDay * DAYS_PER_MONTH), scope });
  }
  if (file.instructions) {
    const i = file.instructions;
    out.push({ path: file.path, siteId: 'instructions', line: 1, kind: 'instructions', framework: file.language, model: i.model, perUnit: i.costPerRequest, monthly: scalePrice(i.costPerRequest, assumptions.callsPerDay * DAYS_PER_MONTH), scope });
  }
  return out;
}

function usdOf(p: Price): number {
  return p.kind === 'priced' ? p.usd : -1;
}

const ZERO: Price = sumPrices([]);

/**
 * What a set of sites costs a month: the sum of the priced ones. Only when every site is unpriced
 * is the figure unpriced (naming what is missing), so that nothing reads "$0" for sites we cannot
 * price; with no sites at all it is $0.
 */
function pricedTotal(sites: readonly SiteCost[]): Price {
  const priced = sites.filter((s) => s.monthly.kind === 'priced');
  if (priced.length > 0 || sites.length === 0) return priced.length ? sumPrices(priced.map((s) => s.monthly)) : ZERO;
  return sumPrices(sites.map((s) => s.monthly));
}

export interface TotalsOptions {
  /** Scopes whose sites make the headline; default `runtime` only. */
  readonly headlineScopes?: readonly SiteScope[];
}

export type ScanTotals = ReportTotals & { readonly pricedMonthlyCost: Price; readonly unpricedSites: number };

/** Whether a file's sites make the headline. */
export function inHeadline(file: Pick<FileReport, 'scope'>, scopes: readonly SiteScope[] = DEFAULT_HEADLINE_SCOPES): boolean {
  return scopes.includes(file.scope ?? 'runtime');
}

export function buildTotals(files: readonly FileReport[], assumptions: Assumptions, options: TotalsOptions = {}): ScanTotals {
  const scopes = options.headlineScopes ?? DEFAULT_HEADLINE_SCOPES;
  const all = files.flatMap((f) => siteCosts(f, assumptions));
  const sites = all.filter((s) => scopes.includes(s.scope));
  const byModel = new Map<string, SiteCost[]>();
  for (const s of sites) byModel.set(s.model, [...(byModel.get(s.model) ?? []), s]);
  const priced = sites.filter((s) => s.monthly.kind === 'priced');
  const unpriced = sites.filter((s) => s.monthly.kind === 'unpriced');
  const byScope = ALL_SCOPES.flatMap((scope) => {
    const of = all.filter((s) => s.scope === scope);
    return of.length ? [{ scope, monthlyCost: pricedTotal(of), sites: of.length }] : [];
  });
  return {
    files: files.length,
    prompts: files.reduce((n, f) => n + f.prompts.length, 0),
    calls: files.reduce((n, f) => n + f.calls.length, 0),
    agentLoops: files.reduce((n, f) => n + f.agentLoops.length, 0),
    monthlyCost: pricedTotal(sites),
    pricedMonthlyCost: priced.length ? sumPrices(priced.map((s) => s.monthly)) : ZERO,
    unpricedSites: unpriced.length,
    byModel: [...byModel.entries()]
      .map(([model, of]) => ({ model, monthlyCost: pricedTotal(of), sites: of.length }))
      .sort((a, b) => usdOf(b.monthlyCost) - usdOf(a.monthlyCost) || a.model.localeCompare(b.model)),
    byFile: files
      .filter((f) => inHeadline(f, scopes) && (f.calls.length + f.agentLoops.length > 0 || f.instructions))
      .map((f) => ({ path: f.path, monthlyCost: f.monthlyCost }))
      .sort((a, b) => usdOf(b.monthlyCost) - usdOf(a.monthlyCost) || a.path.localeCompare(b.path)),
    byScope,
    unpriced: unpriced.map((s) => ({ path: s.path, line: s.line, siteId: s.siteId, model: s.model })),
    scopes: [...scopes],
  };
}

/**
 * Sites of the headline scopes over the per-call / per-task budgets (from the files' diagnostics)
 * and the headline's priced monthly total over its budget; with `budgets.on: 'high'`, the high end
 * of the total's range is checked.
 */
export function budgetFindings(files: readonly FileReport[], pricedMonthly: Price, assumptions: Assumptions, options: TotalsOptions = {}): ScanReport['budgetExceeded'] {
  const out: { siteId: string; path: string; line: number; code: DiagnosticCode; message: string }[] = [];
  for (const f of files) {
    if (!inHeadline(f, options.headlineScopes)) continue;
    for (const d of f.diagnostics) {
      if (d.code === 'over-budget-call' || d.code === 'over-budget-task') out.push({ siteId: d.siteId ?? '', path: f.path, line: d.line, code: d.code, message: d.message });
    }
  }
  const limit = assumptions.budgets.monthlyUsd;
  const checked = budgetFigure(pricedMonthly, assumptions.budgets);
  if (limit !== undefined && checked !== undefined && checked > limit) {
    out.push({
      siteId: 'total',
      path: '',
      line: 0,
      code: 'over-budget-monthly',
      message: `${formatUsd(checked)} per month${assumptions.budgets.on === 'high' ? ', the high end of its range,' : ''} (at ${assumptions.callsPerDay.toLocaleString('en-US')} calls or tasks per site per day) is over the ${formatUsd(limit)} monthly budget.`,
    });
  }
  return out;
}
