/**
 * A ScanReport as tables of display text (sites ranked by monthly cost, cost
 * by model) with notes: totals, assumptions, basis, skipped files, budget
 * findings. The shape matches the CLI's `Table`, so the CLI renders it as a
 * terminal table, Markdown or CSV, and the report webview can export the same.
 */
import { sumPrices } from '../cost';
import type { Price } from '../cost/types';
import { formatInteger, formatMultiplier, formatPrice, formatTokens } from '../format';
import type { Assumptions } from '../workload';
import { siteCosts, type SiteCost } from './totals';
import type { FileReport, ScanReport } from './types';

export type ReportCell = string | { readonly text: string; readonly raw: string | number | boolean | null };

export interface ReportTable {
  readonly title?: string;
  readonly columns: readonly { readonly header: string; readonly align?: 'left' | 'right' }[];
  readonly rows: readonly (readonly ReportCell[])[];
  readonly notes?: readonly string[];
}

/** Ranked sites shown in the table; the rest are summed in a note (all of them go to CSV/JSON). */
export const DEFAULT_TABLE_ROWS = 50;

interface RankedSite extends SiteCost {
  readonly file: FileReport;
  readonly steps?: number;
  readonly inputTokens: number;
  readonly notes: string[];
}

function usd(p: Price): number {
  return p.kind === 'priced' ? p.usd : -1;
}

function money(p: Price): ReportCell {
  return { text: formatPrice(p), raw: p.kind === 'priced' ? Number(p.usd.toPrecision(6)) : null };
}

function rankedSites(report: ScanReport): RankedSite[] {
  const out: RankedSite[] = [];
  for (const file of report.files) {
    for (const s of siteCosts(file, report.assumptions)) {
      const notes: string[] = [];
      let steps: number | undefined;
      let inputTokens = 0;
      if (s.kind === 'loop') {
        const l = file.agentLoops.find((x) => x.id === s.siteId)!;
        steps = l.maxSteps;
        inputTokens = l.workload.inputTokens;
        if (!l.bounded) notes.push('unbounded');
        if (l.stepLimit !== undefined) notes.push(`steps: assumed (framework limit ${formatInteger(l.stepLimit)})`);
        else if (l.stepsFrom !== 'code') notes.push(`steps: ${l.stepsFrom}`);
        if (l.agentTax !== undefined) notes.push(`agent tax ${formatMultiplier(l.agentTax)}`);
        if (l.overflowStep !== undefined) notes.push(`overflows at step ${l.overflowStep}`);
      } else if (s.kind === 'call') {
        const c = file.calls.find((x) => x.id === s.siteId)!;
        inputTokens = c.inputTokens;
        if (!c.model) notes.push('default model');
        else if (!c.modelResolved) notes.push(`unknown model ${c.model}${c.modelSuggestion ? ` (${c.modelSuggestion}?)` : ''}`);
      } else {
        inputTokens = file.instructions?.tokensPerRequest ?? 0;
        notes.push('per coding-agent request');
      }
      if (s.perUnit.kind === 'unpriced') notes.push(`unpriced: ${s.perUnit.missing[0]}`);
      out.push({ ...s, file, steps, inputTokens, notes });
    }
  }
  return out.sort((a, b) => usd(b.monthly) - usd(a.monthly) || a.path.localeCompare(b.path) || a.line - b.line);
}

const UNIT: Record<SiteCost['kind'], string> = { call: 'call', loop: 'task', instructions: 'request' };

