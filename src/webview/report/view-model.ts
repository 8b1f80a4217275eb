/** Filtering and grouping of the report's sites (already ranked by the host) and normalising saved UI state. */
import type { SiteScope } from '../../core/report/types';
import type { ReportData, ReportSiteView, ReportUiState, SiteKind } from '../protocol/report';

export const DEFAULT_REPORT_UI: ReportUiState = { text: '', model: '', kind: '', page: 0, open: [], pages: {} };

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
  };
}

export function filterSites(sites: readonly ReportSiteView[], ui: ReportUiState): ReportSiteView[] {
  const needle = ui.text.trim().toLowerCase();
  return sites.filter(
    (s) =>
      (ui.kind === '' || s.kind === ui.kind) &&
      (ui.model === '' || s.model === ui.model) &&
      (needle === '' || s.path.toLowerCase().includes(needle) || (s.model ?? '').toLowerCase().includes(needle) || s.framework.toLowerCase().includes(needle)),
  );
}

export function modelsOf(sites: readonly ReportSiteView[]): string[] {
  return [...new Set(sites.flatMap((s) => (s.model ? [s.model] : [])))].sort();
}

/** The scopes whose sites make the headline total (`runtime` unless the scan included others). */
export function headlineScopes(data: ReportData): readonly SiteScope[] {
  return data.totals.scopes && data.totals.scopes.length > 0 ? data.totals.scopes : ['runtime'];
}

export interface SiteGroup {
  readonly scope: SiteScope;
  readonly sites: readonly ReportSiteView[];
  /** The scope's monthly cost and site count from the core's totals (all its sites, not only those shown). */
  readonly total?: NonNullable<ReportData['totals']['byScope']>[number];
}

/**
 * The sites split into the headline (the scopes the total counts, ranked together) and one group
 * per other scope, in the core's scope order, each ranked as the host ranked them. Empty groups
 * are left out; the headline group is always there.
 */
export function groupSites(data: ReportData, sites: readonly ReportSiteView[]): { readonly headline: readonly ReportSiteView[]; readonly apart: readonly SiteGroup[] } {
  const inHeadline = new Set(headlineScopes(data));
  const headline = sites.filter((s) => inHeadline.has(s.scope ?? 'runtime'));
  const apart = SCOPE_ORDER.filter((scope) => !inHeadline.has(scope)).flatMap((scope) => {
    const of = sites.filter((s) => (s.scope ?? 'runtime') === scope);
    const total = data.totals.byScope?.find((b) => b.scope === scope);
    return of.length > 0 ? [{ scope, sites: of, ...(total ? { total } : {}) }] : [];
  });
  return { headline, apart };
}
