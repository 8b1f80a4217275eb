/**
 * A ScanReport as tables of display text (sites ranked by monthly cost, cost
 * by model) with notes: totals, assumptions, basis, skipped files, budget
 * findings. The shape matches the CLI's `Table`, so the CLI renders it as a
 * terminal table, Markdown or CSV, and the report webview can export the same.
 */
import { sumPrices } from '../cost';
import type { Price } from '../cost/types';
import { formatInteger, formatMultiplier, formatPrice, formatPriceWithRange } from '../format';
import { formatInputTokens } from '../format/estimate';
import type { Assumptions } from '../workload';
import { unsentPromptsNote } from './coverage';
import { relayNote, relaySites } from './relay-sites';
import { DEFAULT_HEADLINE_SCOPES, siteCosts, type SiteCost } from './totals';
import type { FileReport, ScanReport, SiteScope, UnknownInput } from './types';

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
  readonly inputUnknown?: UnknownInput;
  readonly notes: string[];
  /** A relay of the app's own requests: listed, counted at those (relay-sites.ts). */
  readonly relays?: readonly string[];
}

function usd(p: Price): number {
  return p.kind === 'priced' ? p.usd : -1;
}

/** A figure with its range for people (`$647 (149–1,667)`); the expected value for spreadsheets. */
function money(p: Price, unit?: string): ReportCell {
  return { text: formatPriceWithRange(p, unit ? { unit } : {}), raw: p.kind === 'priced' ? Number(p.usd.toPrecision(6)) : null };
}

function headlineScopes(report: ScanReport): readonly SiteScope[] {
  return report.totals.scopes ?? DEFAULT_HEADLINE_SCOPES;
}

function rankedSites(report: ScanReport): RankedSite[] {
  const out: RankedSite[] = [];
  for (const file of report.files) {
    for (const s of siteCosts(file, report.assumptions)) {
      const notes: string[] = [];
      let steps: number | undefined;
      let inputTokens = 0;
      let inputUnknown: UnknownInput | undefined;
      if (s.kind === 'loop') {
        const l = file.agentLoops.find((x) => x.id === s.siteId)!;
        steps = l.maxSteps;
        inputTokens = l.workload.inputTokens;
        inputUnknown = l.inputUnknown;
        if (!l.bounded) notes.push('unbounded');
        if (l.stepLimit !== undefined) notes.push(`steps: assumed (framework limit ${formatInteger(l.stepLimit)})`);
        else if (l.stepsFrom !== 'code') notes.push(`steps: ${l.stepsFrom}`);
        if (l.agentTax !== undefined) notes.push(`agent tax ${formatMultiplier(l.agentTax)}`);
        if (l.overflowStep !== undefined) notes.push(`overflows at step ${l.overflowStep}`);
      } else if (s.kind === 'call') {
        const c = file.calls.find((x) => x.id === s.siteId)!;
        inputTokens = c.inputTokens;
        inputUnknown = c.inputUnknown;
        if (!c.model) notes.push(c.modelSource?.from === 'repository-default' ? "guessed: the repository's default" : 'default model');
        else if (!c.modelResolved && c.modelSource?.from !== 'default') notes.push(`unknown model ${c.model}${c.modelSuggestion ? ` (${c.modelSuggestion}?)` : ''}`);
      } else {
        inputTokens = file.instructions?.tokensPerRequest ?? 0;
        notes.push('per coding-agent request');
      }
      if (s.perUnit.kind === 'unpriced') notes.push(`unpriced: ${s.perUnit.missing[0]}`);
      if (inputUnknown) notes.push(`input unknown: ${inputUnknown.why}`);
      out.push({ ...s, file, steps, inputTokens, ...(inputUnknown ? { inputUnknown } : {}), notes });
    }
    for (const r of relaySites(file, report.assumptions)) {
      const c = file.calls.find((x) => x.id === r.siteId)!;
      const notes = [relayNote(r.relays), ...(c.inputUnknown ? [`input unknown: ${c.inputUnknown.why}`] : [])];
      out.push({ ...r, file, inputTokens: c.inputTokens, ...(c.inputUnknown ? { inputUnknown: c.inputUnknown } : {}), notes });
    }
  }
  // The headline's sites first, then the sites listed apart (tests, examples, docs, notebooks, instruction files).
  const scopes = headlineScopes(report);
  const apart = (s: SiteCost): number => (scopes.includes(s.scope) ? 0 : 1);
  const ranked = (s: RankedSite): number => (s.relays ? -1 : usd(s.monthly)); // a relay's figure is its senders'
  return out.sort((a, b) => apart(a) - apart(b) || ranked(b) - ranked(a) || a.path.localeCompare(b.path) || a.line - b.line);
}

const UNIT: Record<SiteCost['kind'], string> = { call: 'call', loop: 'task', instructions: 'request' };

