/**
 * Table pieces shared by both pages: sortable header buttons (keyboard
 * accessible, `aria-sort` on the header cell) and a pager for long tables.
 */
import { button, h } from './dom';

export interface SortState<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

export interface Column<K extends string> {
  readonly key?: K;
  readonly label: string;
  readonly numeric?: boolean;
  readonly title?: string;
}

export function headerRow<K extends string>(columns: readonly Column<K>[], sort: SortState<K> | undefined, onSort: (key: K) => void): HTMLTableRowElement {
  const row = h('tr');
  for (const col of columns) {
    const th = h('th', { className: col.numeric ? 'num' : undefined, attrs: { scope: 'col' }, title: col.title });
    if (col.key === undefined) {
      th.textContent = col.label;
    } else {
      const key = col.key;
      const active = sort?.key === key;
      if (active) th.setAttribute('aria-sort', sort.descending ? 'descending' : 'ascending');
      const arrow = active ? (sort.descending ? ' ▼' : ' ▲') : '';
      th.append(button(col.label + arrow, () => onSort(key), { className: 'sort', attrs: { 'data-sort': key } }));
    }
    row.append(th);
  }
  return row;
}

export interface PageSlice<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
}

export function pageOf<T>(items: readonly T[], page: number, size: number): PageSlice<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/** Previous / next buttons and "page i of n"; nothing when everything fits on one page. */
export function pager(slice: PageSlice<unknown>, total: number, onPage: (page: number) => void, name: string): HTMLElement | undefined {
  if (slice.pages <= 1) return undefined;
  const prev = button('‹ Previous', () => onPage(slice.page - 1), { attrs: { 'data-pager': 'prev' } });
  const next = button('Next ›', () => onPage(slice.page + 1), { attrs: { 'data-pager': 'next' } });
  prev.disabled = slice.page === 0;
  next.disabled = slice.page >= slice.pages - 1;
  return h(
    'nav',
    { className: 'pager', attrs: { 'aria-label': `${name} pages` } },
    prev,
    h('span', { className: 'pager-text', text: `Page ${slice.page + 1} of ${slice.pages} (${total} rows)` }),
    next,
  );
}

/** Flips the direction when the same column is chosen again; numbers start ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}
