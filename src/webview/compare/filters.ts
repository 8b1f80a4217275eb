/** Filter controls of the offerings table: search, provider, open-weight only, maximum latency, show all. */
import type { CompareUiState } from '../protocol/compare';
import { debounce, h } from '../shared/dom';

export class FilterBar {
  readonly element: HTMLElement;
  private readonly provider: HTMLSelectElement;
  private readonly openWeight: HTMLInputElement;
  private readonly maxLatency: HTMLInputElement;
  private readonly search: HTMLInputElement;
  private readonly showAll: HTMLInputElement;
  private readonly showAllLabel: HTMLLabelElement;

  constructor(onChange: (patch: Partial<CompareUiState>) => void) {
    // ~1,500 offerings: a search box narrows them by model or offering id.
    this.search = h('input', { attrs: { id: 'f-search', type: 'search', placeholder: 'model or provider/model', 'aria-label': 'Search offerings' } });
    this.search.addEventListener('input', debounce(() => onChange({ search: this.search.value, page: 0 }), 200));
    this.showAll = h('input', { attrs: { id: 'f-all', type: 'checkbox' } });
    this.showAll.addEventListener('change', () => onChange({ showAll: this.showAll.checked, page: 0 }));
    this.showAllLabel = h('label', { text: 'Show all', attrs: { for: 'f-all' } });
    this.provider = h('select', { attrs: { id: 'f-provider' } });
    this.provider.addEventListener('change', () => onChange({ provider: this.provider.value, page: 0 }));
    this.openWeight = h('input', { attrs: { id: 'f-open', type: 'checkbox' } });
    this.openWeight.addEventListener('change', () => onChange({ openWeightOnly: this.openWeight.checked, page: 0 }));
    this.maxLatency = h('input', { attrs: { id: 'f-latency', type: 'number', min: '0', step: 'any', placeholder: 'any' } });
    const latencyChanged = debounce(() => {
      const n = Number(this.maxLatency.value);
      const valid = this.maxLatency.value.trim() !== '' && Number.isFinite(n) && n > 0;
      onChange({ maxLatencySeconds: valid ? n : undefined, page: 0 });
    }, 250);
    this.maxLatency.addEventListener('input', latencyChanged);
    this.element = h(
      'div',
      { className: 'filters', attrs: { role: 'group', 'aria-label': 'Filters' } },
      h('label', { text: 'Search', attrs: { for: 'f-search' } }),
      this.search,
      h('label', { text: 'Provider', attrs: { for: 'f-provider' } }),
      this.provider,
      h('span', { className: 'check' }, this.openWeight, h('label', { text: 'Open-weight only', attrs: { for: 'f-open' } })),
      h('label', { text: 'Max latency (s)', attrs: { for: 'f-latency' } }),
      this.maxLatency,
      h('span', { className: 'check' }, this.showAll, this.showAllLabel),
    );
  }

  /** `hidden`: rows the site's needs hide (the "Show all" label says how many). */
  show(ui: CompareUiState, providers: readonly string[], hidden = 0): void {
    if (document.activeElement !== this.search) this.search.value = ui.search ?? '';
    this.showAll.checked = ui.showAll === true;
    this.showAllLabel.textContent = hidden > 0 ? `Show all (${hidden} cannot do this job)` : 'Show all';
    const options = [h('option', { text: 'All providers', attrs: { value: '' } }), ...providers.map((p) => h('option', { text: p, attrs: { value: p } }))];
    this.provider.replaceChildren(...options);
    this.provider.value = providers.includes(ui.provider) ? ui.provider : '';
    this.openWeight.checked = ui.openWeightOnly;
    if (document.activeElement !== this.maxLatency) this.maxLatency.value = ui.maxLatencySeconds === undefined ? '' : String(ui.maxLatencySeconds);
  }
}
