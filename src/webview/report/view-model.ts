/**
 * The page's own state: its filters, sort and pages (normalised from a saved state), and the query
 * that asks the host for the rows they show (the host filters, sorts and pages: report-pages.ts).
 */
import type { SiteScope } from '../../core/report/types';
import { DEFAULT_SITE_SORT, isSiteSort, type ReportHeader, type ReportQuery, type ReportUiState, type SiteKind, type SiteSort, type SiteSortKey } from '../protocol/report';

export const DEFAULT_REPORT_UI: ReportUiState = { text: '', model: '', kind: '', page: 0, open: [], pages: {}, sort: DEFAULT_SITE_SORT, filesPage: 0, removedPage: 0 };

const KINDS: readonly SiteKind[] = ['call', 'loop', 'instructions'];

/** Every scope, in the order the groups are listed (the core's order). */
export const SCOPE_ORDER: readonly SiteScope[] = ['runtime', 'test', 'example', 'docs', 'notebook', 'instructions'];

/** A group's title: the scope in the words the CLI's "Not in the total" line uses. */
export const SCOPE_TITLE: Record<SiteScope, string> = {
  runtime: 'Runtime code',
  test: 'Tests',
  example: 'Examples',
  docs: 'Docs',
  notebook: 'Notebooks',
  instructions: 'Coding-agent instructions',
};

function isScope(value: unknown): value is SiteScope {
  return typeof value === 'string' && (SCOPE_ORDER as readonly string[]).includes(value);
}

function pageNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

export function normalizeReportUi(value: Partial<ReportUiState> | undefined): ReportUiState {
  if (!value) return DEFAULT_REPORT_UI;
  const pages: Partial<Record<SiteScope, number>> = {};
  if (value.pages && typeof value.pages === 'object') for (const [scope, page] of Object.entries(value.pages)) if (isScope(scope)) pages[scope] = pageNumber(page);
  return {
    text: typeof value.text === 'string' ? value.text.slice(0, 200) : '',
    model: typeof value.model === 'string' ? value.model : '',
    kind: KINDS.includes(value.kind as SiteKind) ? (value.kind as SiteKind) : '',
    page: pageNumber(value.page),
    open: Array.isArray(value.open) ? [...new Set(value.open.filter(isScope))] : [],
    pages,
    sort: isSiteSort(value.sort) ? value.sort : DEFAULT_SITE_SORT,
    filesPage: pageNumber(value.filesPage),
    removedPage: pageNumber(value.removedPage),
  };
}

/** The host query for what the page shows under `ui`. */
export function queryFor(ui: ReportUiState, id: number): ReportQuery {
  return { id, text: ui.text, model: ui.model, kind: ui.kind, sort: ui.sort ?? DEFAULT_SITE_SORT, pages: { ...ui.pages, headline: ui.page }, filesPage: ui.filesPage ?? 0, removedPage: ui.removedPage ?? 0 };
}

/** A column header chosen: the same one flips its direction; a new one starts most expensive (or A→Z for the site) first. */
export function nextSiteSort(current: SiteSort, key: SiteSortKey): SiteSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key !== 'site' };
}

/** The scopes whose sites make the headline total (`runtime` unless the scan included others). */
export function headlineScopes(data: ReportHeader): readonly SiteScope[] {
  return data.totals.scopes && data.totals.scopes.length > 0 ? data.totals.scopes : ['runtime'];
}
