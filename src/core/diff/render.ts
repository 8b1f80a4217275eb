/**
 * The diff for people: a headline ("LLM cost +$412 a month (+18%)"), the changed
 * sites ranked by monthly delta with before → after per unit and per month and
 * the reasons, as a terminal table or as a pull-request comment in Markdown
 * (top sites, then the full list in a collapsible block). Figures come from the
 * DiffReport; this only formats them.
 */
import { formatUsd } from '../format';
import type { ReportTable } from '../report/tables';
import type { DiffReport, SiteDelta } from './types';

/** First line of a `--format github` comment: workflows find their sticky comment by it. */
export const GITHUB_MARKER = '<!-- tokenomics-diff -->';

/** Sites shown before the collapsible full list in Markdown. */
export const TOP_SITES = 10;

export function signedUsd(usd: number): string {
  if (Math.abs(usd) < 0.005) return '±$0';
  return `${usd > 0 ? '+' : '−'}${formatUsd(Math.abs(usd))}`;
}

function signedPercent(p: number): string {
  const abs = Math.abs(p);
  const text = abs >= 10 ? abs.toFixed(0) : abs >= 0.1 ? abs.toFixed(1) : abs.toFixed(2);
  return `${p >= 0 ? '+' : '−'}${text}%`;
}

function money(usd: number | null): string {
  return usd === null ? 'unpriced' : formatUsd(usd);
}

/** True when nothing about LLM cost moved: no site added, removed or changed and the totals are equal. */
export function isNoChange(report: DiffReport): boolean {
  return report.sites.every((s) => s.change === 'unchanged') && Math.abs(report.delta.monthlyCost.usd) < 0.005;
}

/** The headline without Markdown: `LLM cost +$412 a month (+18%)` or `No change to LLM cost`. */
export function headlineText(report: DiffReport): string {
  if (isNoChange(report)) return 'No change to LLM cost';
  const d = report.delta;
  return `LLM cost ${signedUsd(d.monthlyCost.usd)} a month${d.percent !== null ? ` (${signedPercent(d.percent)})` : ''}`;
}

function sideName(side: DiffReport['base']): string {
  const short = side.commit ? side.commit.slice(0, 7) : 'no commit';
  return side.workingTree ? `working tree (on ${short})` : `${side.ref} (${short})`;
}

function totalOf(side: DiffReport['base']): string {
  const t = side.totals as DiffReport['base']['totals'] & { pricedMonthlyCost?: { kind: string; usd?: number } };
  const p = t.monthlyCost.kind === 'priced' ? t.monthlyCost : t.pricedMonthlyCost;
  return p && p.kind === 'priced' && p.usd !== undefined ? formatUsd(p.usd) : 'unpriced';
}

function summaryLine(report: DiffReport): string {
  const count = (c: SiteDelta['change']) => report.sites.filter((s) => s.change === c).length;
  const parts = [`${count('changed')} changed`, `${count('added')} added`, `${count('removed')} removed`];
  const r = report.delta.monthlyCost;
  const range = r.low !== r.usd || r.high !== r.usd ? ` (range ${signedUsd(r.low)} to ${signedUsd(r.high)})` : '';
  return `${sideName(report.base)} → ${sideName(report.head)}: ${totalOf(report.base)} → ${totalOf(report.head)} a month${range}. Sites: ${parts.join(', ')}.`;
}

function modelText(s: SiteDelta): string {
  if (s.model.base === null) return s.model.head ?? '';
  if (s.model.head === null || s.model.base === s.model.head) return s.model.base;
  return `${s.model.base} → ${s.model.head}`;
}

function beforeAfter(base: number | null, head: number | null, change: SiteDelta['change']): string {
  if (change === 'added') return money(head);
  if (change === 'removed') return `${money(base)} → gone`;
  return `${money(base)} → ${money(head)}`;
}

function deltaText(s: SiteDelta): string {
  return s.monthly.delta === null ? 'unpriced' : signedUsd(s.monthly.delta);
}

const COLUMNS = [
  { header: 'change' },
  { header: 'site' },
  { header: 'model' },
  { header: 'per unit', align: 'right' },
  { header: 'per month', align: 'right' },
  { header: 'Δ month', align: 'right' },
  { header: 'why' },
] as const;

function row(s: SiteDelta): string[] {
  return [
    s.change,
    `${s.path}:${s.line}`,
    modelText(s),
    `${beforeAfter(s.perUnit.base, s.perUnit.head, s.change)}/${s.unit}`,
    beforeAfter(s.monthly.base, s.monthly.head, s.change),
    deltaText(s),
    s.reasons.join('; '),
  ];
}

function basisNote(report: DiffReport): string {
  return `Both revisions priced with catalog ${report.catalog.source} (as of ${report.catalog.asOf}) and the same settings; monthly figures at the assumed traffic.`;
}

/** The terminal table: headline and summary as its title, one row per site. */
export function diffTable(report: DiffReport): ReportTable {
  return {
    title: `${headlineText(report)}\n${summaryLine(report)}`,
    columns: COLUMNS,
    rows: report.sites.map(row),
    notes: [basisNote(report)],
  };
}

function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function markdownTable(sites: readonly SiteDelta[]): string[] {
  const lines = [`| ${COLUMNS.map((c) => c.header).join(' | ')} |`, `|${COLUMNS.map((c) => ('align' in c ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const s of sites) {
    const cells = row(s).map(escapeCell);
    cells[1] = `\`${cells[1]}\``;
    if (s.monthly.delta !== null && Math.abs(s.monthly.delta) >= 0.005) cells[5] = `**${cells[5]}**`;
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

/** The pull-request comment. `marker`: start with GITHUB_MARKER (for `--format github`). */
export function diffMarkdown(report: DiffReport, options: { marker?: boolean; extraSections?: readonly string[] } = {}): string {
  const out: string[] = [];
  if (options.marker) out.push(GITHUB_MARKER);
  if (isNoChange(report)) {
    out.push('### No change to LLM cost', '', summaryLine(report));
  } else {
    const d = report.delta;
    out.push(`### LLM cost **${signedUsd(d.monthlyCost.usd)} a month${d.percent !== null ? ` (${signedPercent(d.percent)})` : ''}**`, '', summaryLine(report), '');
    const moved = report.sites.filter((s) => s.change !== 'unchanged');
    out.push(...markdownTable(moved.slice(0, TOP_SITES)));
    if (moved.length > TOP_SITES) out.push('', `… and ${moved.length - TOP_SITES} more below.`);
    out.push('', `<details><summary>All ${report.sites.length} site${report.sites.length === 1 ? '' : 's'} in this diff</summary>`, '', ...markdownTable(report.sites), '', '</details>');
  }
  for (const section of options.extraSections ?? []) out.push('', section);
  out.push('', `<sub>${basisNote(report)} Made by <code>tokenomics diff</code>.</sub>`);
  return out.join('\n') + '\n';
}