export function scanTables(report: ScanReport, options: { maxRows?: number; allRows?: boolean } = {}): ReportTable[] {
  const sites = rankedSites(report);
  const limit = options.allRows ? sites.length : (options.maxRows ?? DEFAULT_TABLE_ROWS);
  const shown = sites.slice(0, limit);
  const rest = sites.slice(limit);
  const rows = shown.map((s) => [
    `${s.path}:${s.line}`,
    s.kind === 'loop' ? 'agent loop' : s.kind === 'call' ? 'call' : 'instructions',
    s.framework,
    s.model,
    { text: s.steps !== undefined ? formatInteger(s.steps) : '', raw: s.steps ?? null },
    { text: formatTokens(s.inputTokens), raw: s.inputTokens },
    { text: `${formatPrice(s.perUnit)}/${UNIT[s.kind]}`, raw: s.perUnit.kind === 'priced' ? Number(s.perUnit.usd.toPrecision(6)) : null },
    money(s.monthly),
    s.notes.join('; '),
  ]);
  const t = report.totals as ScanReport['totals'] & { pricedMonthlyCost?: Price; unpricedSites?: number };
  const notes: string[] = [];
  if (rest.length) notes.push(`… and ${rest.length} more sites (${formatPrice(sumPriced(rest.map((r) => r.monthly)))} a month); --format csv or json lists them all.`);
  notes.push(totalLine(report));
  notes.push(assumptionLine(report.assumptions));
  notes.push(`Prices: catalog ${report.catalog.source}, as of ${report.catalog.asOf}. Tokens: exact for OpenAI encodings, calibrated ≈ for other families.`);
  const skipped = skippedLine(report);
  if (skipped) notes.push(skipped);
  if (t.unpricedSites) notes.push(`${t.unpricedSites} site(s) unpriced: their model or price is not in the catalog (add it in tokenomics.json).`);
  for (const b of report.budgetExceeded) notes.push(`OVER BUDGET ${b.path ? `${b.path}:${b.line} ` : ''}${b.message}`);
  const main: ReportTable = {
    title: `Tokenomics: ${report.totals.files} files, ${report.totals.prompts} prompts, ${report.totals.calls} calls, ${report.totals.agentLoops} agent loops in ${report.root}`,
    columns: [
      { header: 'site' },
      { header: 'kind' },
      { header: 'framework' },
      { header: 'model' },
      { header: 'steps', align: 'right' },
      { header: 'input', align: 'right' },
      { header: 'per unit', align: 'right' },
      { header: 'per month', align: 'right' },
      { header: 'notes' },
    ],
    rows,
    notes,
  };
  const byModel: ReportTable = {
    title: 'By model',
    columns: [{ header: 'model' }, { header: 'sites', align: 'right' }, { header: 'per month', align: 'right' }],
    rows: report.totals.byModel.map((m) => [m.model, { text: formatInteger(m.sites), raw: m.sites }, money(m.monthlyCost)]),
  };
  return report.totals.byModel.length > 1 ? [main, byModel] : [main];
}

function sumPriced(prices: readonly Price[]): Price {
  return sumPrices(prices.filter((p) => p.kind === 'priced'));
}

function totalLine(report: ScanReport): string {
  const t = report.totals as ScanReport['totals'] & { pricedMonthlyCost?: Price; unpricedSites?: number };
  if (t.monthlyCost.kind === 'priced') return `Total: ${formatPrice(t.monthlyCost)} a month.`;
  const priced = t.pricedMonthlyCost;
  return `Total: unpriced (priced sites: ${priced ? formatPrice(priced) : '?'} a month, plus ${t.unpricedSites ?? 'some'} unpriced).`;
}

function assumptionLine(a: Assumptions): string {
  const sizes = Object.entries(a.placeholderSizes)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  return (
    `Assumed: ${formatInteger(a.callsPerDay)} calls or tasks per site per day, 30 days a month; ${formatInteger(a.outputTokens)} output tokens per call` +
    `${a.reasoningTokens ? ` + ${formatInteger(a.reasoningTokens)} reasoning` : ''}; ${formatInteger(a.toolResultTokens)} tokens per tool result; ` +
    `${a.unboundedSteps} steps for unbounded loops; ${a.placeholderTokens} tokens per placeholder${sizes ? ` (${sizes})` : ''}; default model ${a.defaultModel}` +
    `; caching ${a.caching ? 'on' : 'off'}. Annotations (tokenomics: …) override these per site.`
  );
}

function skippedLine(report: ScanReport): string | undefined {
  const counts = (report as ScanReport & { skippedCounts?: Record<string, number> }).skippedCounts;
  if (!counts) return report.skipped.length ? `Skipped ${report.skipped.length} files.` : undefined;
  const parts = Object.entries(counts)
    .filter(([k, n]) => n > 0 && k !== 'unsupported' && k !== 'excluded')
    .map(([k, n]) => `${n} ${k}`);
  return parts.length ? `Skipped: ${parts.join(', ')} (see skipped in --format json).` : undefined;
}
