/**
 * Export of the Cost report: the same renderers as the CLI (`src/cli/output`),
 * so a saved file reads like `tokenomics scan --format markdown|csv|json`.
 *
 * INTERIM: the scan command (src/cli/commands/scan.ts, helper "detect") had not
 * landed when this was written, so the scan's tables are built here from the
 * core's site attribution. When the scan command exports its output builder,
 * `scanOutput` below should call it instead, so the two can never differ.
 */
import { renderOutput, type CommandOutput, type Table } from '../../../cli/output';
import { formatPrice } from '../../../core/format';
import type { Price } from '../../../core/cost/types';
import type { ScanReport } from '../../../core/report/types';
import type { ExportFormat } from '../../../webview/protocol/report';
import { reportData } from './view-model';

function money(p: Price): { text: string; raw: number | null } {
  return { text: formatPrice(p), raw: p.kind === 'priced' ? p.usd : null };
}

export function scanOutput(report: ScanReport): CommandOutput {
  const data = reportData(report, [], 0);
  const sites: Table = {
    title: 'Sites by projected monthly cost',
    columns: [{ header: 'File' }, { header: 'Line', align: 'right' }, { header: 'Kind' }, { header: 'Framework' }, { header: 'Model' }, { header: 'Per unit', align: 'right' }, { header: 'Monthly', align: 'right' }],
    rows: data.sites.map((s) => [s.path, { text: String(s.line), raw: s.line }, s.kind, s.framework, s.model ?? '', money(s.perUnit), money(s.monthly)]),
    notes: [`Total monthly: ${formatPrice(report.totals.monthlyCost)} (catalog as of ${report.catalog.asOf}, ${report.catalog.source})`],
  };
  const byModel: Table = {
    title: 'By model',
    columns: [{ header: 'Model' }, { header: 'Sites', align: 'right' }, { header: 'Monthly', align: 'right' }],
    rows: report.totals.byModel.map((m) => [m.model, { text: String(m.sites), raw: m.sites }, money(m.monthlyCost)]),
  };
  const byFile: Table = {
    title: 'By file',
    columns: [{ header: 'File' }, { header: 'Monthly', align: 'right' }],
    rows: report.totals.byFile.map((f) => [f.path, money(f.monthlyCost)]),
  };
  return { tables: [sites, byModel, byFile], json: report };
}

export function renderExport(report: ScanReport, format: ExportFormat): string {
  return renderOutput(format, scanOutput(report));
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, { ext: string; label: string }> = {
  markdown: { ext: 'md', label: 'Markdown' },
  csv: { ext: 'csv', label: 'CSV' },
  json: { ext: 'json', label: 'JSON' },
};

