/** Aligned plain-text tables for terminals and logs. */
import { cellText, type Table } from './types';

/** Display width: counts code points, so `≈` and `★` take one column like ASCII. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: 'left' | 'right' | undefined): string {
  const gap = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? gap + s : s + gap;
}

export function renderText(table: Table): string {
  const header = table.columns.map((c) => c.header);
  const body = table.rows.map((r) => table.columns.map((_, i) => cellText(r[i] ?? '')));
  const widths = table.columns.map((_, i) => Math.max(width(header[i]), ...body.map((r) => width(r[i]))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], table.columns[i].align))
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (table.title) out.push(table.title, '');
  out.push(line(header), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) out.push(line(r));
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes);
  return out.join('\n') + '\n';
}
