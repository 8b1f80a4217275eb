/**
 * Cost report page (sidebar). Shows the workspace scan the host ran with the
 * core's scanPaths: sites ranked by projected monthly cost, totals by model and
 * by file, filters, progress while scanning. Refresh, cancel and export are the
 * view's title-bar actions. Clicking a site (or Enter on it; arrow keys move
 * between sites) asks the host to reveal it. State survives hiding and reloads.
 */
import { formatDuration, formatInteger, formatPrice } from '../../core/format';
import {
  isReportHostMessage,
  parseReportSavedState,
  type ReportData,
  type ReportHostMessage,
  type ReportPageMessage,
  type ReportSavedState,
  type ReportUiState,
} from '../protocol/report';
import { byId, debounce, fill, h } from '../shared/dom';
import { PageBridge } from '../shared/vscode-api';
import { byFileTable, byModelTable, sitesTable } from './tables';
import { filterSites, modelsOf, normalizeReportUi } from './view-model';

function plural(n: number, noun: string): string {
  return `${formatInteger(n)} ${noun}${n === 1 ? '' : 's'}`;
}

class ReportPage {
  private data?: ReportData;
  private ui: ReportUiState;
  private readonly bridge: PageBridge<ReportHostMessage, ReportPageMessage>;
  private readonly progress = h('progress', { attrs: { max: '1', 'aria-label': 'Scan progress' } });
  private readonly status = h('p', { className: 'status muted', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly notice = h('div', { className: 'notice', attrs: { role: 'alert' } });
  private readonly summary = h('div', { className: 'summary' });
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
    const setText = debounce(() => this.setUi({ text: this.text.value, page: 0 }), 200);
    this.text.addEventListener('input', setText);
    this.model.addEventListener('change', () => this.setUi({ model: this.model.value, page: 0 }));
    this.kind.addEventListener('change', () => this.setUi({ kind: this.kind.value as ReportUiState['kind'], page: 0 }));
    fill(
      root,
      this.progress,
      this.status,
      this.notice,
      this.summary,
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
      h('h2', { text: 'Sites by monthly cost' }),
      this.sites,
      this.totals,
    );
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
    }
  }

  /** Refresh, Cancel and Export are in the view's title bar (contributed commands), not repeated here. */
  private setScanning(scanning: boolean): void {
    this.progress.hidden = !scanning;
  }

  private setUi(patch: Partial<ReportUiState>): void {
    this.ui = normalizeReportUi({ ...this.ui, ...patch });
    this.render();
  }

  private render(): void {
    this.bridge.saveState({ data: this.data, ui: this.ui } satisfies ReportSavedState);
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
        data.callsPerDay !== undefined ? h('span', { className: 'traffic muted', attrs: { 'data-testid': 'traffic' }, text: ` at ${formatInteger(data.callsPerDay)} calls a day per site`, title: 'tokenomics.callsPerDay (an annotation can set a site’s own); 30 days a month' }) : false,
      ),
      h('p', { className: 'muted', text: [plural(t.files, 'file'), plural(t.calls, 'call'), plural(t.agentLoops, 'agent loop'), plural(t.prompts, 'prompt'), data.budgetExceeded > 0 ? `${data.budgetExceeded} over budget` : ''].filter(Boolean).join(' · ') }),
      h(
        'p',
        { className: 'muted catalog-note' },
        h('span', { text: `prices as of ${data.catalog.asOf}`, title: `Catalog: ${data.catalog.source}, as of ${data.catalog.asOf}`, attrs: { 'data-testid': 'prices-as-of', tabindex: '0' } }),
        data.skipped > 0 ? ` · ${plural(data.skipped, 'file')} skipped` : '',
      ),
    );
    const models = modelsOf(data.sites);
    this.model.replaceChildren(h('option', { text: 'All models', attrs: { value: '' } }), ...models.map((m) => h('option', { text: m, attrs: { value: m } })));
    this.model.value = models.includes(this.ui.model) ? this.ui.model : '';
    this.kind.value = this.ui.kind;
    if (document.activeElement !== this.text) this.text.value = this.ui.text;
    const visible = filterSites(data.sites, this.ui);
    fill(
      this.sites,
      sitesTable(visible, this.ui, (s) => this.bridge.post({ type: 'reveal', path: s.path, siteId: s.siteId }), (page) => this.setUi({ page })),
    );
    fill(
      this.totals,
      h('details', { className: 'totals', attrs: { open: '' } }, h('summary', { text: 'By model' }), byModelTable(data)),
      h('details', { className: 'totals' }, h('summary', { text: 'By file' }), byFileTable(data)),
    );
  }
}

new ReportPage(byId('app'));
