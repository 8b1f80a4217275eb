/**
 * Compare Providers page. Renders what the host computed (every offering that
 * can serve the workload, the Pareto front, the self-hosted options), lets the
 * user sort, filter and page, and sends workload edits back for the host to
 * recompute. State survives hiding and reloads through setState/getState.
 */
import type { CompareRow } from '../../core/compare/types';
import { formatInteger } from '../../core/format';
import type { Workload } from '../../core/workload';
import {
  isCompareHostMessage,
  parseSavedState,
  type CompareData,
  type CompareHostMessage,
  type ComparePageMessage,
  type CompareSavedState,
  type CompareSortKey,
  type CompareUiState,
} from '../protocol/compare';
import { byId, fill, h } from '../shared/dom';
import { PageBridge } from '../shared/vscode-api';
import { nextSort } from '../shared/table';
import { CostLatencyChart } from './chart';
import { FilterBar } from './filters';
import { renderOfferingsTable } from './offerings-table';
import { renderSelfHosted } from './self-hosted-table';
import { cannotDoJob, filterRows, normalizeUi, providersOf, sortRows } from './view-model';
import { WorkloadForm } from './workload-form';

class ComparePage {
  private data?: CompareData;
  private ui: CompareUiState;
  private selfHostedPage = 0;
  private lastRequest = 0;
  private readonly expanded = new Set<string>();
  private readonly bridge: PageBridge<CompareHostMessage, ComparePageMessage>;
  private readonly form = new WorkloadForm((w) => this.recompute(w));
  private readonly filters = new FilterBar((patch) => this.setUi(patch));
  private readonly chart = new CostLatencyChart(() => this.data?.unit ?? 'call');
  private readonly header = h('header', { className: 'page-header' });
  private readonly notice = h('div', { className: 'notice', attrs: { role: 'alert' } });
  private readonly table = h('section', { className: 'offerings', attrs: { 'aria-label': 'Offerings' } });
  private readonly selfHosted = h('div');
  private readonly excluded = h('div');

  constructor(root: HTMLElement) {
    this.bridge = new PageBridge(isCompareHostMessage, (m) => this.onMessage(m));
    const saved = parseSavedState(this.bridge.savedState());
    this.ui = normalizeUi(saved.ui);
    fill(
      root,
      this.header,
      this.notice,
      h('section', { className: 'workload-section', attrs: { 'aria-label': 'Workload' } }, h('h2', { text: 'Workload' }), this.form.element),
      h('section', { className: 'chart-section', attrs: { 'aria-label': 'Cost versus latency' } }, h('h2', { text: 'Cost vs latency' }), this.chart.element),
      h('section', { className: 'table-section' }, h('h2', { text: 'Offerings' }), this.filters.element, this.table),
      this.selfHosted,
      this.excluded,
    );
    if (saved.data) this.show(saved.data);
    else fill(this.header, h('h1', { text: 'Compare providers' }), h('p', { className: 'muted', text: 'Waiting for the workload…' }));
    // Nothing is sent to us before this: the host holds its messages until the page says it listens.
    this.bridge.post({ type: 'ready' });
  }

  private onMessage(message: CompareHostMessage): void {
    switch (message.type) {
      case 'show':
        this.expanded.clear();
        this.show(message.data);
        return;
      case 'result':
        if (message.requestId !== this.lastRequest) return; // a newer edit is on its way
        this.show(message.data, false);
        return;
      case 'error':
        if (message.requestId !== undefined && message.requestId !== this.lastRequest) return;
        this.form.setStatus('');
        fill(this.notice, h('p', { text: message.message }));
        return;
    }
  }

  private recompute(workload: Workload): void {
    this.lastRequest += 1;
    this.bridge.post({ type: 'recompute', requestId: this.lastRequest, workload });
  }

  private setUi(patch: Partial<CompareUiState>): void {
    this.ui = normalizeUi({ ...this.ui, ...patch });
    this.render();
  }

  private onSort(key: CompareSortKey): void {
    this.setUi({ sort: nextSort(this.ui.sort, key), page: 0 });
    // Keep keyboard focus on the header the user activated: the table was rebuilt.
    this.table.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
  }

  private show(data: CompareData, refillForm = true): void {
    this.data = data;
    if (refillForm) this.form.show(data.workload);
    else this.form.setStatus('');
    this.renderHeader(data);
    this.render();
  }

  private renderHeader(data: CompareData): void {
    const w = data.workload;
    const summary = `${formatInteger(w.inputTokens)} input, ${formatInteger(w.outputTokens)} output tokens per call; ${w.steps} step${w.steps === 1 ? '' : 's'}${w.stepsAssumed ? ' (assumed)' : ''}; ${formatInteger(w.callsPerDay)} ${data.unit}s a day`;
    fill(
      this.header,
      h('h1', { text: 'Compare providers' }),
      h('p', { className: 'label', text: data.label }),
      pinnedLine(data),
      h('p', { className: 'muted' }, summary, currentModelText(data), ` · catalog as of ${data.catalog.asOf} (${data.catalog.source})`),
    );
    fill(this.notice, ...data.issues.map((i) => h('p', { text: i })));
  }

  private render(): void {
    const data = this.data;
    this.bridge.saveState({ data, ui: this.ui } satisfies CompareSavedState);
    if (!data) return;
    const visible: CompareRow[] = sortRows(filterRows(data.rows, this.ui), this.ui.sort);
    this.filters.show(this.ui, providersOf(data.rows), data.rows.filter(cannotDoJob).length);
    this.chart.update(visible, data.currentModel);
    fill(
      this.table,
      renderOfferingsTable(visible, data, this.ui, this.expanded, { onSort: (k) => this.onSort(k), onPage: (p) => this.setUi({ page: p }) }, () => this.render()),
    );
    fill(
      this.selfHosted,
      renderSelfHosted(data, this.selfHostedPage, this.expanded, (p) => {
        this.selfHostedPage = p;
        this.render();
      }, () => this.render()),
    );
    fill(this.excluded, this.renderExcluded(data));
  }

  private renderExcluded(data: CompareData): HTMLElement | undefined {
    if (data.excluded.length === 0) return undefined;
    const items = data.excluded.map((e) =>
      h('li', {
        text:
          e.reason === 'context-window'
            ? `${e.id}: needs ${formatInteger(e.maxContextTokens ?? 0)} tokens of context, the window is ${formatInteger(e.contextWindow ?? 0)}`
            : `${e.id}: its model is not in the catalog`,
      }),
    );
    return h('details', { className: 'excluded' }, h('summary', { text: `${data.excluded.length} offering(s) left out` }), h('ul', {}, ...items));
  }
}

/**
 * The figure of the site Compare was opened from, the same as its CodeLens, on screen
 * whatever the table's sort and page.
 */
function pinnedLine(data: CompareData): HTMLElement | undefined {
  const p = data.pinned;
  if (!p) return undefined;
  return h(
    'p',
    { className: 'pinned', attrs: { 'data-testid': 'pinned-figure' } },
    h('span', { className: 'badge current-badge', text: 'this site' }),
    ' ',
    h('strong', { className: 'pinned-figure', text: p.figure }),
    ` — ${p.basis}, on ${p.model} (${p.modelFrom})`,
  );
}

/** `· current model: gpt-4.1 (assumed)` — says whether the code names it. */
function currentModelText(data: CompareData): string {
  if (!data.currentModel) return '';
  const from = data.pinned ? (data.pinned.assumed ? ' (assumed)' : ' (from the code)') : '';
  return ` · current model: ${data.currentModel}${from}`;
}

new ComparePage(byId('app'));
