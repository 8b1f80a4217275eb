/** The report's tables: ranked sites (click to reveal), totals by model and by file. */
import { formatInteger, formatPrice, formatUsd } from '../../core/format';
import { formatFigure, formatInputTokens } from '../../core/format/estimate';
import { signedUsd } from '../../core/diff/render';
import { siteDiffKey, type ReportDiffData, type ReportFileRow, type ReportGroupPage, type ReportHeader, type ReportRemovedSite, type ReportSiteDelta, type ReportSiteView, type SiteSort, type SiteSortKey } from '../protocol/report';
import { button, h } from '../shared/dom';
import { headerRow, pager, type Column } from '../shared/table';

function siteColumns(diff: ReportDiffData | undefined): Column<SiteSortKey>[] {
  return [
    { key: 'site', label: 'Site' },
    { key: 'cost', label: '$/month', numeric: true, title: 'projected at the site’s calls per day × 30 days' },
    { key: 'perUnit', label: 'Per unit', numeric: true, title: 'one call, one agent task, or one coding-agent request' },
    ...(diff ? [{ key: 'delta' as const, label: `vs ${diff.ref}`, numeric: true, title: `monthly cost now minus at ${diff.ref} (${diff.commit})` }] : []),
  ];
}

const KIND_BADGE: Record<ReportSiteView['kind'], string> = { call: 'call', loop: 'loop', instructions: 'file' };

