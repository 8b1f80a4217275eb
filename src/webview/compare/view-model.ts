/**
 * Filtering and ordering of the rows the host computed. Ordering only: no
 * figure is computed here (surfaces format, they never price).
 */
import type { CompareRow } from '../../core/compare/types';
import type { CompareSortKey, CompareUiState } from '../protocol/compare';

export const DEFAULT_UI: CompareUiState = { sort: { key: 'perUnit', descending: false }, provider: '', openWeightOnly: false, page: 0 };

const SORT_KEYS: readonly CompareSortKey[] = ['provider', 'model', 'perUnit', 'monthly', 'ttft', 'speed', 'latency', 'tokens'];

/** A saved UI state from an older page, or a tampered one, becomes a valid one. */
export function normalizeUi(value: Partial<CompareUiState> | undefined): CompareUiState {
  if (!value) return DEFAULT_UI;
  const key = SORT_KEYS.includes(value.sort?.key as CompareSortKey) ? (value.sort?.key as CompareSortKey) : DEFAULT_UI.sort.key;
  const max = value.maxLatencySeconds;
  return {
    sort: { key, descending: value.sort?.descending === true },
    provider: typeof value.provider === 'string' ? value.provider : '',
    openWeightOnly: value.openWeightOnly === true,
    ...(typeof max === 'number' && Number.isFinite(max) && max > 0 ? { maxLatencySeconds: max } : {}),
    page: typeof value.page === 'number' && Number.isFinite(value.page) && value.page >= 0 ? Math.floor(value.page) : 0,
    ...(typeof value.search === 'string' && value.search.trim() !== '' ? { search: value.search.slice(0, 200) } : {}),
    ...(value.showAll === true ? { showAll: true } : {}),
  };
}

/** A row the host marked as unable (or not known able) to do the site's job. */
export function cannotDoJob(r: CompareRow): boolean {
  return r.capability !== undefined && r.capability.verdict !== 'can';
}

export function filterRows(rows: readonly CompareRow[], ui: CompareUiState): CompareRow[] {
  const search = ui.search?.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (ui.showAll === true || !cannotDoJob(r)) &&
      (!search || r.id.toLowerCase().includes(search)) &&
      (ui.provider === '' || r.provider === ui.provider) &&
      (!ui.openWeightOnly || r.openWeight) &&
      (ui.maxLatencySeconds === undefined || r.latencyMs <= ui.maxLatencySeconds * 1000),
  );
}

const usd = (r: CompareRow, which: 'perUnit' | 'monthly'): number | undefined => {
  const p = r[which];
  return p.kind === 'priced' ? p.usd : undefined;
};

function keyOf(r: CompareRow, key: CompareSortKey): number | string | undefined {
  switch (key) {
    case 'provider':
      return r.provider;
    case 'model':
      return r.model;
    case 'perUnit':
      return usd(r, 'perUnit');
    case 'monthly':
      return usd(r, 'monthly');
    case 'ttft':
      return r.ttftMs;
    case 'speed':
      return r.outputTokensPerSecond;
    case 'latency':
      return r.latencyMs;
    case 'tokens':
      return r.tokens.input + r.tokens.output + r.tokens.reasoning;
  }
}

/** Stable order by the chosen column; unpriced (no value) always last, whatever the direction. */
export function sortRows(rows: readonly CompareRow[], sort: CompareUiState['sort']): CompareRow[] {
  const dir = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, k: keyOf(row, sort.key) }))
    .sort((a, b) => {
      if (a.k === undefined || b.k === undefined) return (a.k === undefined ? 1 : 0) - (b.k === undefined ? 1 : 0) || a.index - b.index;
      const c = typeof a.k === 'string' ? a.k.localeCompare(String(b.k)) : a.k - (b.k as number);
      return c * dir || a.index - b.index;
    })
    .map((x) => x.row);
}

export function providersOf(rows: readonly CompareRow[]): string[] {
  return [...new Set(rows.map((r) => r.provider))].sort();
}
