/**
 * Cost report page (sidebar). Shows the workspace scan the host ran with the
 * core's scanPaths: sites ranked by projected monthly cost, totals by model and
 * by file, filters, sortable columns, progress while scanning. The host sends the
 * report's header and, for each filter, sort or page the user picks, the rows of
 * the pages shown (report-pages.ts): a large workspace's rows never all come here.
 * Refresh, cancel and export are the view's title-bar actions. Clicking a site (or
 * Enter on it; arrow keys move between sites) asks the host to reveal it. State
 * survives hiding and reloads.
 */
import { formatDuration, formatInteger, formatPrice } from '../../core/format';
import {
  DEFAULT_SITE_SORT,
  isReportHostMessage,
  parseReportSavedState,
  type ReportDiffData,
  type ReportHeader,
  type ReportHostMessage,
  type ReportPageMessage,
  type ReportSavedState,
  type ReportSiteRows,
  type ReportUiState,
} from '../protocol/report';
import type { SiteScope } from '../../core/report/types';
import { button, byId, debounce, fill, h } from '../shared/dom';
import { PageBridge } from '../shared/vscode-api';
import { siteGroups } from './groups';
import { byFileTable, byModelTable, rowNavigation } from './tables';
import { headlineScopes, nextSiteSort, normalizeReportUi, queryFor, SCOPE_TITLE } from './view-model';

function plural(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;
}

