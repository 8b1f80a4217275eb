/**
 * A ScanReport in each output format. One function for `tokenomics scan` and
 * the Cost report's export, so a saved report equals what the CLI prints.
 */
import { toSarif } from '../sarif';
import { scanTables } from '../tables';
import type { ScanReport } from '../types';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown';
import { renderText } from './text';

export type ScanFormat = 'table' | 'markdown' | 'json' | 'csv' | 'sarif';

/** `allRows`: every site in the table and Markdown (CSV and JSON always hold every site). */
export function renderScan(report: ScanReport, format: ScanFormat, allRows: boolean): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(toSarif(report), null, 2) + '\n';
    case 'csv':
      return renderCsv(scanTables(report, { allRows: true })[0]);
    case 'markdown':
      return scanTables(report, { allRows }).map(renderMarkdown).join('\n');
    case 'table':
      return scanTables(report, { allRows }).map(renderText).join('\n');
  }
}