export function scanTables(report: ScanReport, options: { maxRows?: number; allRows?: boolean } = {}): ReportTable[] {
  const sites = rankedSites(report);
  const limit = options.allRows ? sites.length : (options.maxRows ?? DEFAULT_TABLE_ROWS);
  const shown = sites.slice(0, limit);
  const rest = sites.slice(limit);
  const scopes = headlineScopes(report);
  const rows = shown.map((s) => [
    `${s.path}:${s.line}`,
    s.kind === 'loop' ? 'agent loop' : s.kind === 'call' ? 'call' : 'instructions',
    s.framework,
    s.model,
    { text: s.steps !== undefined ? formatInteger(s.steps) : '', raw: s.steps ?? null },
    { text: formatInputTokens(s.inputTokens, s.inputUnknown), raw: s.inputUnknown ? 'unknown' : s.inputTokens },
    money(s.perUnit, UNIT[s.kind]),
    s.relays ? { text: '—', raw: null } : money(s.monthly),
    s.notes.join('; '),
    // Last, so that the columns before it keep their places for existing readers of the CSV.
    scopes.includes(s.scope) ? s.scope : `${s.scope} (apart)`,
  ]);
  const t = report.totals as ScanReport['totals'] & { pricedMonthlyCost?: Price; unpricedSites?: number };
  const notes: string[] = [];
  if (rest.length) notes.push(`… and ${rest.length} more sites (${formatPrice(sumPriced(rest.filter((r) => !r.relays).map((r) => r.monthly)))} a month); --format csv or json lists them all.`);
  notes.push(totalLine(report));
  const unsent = unsentPromptsNote(report);
  if (unsent) notes.push(unsent);
  const apartLine = scopesLine(report);
  if (apartLine) notes.push(apartLine);
  notes.push(assumptionLine(report.assumptions));
  notes.push(`Prices: catalog ${report.catalog.source}, as of ${report.catalog.asOf}. Tokens: exact for OpenAI encodings, calibrated ≈ for other families.`);
  const skipped = skippedLine(report);
  if (skipped) notes.push(skipped);
  if (t.unpricedSites) notes.push(`Unpriced sites have a model or price the catalog lacks: add it in tokenomics.json (customModels, priceOverrides).`);
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
      { header: 'scope' },
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

/** Unpriced sites named in the total line; the rest are counted (JSON lists them all). */
const UNPRICED_LISTED = 10;

/**
 * The headline: the priced sites of the headline scopes, with the range, and the unpriced sites
 * named beside it. Never "$0 a month" for sites we could not price.
 */
export function totalLine(report: ScanReport): string {
  const t = report.totals as ScanReport['totals'] & { pricedMonthlyCost?: Price; unpricedSites?: number };
  const unpriced = t.unpriced ?? [];
  const count = unpriced.length || (t.unpricedSites ?? 0);
  const named = unpriced
    .slice(0, UNPRICED_LISTED)
    .map((u) => `${u.path}:${u.line} (${u.model})`)
    .join(', ');
  const list = named ? `: ${named}${unpriced.length > UNPRICED_LISTED ? `, and ${unpriced.length - UNPRICED_LISTED} more` : ''}` : '';
  const scope = scopeWords(headlineScopes(report));
  const priced = t.pricedMonthlyCost ?? (t.monthlyCost.kind === 'priced' ? t.monthlyCost : undefined);
  const pricedSites = report.files.length === 0 ? 0 : countPricedSites(report);
  if (count === 0) {
    if (pricedSites === 0) return `Total: no model calls or agent loops in ${scope}.`;
    return `Total: ${formatPriceWithRange(t.monthlyCost)} a month (${scope}).`;
  }
  if (!priced || pricedSites === 0) return `Total: nothing priced in ${scope}; ${count} unpriced site${count === 1 ? '' : 's'}${list}.`;
  return `Total: ${formatPriceWithRange(priced)} a month priced (${scope}), plus ${count} unpriced site${count === 1 ? '' : 's'}${list}.`;
}

function countPricedSites(report: ScanReport): number {
  const scopes = headlineScopes(report);
  return report.files.flatMap((f) => siteCosts(f, report.assumptions)).filter((s) => scopes.includes(s.scope) && s.monthly.kind === 'priced').length;
}

const SCOPE_WORDS: Record<SiteScope, string> = {
  runtime: 'runtime code',
  test: 'tests',
  example: 'examples',
  docs: 'docs',
  notebook: 'notebooks',
  instructions: 'coding-agent instruction files',
};

function scopeWords(scopes: readonly SiteScope[]): string {
  if (scopes.length === Object.keys(SCOPE_WORDS).length) return 'every scope';
  return scopes.map((s) => SCOPE_WORDS[s]).join(', ');
}

/** The scopes listed apart from the headline, with their own totals, and how to include them. */
function scopesLine(report: ScanReport): string | undefined {
  const scopes = headlineScopes(report);
  const apart = (report.totals.byScope ?? []).filter((b) => !scopes.includes(b.scope));
  if (!apart.length) return undefined;
  const parts = apart.map((b) => `${SCOPE_WORDS[b.scope]} ${formatPriceWithRange(b.monthlyCost)} a month (${b.sites} site${b.sites === 1 ? '' : 's'})`);
  return `Not in the total: ${parts.join('; ')}. Include them with --include-scope ${apart.map((b) => b.scope).join(',')} or --all-scopes.`;
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
