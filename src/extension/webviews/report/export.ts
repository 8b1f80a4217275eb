/**
 * Export of the Cost report: the same tables and renderers as `tokenomics scan`
 * (`scanTables` from the core report, `renderMarkdown` / `renderCsv` from the
 * CLI), so a saved file equals `tokenomics scan --format markdown --all`,
 * `--format csv` or `--format json` run on the same folder with the same settings.
 */
import { renderCsv, renderMarkdown } from '../../../cli/output';
import { scanTables } from '../../../core/report/tables';
import type { ScanReport } from '../../../core/report/types';
import type { ExportFormat } from '../../../webview/protocol/report';

export function renderExport(report: ScanReport, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return renderCsv(scanTables(report, { allRows: true })[0]);
    case 'markdown':
      // Every site: an export is the full list (the CLI's `--all`).
      return scanTables(report, { allRows: true }).map(renderMarkdown).join('\n');
  }
}

export const EXPORT_EXTENSIONS: Record<ExportFormat, { ext: string; label: string }> = {
  markdown: { ext: 'md', label: 'Markdown' },
  csv: { ext: 'csv', label: 'CSV' },
  json: { ext: 'json', label: 'JSON' },
};
