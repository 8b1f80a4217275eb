/** GitHub-flavoured Markdown tables, for PR comments and job summaries. */
import { cellText, type Table } from './types';

/** Pipes end a cell and newlines end a row: escape the one, flatten the other. */
function escapeCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A note line that starts like a list item or heading (`* assumed`, `# 1`) stays plain text. */
function escapeLineStart(s: string): string {
  return s.replace(/^([*+#>-]|\d+\.)/, '\\$1');
}

export function renderMarkdown(table: Table): string {
  const out: string[] = [];
  if (table.title) out.push(`**${escapeCell(table.title)}**`, '');
  out.push(`| ${table.columns.map((c) => escapeCell(c.header)).join(' | ')} |`);
  out.push(`|${table.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
  for (const r of table.rows) out.push(`| ${table.columns.map((_, i) => escapeCell(cellText(r[i] ?? ''))).join(' | ')} |`);
  if (table.notes && table.notes.length > 0) out.push('', ...table.notes.map((n) => (n === '' ? '' : `${escapeLineStart(n)}  `)));
  return out.join('\n') + '\n';
}
