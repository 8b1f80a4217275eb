/**
 * The API offerings table: one row per offering that fits, sortable by every
 * figure, paged, each row with a details row saying where its figures came from.
 */
import type { CompareRow } from '../../core/compare/types';
import { formatDuration, formatPrice, formatTokens, formatTokensPerSecond } from '../../core/format';
import type { CompareData, CompareSortKey, CompareUiState } from '../protocol/compare';
import { button, h } from '../shared/dom';
import { headerRow, pageOf, pager, type Column } from '../shared/table';
import { breakdownText, detailLines, latencyText, monthlyText, tokensText } from './provenance';

export const PAGE_SIZE = 25;

export interface TableEvents {
  readonly onSort: (key: CompareSortKey) => void;
  readonly onPage: (page: number) => void;
}

function columns(unit: string): Column<CompareSortKey>[] {
  return [
    { key: 'provider', label: 'Provider' },
    { key: 'model', label: 'Model' },
    { key: 'perUnit', label: `$/${unit}`, numeric: true },
    { key: 'monthly', label: '$/month', numeric: true },
    { key: 'ttft', label: 'TTFT', numeric: true, title: 'time to first token of the first call' },
    { key: 'speed', label: 'Output tok/s', numeric: true },
    { key: 'latency', label: 'Latency', numeric: true, title: `whole ${unit}, model time` },
    { key: 'tokens', label: 'Tokens', numeric: true, title: 'input + output + reasoning, in the model’s tokens' },
    { label: 'Source' },
  ];
}

function cell(text: string, props: { numeric?: boolean; title?: string; className?: string } = {}): HTMLTableCellElement {
  const classes = [props.numeric ? 'num' : '', props.className ?? ''].filter((c) => c !== '').join(' ');
  return h('td', { text, title: props.title, className: classes || undefined });
}

function rowElements(row: CompareRow, data: CompareData, expanded: Set<string>, rerender: () => void): HTMLTableRowElement[] {
  const src = data.sources[row.id];
  const current = data.currentModel !== undefined && row.model === data.currentModel;
  const detailsId = `details-${row.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const open = expanded.has(row.id);
  const toggle = button(open ? 'Hide' : 'Details', () => {
    if (expanded.has(row.id)) expanded.delete(row.id);
    else expanded.add(row.id);
    rerender();
  }, { className: 'link', attrs: { 'aria-expanded': String(open), 'aria-controls': detailsId, 'aria-label': `Where the figures for ${row.id} come from` } });
  const modelCell = h('td', {}, row.model);
  if (current) {
    const assumed = data.pinned?.assumed;
    const text = assumed === undefined ? 'current' : assumed ? 'current (assumed)' : 'current (from code)';
    modelCell.append(' ', h('span', { className: 'badge current-badge', text, title: data.pinned ? `the site's model, ${data.pinned.modelFrom}` : 'the model this workload is priced on' }));
  }
  if (row.pareto) modelCell.append(' ', h('span', { className: 'badge pareto-badge', text: 'Pareto', title: 'no other offering is both cheaper and faster' }));
  const cap = row.capability;
  if (cap && cap.verdict !== 'can') {
    const why = [...cap.unmet, ...cap.unknown].join('; ');
    modelCell.append(' ', h('span', { className: 'badge capability-badge', text: cap.verdict === 'cannot' ? 'cannot' : 'not stated', title: `${cap.verdict === 'cannot' ? 'Cannot do this site\'s job' : 'No source states a capability this site needs'}: ${why}` }));
  }
  const tokens = row.tokens.input + row.tokens.output + row.tokens.reasoning;
  // `*` as in the CLI: a speed the catalog does not give, assumed by the cost layer.
  const star = row.latencyBasis === 'assumed' ? '*' : '';
  const tr = h(
    'tr',
    { className: [row.pareto ? 'pareto' : '', current ? 'current' : '', row.perUnit.kind === 'unpriced' ? 'unpriced' : ''].filter(Boolean).join(' ') || undefined, attrs: { 'data-id': row.id } },
    cell(row.provider),
    modelCell,
    cell(formatPrice(row.perUnit), { numeric: true, title: breakdownText(row.perUnit), className: 'cost' }),
    cell(formatPrice(row.monthly), { numeric: true, title: monthlyText(row, data) }),
    cell(formatDuration(row.ttftMs) + star, { numeric: true, title: latencyText(row, src) }),
    cell(formatTokensPerSecond(row.outputTokensPerSecond) + star, { numeric: true, title: latencyText(row, src) }),
    cell(formatDuration(row.latencyMs) + star, { numeric: true, title: latencyText(row, src) }),
    cell(`${row.tokensExact ? '' : '≈'}${formatTokens(tokens)}`, { numeric: true, title: tokensText(row, data) }),
    h('td', { title: src ? `${src.source} (as of ${src.asOf})` : undefined }, h('span', { className: 'muted', text: src ? src.asOf : '—' }), ' ', toggle),
  );
  if (!open) return [tr];
  const list = h('dl', { className: 'details' });
  for (const [term, text] of detailLines(row, data)) list.append(h('dt', { text: term }), h('dd', { text }));
  const details = h('tr', { className: 'details-row', attrs: { id: detailsId } }, h('td', { attrs: { colspan: '9' } }, list));
  return [tr, details];
}

export function renderOfferingsTable(
  rows: readonly CompareRow[],
  data: CompareData,
  ui: CompareUiState,
  expanded: Set<string>,
  events: TableEvents,
  rerender: () => void,
): HTMLElement {
  const slice = pageOf(rows, ui.page, PAGE_SIZE);
  const table = h(
    'table',
    { className: 'grid', attrs: { 'data-testid': 'offerings' } },
    h('caption', { className: 'sr-only', text: `Offerings that can serve this workload, sorted by ${ui.sort.key}` }),
    h('thead', {}, headerRow(columns(data.unit), ui.sort, events.onSort)),
  );
  const body = h('tbody');
  for (const row of slice.items) body.append(...rowElements(row, data, expanded, rerender));
  if (rows.length === 0) body.append(h('tr', {}, h('td', { attrs: { colspan: '9' }, className: 'empty', text: 'No offering matches the filters.' })));
  table.append(body);
  const notes = [
    rows.some((r) => r.latencyBasis === 'assumed') ? '* speed assumed: the catalog has no speed figures for the offering.' : '',
    rows.some((r) => !r.tokensExact) ? '≈ token counts converted to the model family’s tokenizer by a calibrated ratio.' : '',
  ].filter((n) => n !== '');
  return h('div', { className: 'table-wrap' }, table, pager(slice, rows.length, events.onPage, 'Offerings'), ...notes.map((n) => h('p', { className: 'muted table-note', text: n })));
}
