/**
 * CSV per RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF are
 * quoted and inner quotes doubled. Cells carry raw values (numbers unformatted)
 * so spreadsheets can sum them; titles and notes are left out (pure data).
 */
import { cellRaw, type Table } from './types';

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const r of table.rows) lines.push(table.columns.map((_, i) => csvField(cellRaw(r[i] ?? ''))).join(','));
  return lines.join('\r\n') + '\r\n';
}
