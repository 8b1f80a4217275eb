/** What commands hand to the renderers: tables of display text, with raw values for CSV. */

export type OutputFormat = 'table' | 'json' | 'markdown' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'markdown', 'csv'];

/** A cell: display text, or display text plus the raw value a spreadsheet should get. */
export type Cell = string | { readonly text: string; readonly raw: string | number | boolean | null };

export interface Column {
  readonly header: string;
  /** Numbers read best right-aligned. Default left. */
  readonly align?: 'left' | 'right';
}

export interface Table {
  /** A heading line above the table (text and Markdown). */
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Lines under the table: totals, basis, assumptions (text and Markdown; not CSV). */
  readonly notes?: readonly string[];
}

export function cellText(c: Cell): string {
  return typeof c === 'string' ? c : c.text;
}

export function cellRaw(c: Cell): string {
  if (typeof c === 'string') return c;
  return c.raw === null ? '' : String(c.raw);
}
