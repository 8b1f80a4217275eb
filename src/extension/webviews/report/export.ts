/**
 * Export of the Cost report through the core's `renderScan`, the function
 * `tokenomics scan` prints with: a saved file equals `tokenomics scan --format
 * markdown --all`, `--format csv` or `--format json` run on the same folder.
 */
import { renderScan } from '../../../core/report/render';
import type { ScanReport } from '../../../core/report/types';
import type { ExportFormat } from '../../../webview/protocol/report';

/** Every site: an export is the full list (the CLI's `--all`). */
export function renderExport(report: ScanReport, format: ExportFormat): string {
  return renderScan(report, format, true);
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, { ext: string; label: string }> = {
  markdown: { ext: 'md', label: 'Markdown' },
  csv: { ext: 'csv', label: 'CSV' },
  json: { ext: 'json', label: 'JSON' },
};
