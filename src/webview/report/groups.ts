/**
 * The sites section of the report: the headline scopes' sites (runtime code unless the scan
 * included others) ranked in one table, then each other scope (tests, examples, docs, notebooks,
 * coding-agent instructions) as a collapsible group with its own total from the core, then, when
 * the view compares with a revision, the sites that revision had and the workspace no longer has.
 */
import { formatInteger, formatPrice } from '../../core/format';
import type { SiteScope } from '../../core/report/types';
import { DEFAULT_SITE_SORT, type ReportDiffData, type ReportHeader, type ReportSiteRows, type ReportSiteView, type ReportUiState, type SiteSortKey } from '../protocol/report';
import { h } from '../shared/dom';
import { removedTable, sitesTable } from './tables';
import { SCOPE_TITLE } from './view-model';

export interface GroupsHandlers {
  readonly onReveal: (s: ReportSiteView) => void;
  readonly onSort: (key: SiteSortKey) => void;
  readonly onPage: (scope: SiteScope | 'headline', page: number) => void;
  readonly onToggle: (scope: SiteScope, open: boolean) => void;
  readonly onRemovedPage: (page: number) => void;
}

function count(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** "Tests · 2 sites · $9.05 a month": the figure is the core's total of the scope (every site, not only those the filters show). */
function groupSummary(scope: SiteScope, shown: number, total: { readonly monthlyCost: ReportHeader['totals']['monthlyCost']; readonly sites: number } | undefined): HTMLElement {
  const sites = total && total.sites !== shown ? `${formatInteger(shown)} of ${count(total.sites, 'site')}` : count(shown, 'site');
  return h(
    'summary',
    { attrs: { 'data-testid': `scope-${scope}` } },
    h('span', { className: 'group-title', text: SCOPE_TITLE[scope] }),
    h('span', { className: 'muted', text: ` · ${sites}` }),
    total ? h('span', { className: 'group-total num', text: `${formatPrice(total.monthlyCost)} a month` }) : false,
  );
}

/** The groups of the host's page of rows (the headline first, then each other scope with a matching site). */
export function siteGroups(data: ReportHeader, rows: ReportSiteRows, ui: ReportUiState, diff: ReportDiffData | undefined, on: GroupsHandlers): HTMLElement[] {
  const sort = ui.sort ?? DEFAULT_SITE_SORT;
  // The rows' deltas count only when they are against the revision the page compares with now.
  const rowsDiff = diff && rows.diff?.ref === diff.ref ? rows.diff : undefined;
  const deltas = rowsDiff?.deltas;
  const headline = rows.groups.find((g) => g.group === 'headline') ?? { group: 'headline' as const, matched: 0, page: 0, pages: 1, rows: [] };
  const apart = rows.groups.flatMap((g) => (g.group === 'headline' ? [] : [{ ...g, scope: g.group }]));
  const out: HTMLElement[] = [
    h('h2', { text: 'Sites by monthly cost' }),
    sitesTable(headline, { sort, onSort: on.onSort, onPage: (p) => on.onPage('headline', p), onReveal: on.onReveal, diff, deltas, name: 'Sites in the total' }),
  ];
  if (apart.length > 0) out.push(h('h2', { className: 'apart-title', text: 'Not in the total' }));
  for (const group of apart) {
    const total = data.totals.byScope?.find((b) => b.scope === group.scope);
    const details = h(
      'details',
      { className: 'scope-group', attrs: { 'data-scope': group.scope, ...(ui.open?.includes(group.scope) ? { open: '' } : {}) } },
      groupSummary(group.scope, group.matched, total),
      sitesTable(group, { sort, onSort: on.onSort, onPage: (p) => on.onPage(group.scope, p), onReveal: on.onReveal, diff, deltas, name: SCOPE_TITLE[group.scope] }),
    );
    details.addEventListener('toggle', () => on.onToggle(group.scope, details.open));
    out.push(details);
  }
  if (diff && rowsDiff && rowsDiff.removed.count > 0) {
    out.push(
      h(
        'details',
        { className: 'scope-group', attrs: { 'data-scope': 'removed', ...(ui.removedPage ? { open: '' } : {}) } },
        h('summary', { attrs: { 'data-testid': 'removed-summary' } }, h('span', { className: 'group-title', text: `Removed since ${diff.ref}` }), h('span', { className: 'muted', text: ` · ${count(rowsDiff.removed.count, 'site')}` })),
        removedTable(diff, rowsDiff.removed, on.onRemovedPage),
      ),
    );
  }
  return out;
}
