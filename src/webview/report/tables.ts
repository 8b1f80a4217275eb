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

const KIND_BADGE: Record<ReportSiteView['kind'], string> = { call: 'call', loop: 'loop', instructions: 'file' };

function siteTitle(s: ReportSiteView): string {
  const parts = [
    `${s.framework} ${s.kind} at ${s.path}:${s.line}`,
    `${s.model ?? 'no model'} · ${formatFigure({ price: s.perUnit, unit: s.unit })}`,
    `${formatTokens(s.inputTokens)} input tokens${s.steps !== undefined ? `, ${s.steps} steps` : ''}`,
    s.callsPerDay !== undefined ? `${formatInteger(s.callsPerDay)} per day` : '',
    s.perUnit.kind === 'unpriced' ? `unpriced: missing ${s.perUnit.missing.join(', ')}` : '',
    ...s.notes,
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** `src/agents/review.ts` → file name and folder, shown as `review.ts  src/agents/` (the folder cut first). */
export function splitPath(path: string): { readonly name: string; readonly folder: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash + 1) };
}

/** Arrow keys move between the rows' site buttons; Home and End jump; Enter opens the site. */
function rowNavigation(body: HTMLElement, event: KeyboardEvent): void {
  const buttons = Array.from(body.querySelectorAll<HTMLButtonElement>('button[data-site]'));
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

/** One line per site: kind badge, file name, folder (muted, cut with an ellipsis), figures right-aligned. */
export function sitesTable(sites: readonly ReportSiteView[], ui: ReportUiState, onReveal: (s: ReportSiteView) => void, onPage: (p: number) => void): HTMLElement {
  const slice = pageOf(sites, ui.page, SITES_PAGE_SIZE);
  const body = h('tbody');
  body.addEventListener('keydown', (e) => rowNavigation(body, e));
  for (const s of slice.items) {
    const { name, folder } = splitPath(s.path);
    const location = button('', () => onReveal(s), { className: 'link site-link', attrs: { 'data-site': s.siteId, 'aria-label': `Open ${s.path} line ${s.line}` } });
    location.append(h('span', { className: 'file', text: `${name}:${s.line}` }), folder ? h('span', { className: 'folder', text: folder }) : '');
    body.append(
      h(
        'tr',
        { className: s.monthly.kind === 'unpriced' ? 'unpriced' : undefined, title: siteTitle(s), attrs: { 'data-site-row': `${s.path}#${s.siteId}` } },
        h('td', { className: 'site' }, h('span', { className: `badge kind-${s.kind}`, text: KIND_BADGE[s.kind] }), location),
        h('td', { className: 'num cost', text: formatPrice(s.monthly) }),
        h('td', { className: 'num per-unit', text: formatFigure({ price: s.perUnit, unit: s.unit }) }),
      ),
    );
  }
  if (sites.length === 0) body.append(h('tr', {}, h('td', { className: 'empty', text: 'No site matches.', attrs: { colspan: '3' } })));
  const table = h('table', { className: 'grid sites', attrs: { 'data-testid': 'sites' } }, h('caption', { className: 'sr-only', text: 'Sites ranked by projected monthly cost; arrow keys move between sites, Enter opens one' }), h('thead', {}, headerRow(SITE_COLUMNS, undefined, () => undefined)), body);
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