function siteTitle(s: ReportSiteView): string {
  const parts = [
    `${s.framework} ${s.kind} at ${s.path}:${s.line}`,
    `${s.model ?? 'no model'} · ${formatFigure({ price: s.perUnit, unit: s.unit })}`,
    `${formatInputTokens(s.inputTokens, s.inputUnknown)} input tokens${s.steps !== undefined ? `, ${s.steps} steps` : ''}`,
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

/**
 * Arrow keys move between the site buttons of every group shown (a closed group's rows are
 * skipped); Home and End jump; Enter opens the site.
 */
export function rowNavigation(root: HTMLElement, event: KeyboardEvent): void {
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-site]')).filter((b) => !b.closest('details:not([open])'));
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

/** The vs-revision cell: the signed monthly delta, `new` for an added site, `=` when unchanged. */
function deltaCell(d: ReportSiteDelta | undefined, ref: string): HTMLTableCellElement {
  if (!d) return h('td', { className: 'num delta' });
  const reasons = d.reasons.length > 0 ? `\n${d.reasons.join('\n')}` : '';
  if (d.change === 'unchanged') return h('td', { className: 'num delta muted', text: '=', title: `unchanged since ${ref}` });
  if (d.change === 'added') return h('td', { className: 'num delta delta-added', text: 'new', title: `not at ${ref}${reasons}` });
  const text = d.monthlyDelta === null ? 'changed' : signedUsd(d.monthlyDelta);
  const direction = d.monthlyDelta === null ? '' : d.monthlyDelta > 0 ? ' delta-up' : d.monthlyDelta < 0 ? ' delta-down' : '';
  const before = d.monthlyBase !== null ? ` (was ${formatUsd(d.monthlyBase)} a month)` : '';
  return h('td', { className: `num delta${direction}`, text, title: `changed since ${ref}${before}${reasons}` });
}

export interface SitesTableOptions {
  readonly sort: SiteSort;
  readonly onSort: (key: SiteSortKey) => void;
  readonly onPage: (page: number) => void;
  readonly onReveal: (s: ReportSiteView) => void;
  /** The comparison with a revision, when one is on: adds the "vs REF" column and marks changed rows. */
  readonly diff?: ReportDiffData;
  /** How the rows of this page differ from it, as the host sent them with the page (keyed by `siteDiffKey`). */
  readonly deltas?: Readonly<Record<string, ReportSiteDelta>>;
  /** Names the table for screen readers and its pager. */
  readonly name: string;
}

/** One line per site: kind badge, file name, folder (muted, cut with an ellipsis), figures right-aligned. One page of the group, as the host sent it. */
export function sitesTable(group: ReportGroupPage<ReportSiteView>, options: SitesTableOptions): HTMLElement {
  const { diff, deltas, onReveal } = options;
  const body = h('tbody');
  for (const s of group.rows) {
    const d = diff ? deltas?.[siteDiffKey(s)] : undefined;
    const change = d && d.change !== 'unchanged' ? d.change : undefined;
    const { name, folder } = splitPath(s.path);
    const location = button('', () => onReveal(s), { className: 'link site-link', attrs: { 'data-site': s.siteId, 'aria-label': `Open ${s.path} line ${s.line}` } });
    location.append(h('span', { className: 'file', text: `${name}:${s.line}` }), folder ? h('span', { className: 'folder', text: folder }) : '');
    body.append(
      h(
        'tr',
        {
          className: [s.monthly.kind === 'unpriced' ? 'unpriced' : '', change ? `change-${change}` : ''].filter(Boolean).join(' ') || undefined,
          title: siteTitle(s),
          attrs: { 'data-site-row': `${s.path}#${s.siteId}`, ...(change ? { 'data-change': change } : {}) },
        },
        h('td', { className: 'site' }, h('span', { className: `badge kind-${s.kind}`, text: KIND_BADGE[s.kind] }), location),
        h('td', { className: 'num cost', text: s.relays ? '—' : formatPrice(s.monthly) }),
        h('td', { className: 'num per-unit', text: formatFigure({ price: s.perUnit, unit: s.unit }) }),
        diff ? deltaCell(d, diff.ref) : false,
      ),
    );
  }
  const columns = siteColumns(diff);
  if (group.matched === 0) body.append(h('tr', {}, h('td', { className: 'empty', text: 'No site matches.', attrs: { colspan: String(columns.length) } })));
  const caption = `${options.name}; column headers sort; arrow keys move between sites, Enter opens one`;
  const table = h('table', { className: `grid sites${diff ? ' with-diff' : ''}`, attrs: { 'data-testid': 'sites' } }, h('caption', { className: 'sr-only', text: caption }), h('thead', {}, headerRow(columns, options.sort, options.onSort)), body);
  const wrap = h('div', { className: 'table-wrap', attrs: { 'data-group': group.group } }, table);
  const nav = pager({ items: group.rows, page: group.page, pages: group.pages }, group.matched, options.onPage, options.name);
  if (nav) wrap.append(nav);
  return wrap;
}

/** A page of the sites the compared revision had and the workspace no longer has: not clickable (nothing to open). */
export function removedTable(diff: ReportDiffData, removed: { readonly page: number; readonly pages: number; readonly count: number; readonly rows: readonly ReportRemovedSite[] }, onPage: (page: number) => void): HTMLElement {
  const body = h(
    'tbody',
    {},
    ...removed.rows.map((r) => {
      const { name, folder } = splitPath(r.path);
      return h(
        'tr',
        { attrs: { 'data-change': 'removed' }, title: [`${r.kind} at ${r.path}:${r.line} at ${diff.ref}`, ...r.reasons].join('\n') },
        h('td', { className: 'site' }, h('span', { className: `badge kind-${r.kind}`, text: KIND_BADGE[r.kind] }), h('span', { className: 'file', text: `${name}:${r.line}` }), folder ? h('span', { className: 'folder', text: folder }) : ''),
        h('td', { className: 'num delta delta-down', text: r.monthlyBase === null ? 'removed' : signedUsd(-r.monthlyBase) }),
      );
    }),
  );
  const table = h('table', { className: 'grid sites removed', attrs: { 'data-testid': 'removed' } }, h('thead', {}, headerRow<never>([{ label: 'Site' }, { label: `vs ${diff.ref}`, numeric: true }], undefined, () => undefined)), body);
  const nav = pager({ items: removed.rows, page: removed.page, pages: removed.pages }, removed.count, onPage, `Removed since ${diff.ref}`);
  return nav ? h('div', { className: 'table-wrap', attrs: { 'data-group': 'removed' } }, table, nav) : table;
}

export function byModelTable(data: ReportHeader): HTMLElement {
  const body = h('tbody', {}, ...data.totals.byModel.map((m) => h('tr', {}, h('td', { text: m.model }), h('td', { className: 'num', text: String(m.sites) }), h('td', { className: 'num', text: formatPrice(m.monthlyCost) }))));
  return h('table', { className: 'grid', attrs: { 'data-testid': 'by-model' } }, h('thead', {}, headerRow<never>([{ label: 'Model' }, { label: 'Sites', numeric: true }, { label: '$/month', numeric: true }], undefined, () => undefined)), body);
}

/** A page of the core's per-file totals, most expensive first. */
export function byFileTable(files: { readonly page: number; readonly pages: number; readonly count: number; readonly rows: readonly ReportFileRow[] }, onPage: (page: number) => void): HTMLElement {
  const body = h('tbody', {}, ...files.rows.map((f) => h('tr', {}, h('td', { text: f.path }), h('td', { className: 'num', text: formatPrice(f.monthlyCost) }))));
  const table = h('table', { className: 'grid', attrs: { 'data-testid': 'by-file' } }, h('thead', {}, headerRow<never>([{ label: 'File' }, { label: '$/month', numeric: true }], undefined, () => undefined)), body);
  const nav = pager({ items: files.rows, page: files.page, pages: files.pages }, files.count, onPage, 'Files');
  return nav ? h('div', { className: 'table-wrap' }, table, nav) : table;
}
