/** The top savings of a scan: findings ranked by their monthly saving (then by exposure), as a table. */
import { formatUsd } from '../../format';
import type { ReportTable } from '../tables';
import type { DiagnosticCode, FileReport } from '../types';

export interface RankedSaving {
  readonly path: string;
  readonly line: number;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly monthly: { readonly usd: number; readonly low: number; readonly high: number };
}

export function topSavings(files: readonly FileReport[], limit = 10): RankedSaving[] {
  const all: RankedSaving[] = [];
  for (const f of files) for (const d of f.diagnostics) if (d.savings) all.push({ path: f.path, line: d.line, code: d.code, message: d.message, monthly: d.savings.monthly });
  return all.sort((a, b) => b.monthly.usd - a.monthly.usd || b.monthly.high - a.monthly.high || a.path.localeCompare(b.path) || a.line - b.line).slice(0, limit);
}

function savingText(s: RankedSaving): string {
  if (s.monthly.usd > 0) return s.monthly.low < s.monthly.usd ? `${formatUsd(s.monthly.usd)} (${formatUsd(s.monthly.low)}–${formatUsd(s.monthly.high)})` : formatUsd(s.monthly.usd);
  return `up to ${formatUsd(s.monthly.high)} exposure`;
}

/** Undefined when there is nothing to save. */
export function savingsTable(files: readonly FileReport[], limit = 10): ReportTable | undefined {
  const top = topSavings(files, limit);
  if (top.length === 0) return undefined;
  return {
    title: 'Top savings',
    columns: [{ header: 'site' }, { header: 'finding' }, { header: 'a month', align: 'right' }, { header: 'what to do' }],
    rows: top.map((s) => [`${s.path}:${s.line}`, s.code, { text: savingText(s), raw: Number(s.monthly.usd.toPrecision(6)) }, s.message]),
  };
}
