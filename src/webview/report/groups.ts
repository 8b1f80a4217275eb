/**
 * The sites section of the report: the headline scopes' sites (runtime code unless the scan
 * included others) ranked in one table, then each other scope (tests, examples, docs, notebooks,
 * coding-agent instructions) as a collapsible group with its own total from the core, then, when
 * the view compares with a revision, the sites that revision had and the workspace no longer has.
 */
import { formatInteger, formatPrice } from '../../core/format';
import type { SiteScope } from '../../core/report/types';
import type { ReportData, ReportDiffData, ReportSiteView, ReportUiState } from '../protocol/report';
import { h } from '../shared/dom';
import { removedTable, sitesTable } from './tables';
import { groupSites, SCOPE_TITLE } from './view-model';

export interface GroupsHandlers {
  readonly onReveal: (s: ReportSiteView) => void;
  readonly onPage: (scope: SiteScope | 'headline', page: number) => void;
  readonly onToggle: (scope: SiteScope, open: boolean) => void;
}

function count(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** "Tests · 2 sites · $9.05 a month": the figure is the core's total of the scope (every site, not only those the filters show). */
function groupSummary(scope: SiteScope, shown: number, total: { readonly monthlyCost: ReportData['totals']['monthlyCost']; readonly sites: number } | undefined): HTMLElement {
  const sites = total && total.sites !== shown ? `${formatInteger(shown)} of ${count(total.sites, 'site')}` : count(shown, 'site');
  return h(
    'summary',
    { attrs: { 'data-testid': `scope-${scope}` } },
    h('span', { className: 'group-title', text: SCOPE_TITLE[scope] }),
    h('span', { className: 'muted', text: ` · ${sites}` }),
    total ? h('span', { className: 'group-total num', text: `${formatPrice(total.monthlyCost)} a month` }) : false,
  );
}

export function siteGroups(data: ReportData, visible: readonly ReportSiteView[], ui: ReportUiState, diff: ReportDiffData | undefined, on: GroupsHandlers): HTMLElement[] {
  const { headline, apart } = groupSites(data, visible);
  const out: HTMLElement[] = [
    h('h2', { text: 'Sites by monthly cost' }),
    sitesTable(headline, { page: ui.page, onPage: (p) => on.onPage('headline', p), onReveal: on.onReveal, diff, name: 'Sites in the total' }),
  ];
  if (apart.length > 0) out.push(h('h2', { className: 'apart-title', text: 'Not in the total' }));
  for (const group of apart) {
    const details = h(
      'details',
      { className: 'scope-group', attrs: { 'data-scope': group.scope, ...(ui.open?.includes(group.scope) ? { open: '' } : {}) } },
      groupSummary(group.scope, group.sites.length, group.total),
      sitesTable(group.sites, { page: ui.pages?.[group.scope] ?? 0, onPage: (p) => on.onPage(group.scope, p), onReveal: on.onReveal, diff, name: SCOPE_TITLE[group.scope] }),
    );
    details.addEventListener('toggle', () => on.onToggle(group.scope, details.open));
    out.push(details);
  }
  if (diff && diff.removed.length > 0) {
    out.push(
      h(
        'details',
        { className: 'scope-group', attrs: { 'data-scope': 'removed' } },
        h('summary', { attrs: { 'data-testid': 'removed-summary' } }, h('span', { className: 'group-title', text: `Removed since ${diff.ref}` }), h('span', { className: 'muted', text: ` · ${count(diff.removed.length, 'site')}` })),
        removedTable(diff),
      ),
    );
  }
  return out;
}
