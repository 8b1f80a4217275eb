/** The report's tables: ranked sites (click to reveal), totals by model and by file. */
import { formatInteger, formatPrice, formatTokens } from '../../core/format';
import { formatFigure } from '../../core/format/estimate';
import type { ReportData, ReportSiteView, ReportUiState } from '../protocol/report';
import { button, h } from '../shared/dom';
import { headerRow, pageOf, pager, type Column } from '../shared/table';

export const SITES_PAGE_SIZE = 50;

const SITE_COLUMNS: Column<never>[] = [
  { label: 'Site' },
  { label: '$/month', numeric: true, title: 'projected at the site’s calls per day × 30 days' },
  { label: 'Per unit', numeric: true, title: 'one call, one agent task, or one coding-agent request' },
];

function siteTitle(s: ReportSiteView): string {
  const parts = [
    `${s.framework} ${s.kind} at ${s.path}:${s.line}`,
    `${formatTokens(s.inputTokens)} input tokens${s.steps !== undefined ? `, ${s.steps} steps` : ''}`,
    s.callsPerDay !== undefined ? `${formatInteger(s.callsPerDay)} per day` : '',
    s.perUnit.kind === 'unpriced' ? `unpriced: missing ${s.perUnit.missing.join(', ')}` : '',
    ...s.notes,
  ];
  return parts.filter((p) => p !== '').join('\n');
}

export function sitesTable(sites: readonly ReportSiteView[], ui: ReportUiState, onReveal: (s: ReportSiteView) => void, onPage: (p: number) => void): HTMLElement {
  const slice = pageOf(sites, ui.page, SITES_PAGE_SIZE);
  const body = h('tbody');
  for (const s of slice.items) {
    const location = button(`${s.path}:${s.line}`, () => onReveal(s), { className: 'link', attrs: { 'data-site': s.siteId, 'aria-label': `Open ${s.path} line ${s.line}` } });
    body.append(
      h(
        'tr',
        { className: s.monthly.kind === 'unpriced' ? 'unpriced' : undefined, title: siteTitle(s), attrs: { 'data-site-row': `${s.path}#${s.siteId}` } },
        h(
          'td',
          { className: 'site' },
          location,
          h('div', { className: 'site-meta' }, h('span', { className: `badge kind-${s.kind}`, text: s.kind }), ` ${s.model ?? 'no model'} · ${s.framework}`),
        ),
        h('td', { className: 'num cost', text: formatPrice(s.monthly) }),
        h('td', { className: 'num', text: formatFigure({ price: s.perUnit, unit: s.unit }) }),
      ),
    );
  }
  if (sites.length === 0) body.append(h('tr', {}, h('td', { className: 'empty', text: 'No site matches.', attrs: { colspan: '3' } })));
  const table = h('table', { className: 'grid', attrs: { 'data-testid': 'sites' } }, h('caption', { className: 'sr-only', text: 'Sites ranked by projected monthly cost' }), h('thead', {}, headerRow(SITE_COLUMNS, undefined, () => undefined)), body);
  const wrap = h('div', { className: 'table-wrap' }, table);
  const nav = pager(slice, sites.length, onPage, 'Sites');
  if (nav) wrap.append(nav);
  return wrap;
}

export function byModelTable(data: ReportData): HTMLElement {
  const body = h('tbody', {}, ...data.totals.byModel.map((m) => h('tr', {}, h('td', { text: m.model }), h('td', { className: 'num', text: String(m.sites) }), h('td', { className: 'num', text: formatPrice(m.monthlyCost) }))));
  return h('table', { className: 'grid', attrs: { 'data-testid': 'by-model' } }, h('thead', {}, headerRow<never>([{ label: 'Model' }, { label: 'Sites', numeric: true }, { label: '$/month', numeric: true }], undefined, () => undefined)), body);
}

export function byFileTable(data: ReportData): HTMLElement {
  const body = h('tbody', {}, ...data.totals.byFile.map((f) => h('tr', {}, h('td', { text: f.path }), h('td', { className: 'num', text: formatPrice(f.monthlyCost) }))));
  return h('table', { className: 'grid', attrs: { 'data-testid': 'by-file' } }, h('thead', {}, headerRow<never>([{ label: 'File' }, { label: '$/month', numeric: true }], undefined, () => undefined)), body);
}