class ReportPage {
  private data?: ReportHeader;
  /** The rows of the pages shown, as the host last sent them. */
  private rows?: ReportSiteRows;
  /** The last query sent: a reply to an older one is dropped. */
  private queryId = 0;
  private diff?: ReportDiffData;
  /** While a comparison runs, after it failed, or after a new scan stopped it: said in the diff line. */
  private diffNote?: { readonly ref: string; readonly text: string; readonly error: boolean; readonly stopped?: boolean };
  /** A scan is running (a comparison a scan stopped runs again when it ends, so "Compare again" waits). */
  private scanning = false;
  private ui: ReportUiState;
  private readonly bridge: PageBridge<ReportHostMessage, ReportPageMessage>;
  private readonly progress = h('progress', { attrs: { max: '1', 'aria-label': 'Scan progress' } });
  private readonly status = h('p', { className: 'status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly notice = h('div', { className: 'notice', attrs: { role: 'alert' } });
  private readonly summary = h('div', { className: 'summary' });
  private readonly diffLine = h('div', { className: 'diff-line', attrs: { 'data-testid': 'diff-line', 'aria-live': 'polite' } });
  private readonly text = h('input', { attrs: { id: 'r-text', type: 'search', placeholder: 'Filter by path, model, framework' } });
  private readonly model = h('select', { attrs: { id: 'r-model' } });
  private readonly kind = h('select', { attrs: { id: 'r-kind' } }, ...[['', 'All kinds'], ['call', 'Calls'], ['loop', 'Agent loops'], ['instructions', 'Instruction files']].map(([v, t]) => h('option', { text: t, attrs: { value: v } })));
  private readonly sites = h('div');
  private readonly totals = h('div');

  constructor(root: HTMLElement) {
    this.bridge = new PageBridge(isReportHostMessage, (m) => this.onMessage(m));
    const saved = parseReportSavedState(this.bridge.savedState());
    this.ui = normalizeReportUi(saved.ui);
    this.data = saved.data;
    this.rows = saved.rows;
    this.diff = saved.diff;
    const setText = debounce(() => this.setUi({ text: this.text.value, page: 0, pages: {} }), 200);
    this.text.addEventListener('input', setText);
    this.model.addEventListener('change', () => this.setUi({ model: this.model.value, page: 0, pages: {} }));
    this.kind.addEventListener('change', () => this.setUi({ kind: this.kind.value as ReportUiState['kind'], page: 0, pages: {} }));
    fill(
      root,
      this.progress,
      this.status,
      this.notice,
      this.summary,
      this.diffLine,
      h(
        'div',
        { className: 'filters', attrs: { role: 'group', 'aria-label': 'Filters' } },
        h('label', { className: 'sr-only', text: 'Filter', attrs: { for: 'r-text' } }),
        this.text,
        h('label', { className: 'sr-only', text: 'Model', attrs: { for: 'r-model' } }),
        this.model,
        h('label', { className: 'sr-only', text: 'Kind', attrs: { for: 'r-kind' } }),
        this.kind,
      ),
      this.sites,
      this.totals,
    );
    this.sites.addEventListener('keydown', (e) => rowNavigation(this.sites, e));
    this.setScanning(false);
    this.render();
    this.bridge.post({ type: 'ready' });
  }

  private onMessage(m: ReportHostMessage): void {
    switch (m.type) {
      case 'scanning':
        this.setScanning(true);
        fill(this.notice);
        this.progress.removeAttribute('value'); // indeterminate until the file count is known
        this.status.textContent = `Scanning ${m.folders.join(', ')}…`;
        return;
      case 'progress':
        if (m.total !== undefined && m.total > 0) {
          this.progress.max = m.total;
          this.progress.value = m.done;
        }
        this.status.textContent = `Scanning: ${formatInteger(m.done)}${m.total !== undefined ? ` of ${formatInteger(m.total)}` : ''} files${m.current ? ` — ${m.current}` : ''}`;
        return;
      case 'report':
        this.setScanning(false);
        this.data = m.data;
        this.status.textContent = `Scanned ${formatInteger(m.data.totals.files)} files in ${formatDuration(m.data.elapsedMs)}.`;
        this.render();
        this.query();
        return;
      case 'rows':
        if (m.data.id !== this.queryId) return; // an answer to a query the user has moved on from
        this.rows = m.data;
        this.render();
        return;
      case 'cancelled':
        this.setScanning(false);
        this.status.textContent = this.data ? 'Scan cancelled; showing the previous report.' : 'Scan cancelled.';
        return;
      case 'error':
        this.setScanning(false);
        fill(this.notice, h('p', { text: m.message }));
        this.status.textContent = '';
        return;
      case 'exported':
        this.status.textContent = `Exported to ${m.file}.`;
        return;
      case 'diffing':
        this.diffNote = { ref: m.ref, text: `Comparing with ${m.ref}…`, error: false };
        this.render();
        return;
      case 'diff':
        // The summary only: the rows shown are asked for again, with their deltas.
        this.diff = m.data;
        this.diffNote = undefined;
        this.setUi({ removedPage: 0 });
        return;
      case 'diffError':
        this.diff = undefined;
        this.diffNote = { ref: m.ref, text: m.message, error: true };
        this.render();
        return;
      case 'diffStopped':
        // Never left at "Comparing…": the scan compares again when it ends, or the user does if it does not.
        this.diff = undefined;
        this.diffNote = { ref: m.ref, text: m.message, error: false, stopped: true };
        this.render();
        return;
      case 'diffCleared':
        this.diff = undefined;
        this.diffNote = undefined;
        // Sorted by the delta column, which is gone: back to the core's ranking.
        if (this.ui.sort?.key === 'delta') this.setUi({ sort: DEFAULT_SITE_SORT, page: 0, pages: {} });
        else this.render();
        return;
    }
  }

  /** Refresh, Cancel and Export are in the view's title bar (contributed commands), not repeated here. */
  private setScanning(scanning: boolean): void {
    this.progress.hidden = !scanning;
    this.scanning = scanning;
    if (this.diffNote?.stopped) this.renderDiffLine();
  }

  /** Filters, sort and pages changed: the host sends the rows they show. */
  private setUi(patch: Partial<ReportUiState>): void {
    this.ui = normalizeReportUi({ ...this.ui, ...patch });
    this.render();
    this.query();
  }

  private query(): void {
    if (!this.data) return;
    this.bridge.post({ type: 'query', query: queryFor(this.ui, ++this.queryId) });
  }

  /** Opening or closing a group only needs remembering: the details element already shows it. */
  private setOpen(scope: SiteScope, open: boolean): void {
    const now = new Set(this.ui.open ?? []);
    if (now.has(scope) === open) return;
    if (open) now.add(scope);
    else now.delete(scope);
    this.ui = normalizeReportUi({ ...this.ui, open: [...now] });
    this.save();
  }

  private save(): void {
    this.bridge.saveState({ data: this.data, ...(this.rows ? { rows: this.rows } : {}), ui: this.ui, ...(this.diff ? { diff: this.diff } : {}) } satisfies ReportSavedState);
  }

  /** "vs HEAD: LLM cost +$12 a month (+3%)", or what is happening, with a way to turn it off. */
  private renderDiffLine(): void {
    const d = this.diff;
    const note = this.diffNote;
    if (!d && !note) {
      fill(this.diffLine);
      return;
    }
    const stopped = !d && note?.stopped;
    const text = d ? `vs ${d.ref} (${d.commit}): ${d.headline}` : stopped && this.scanning ? `${note!.text} It runs again when the scan ends.` : note!.text;
    fill(
      this.diffLine,
      h('span', { className: note?.error ? 'diff-error' : d && d.delta.usd > 0.005 ? 'delta-up' : d && d.delta.usd < -0.005 ? 'delta-down' : 'muted', text, attrs: { 'data-testid': 'diff-headline' } }),
      ' ',
      // The scan that stopped it ended without a report (cancelled, failed): nothing runs it again but the user.
      ...(stopped && !this.scanning ? [button('Compare again', () => this.bridge.post({ type: 'diffAgain' }), { className: 'link', attrs: { 'data-testid': 'diff-again' } }), ' '] : []),
      button('Stop comparing', () => this.bridge.post({ type: 'diffOff' }), { className: 'link', attrs: { 'data-testid': 'diff-off' } }),
    );
  }

  private render(): void {
    this.save();
    this.renderDiffLine();
    const data = this.data;
    if (!data) {
      fill(this.summary, h('p', { className: 'muted', text: 'No report yet.' }));
      fill(this.sites);
      fill(this.totals);
      return;
    }
    const t = data.totals;
    // With unpriced sites the full total is unknown: show what is priced, and say how much is not.
    const headline = t.pricedMonthlyCost && t.unpricedSites ? t.pricedMonthlyCost : t.monthlyCost;
    fill(
      this.summary,
      h(
        'p',
        { className: 'total' },
        h('span', { className: 'total-figure', text: formatPrice(headline), attrs: { 'data-testid': 'total' } }),
        ' a month',
        t.unpricedSites ? h('span', { className: 'unpriced-note', text: ` + ${plural(t.unpricedSites, 'unpriced site')}` }) : false,
        h('span', { className: 'scope-note muted', text: ` · ${headlineScopes(data).map((s) => SCOPE_TITLE[s].toLowerCase()).join(', ')}`, attrs: { 'data-testid': 'headline-scopes' } }),
        data.callsPerDay !== undefined ? h('span', { className: 'traffic muted', attrs: { 'data-testid': 'traffic' }, text: ` · ${formatInteger(data.callsPerDay)} calls a day per site`, title: 'tokenomics.callsPerDay (an annotation can set a site’s own); 30 days a month' }) : false,
      ),
      data.coverageNote ? h('p', { className: 'coverage-note', text: data.coverageNote, attrs: { 'data-testid': 'coverage-note' } }) : false,
      h('p', { className: 'muted', text: [plural(t.files, 'file'), plural(t.calls, 'call'), plural(t.agentLoops, 'agent loop'), plural(t.prompts, 'prompt'), data.budgetExceeded > 0 ? `${data.budgetExceeded} over budget` : ''].filter(Boolean).join(' · ') }),
      h(
        'p',
        { className: 'muted catalog-note' },
        h('span', { text: `prices as of ${data.catalog.asOf}`, title: `Catalog: ${data.catalog.source}, as of ${data.catalog.asOf}`, attrs: { 'data-testid': 'prices-as-of', tabindex: '0' } }),
        data.skipped > 0 ? ` · ${plural(data.skipped, 'file')} skipped` : '',
      ),
    );
    const models = data.models;
    this.model.replaceChildren(h('option', { text: 'All models', attrs: { value: '' } }), ...models.map((m) => h('option', { text: m, attrs: { value: m } })));
    this.model.value = models.includes(this.ui.model) ? this.ui.model : '';
    this.kind.value = this.ui.kind;
    if (document.activeElement !== this.text) this.text.value = this.ui.text;
    const rows = this.rows;
    if (!rows) {
      fill(this.sites, h('p', { className: 'muted', text: 'Loading the sites…' }));
      fill(this.totals, h('details', { className: 'totals', attrs: { open: '' } }, h('summary', { text: 'By model' }), byModelTable(data)));
      return;
    }
    // A pager or sort button used with the keyboard keeps the focus when its table is drawn again.
    const focused = focusedControl(this.sites);
    fill(
      this.sites,
      ...siteGroups(data, rows, this.ui, this.diff, {
        onReveal: (s) => this.bridge.post({ type: 'reveal', path: s.path, siteId: s.siteId }),
        onSort: (key) => this.setUi({ sort: nextSiteSort(this.ui.sort!, key), page: 0, pages: {} }),
        onPage: (scope, page) => this.setUi(scope === 'headline' ? { page } : { pages: { ...this.ui.pages, [scope]: page } }),
        onToggle: (scope, open) => this.setOpen(scope, open),
        onRemovedPage: (removedPage) => this.setUi({ removedPage }),
      }),
    );
    refocus(this.sites, focused);
    fill(
      this.totals,
      h('details', { className: 'totals', attrs: { open: '' } }, h('summary', { text: 'By model' }), byModelTable(data)),
      h('details', { className: 'totals', attrs: this.ui.filesPage ? { open: '' } : {} }, h('summary', { text: 'By file' }), byFileTable(rows.files, (filesPage) => this.setUi({ filesPage }))),
    );
  }
}

/** The pager or sort button that has the focus inside `root`, by its group and what it does. */
function focusedControl(root: HTMLElement): string | undefined {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement) || !root.contains(el)) return undefined;
  const group = el.closest('[data-group]')?.getAttribute('data-group');
  const control = el.getAttribute('data-pager') !== null ? `[data-pager="${el.getAttribute('data-pager')}"]` : el.getAttribute('data-sort') !== null ? `[data-sort="${el.getAttribute('data-sort')}"]` : undefined;
  return group && control ? `[data-group="${group}"] ${control}` : undefined;
}

function refocus(root: HTMLElement, selector: string | undefined): void {
  if (!selector) return;
  const target = root.querySelector<HTMLButtonElement>(selector);
  if (target && !target.disabled) target.focus();
  // Next on the last page is disabled: the first row of the page is the place to go on from.
  else root.querySelector<HTMLButtonElement>(`${selector.split(' ')[0]} button[data-site]`)?.focus();
}

new ReportPage(byId('app'));
