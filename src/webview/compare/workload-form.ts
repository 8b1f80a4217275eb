/**
 * The editable workload: token counts, steps, tool-result size, volume, batch.
 * Edits are checked here (the same bounds as the protocol) and sent to the host
 * after a short pause; the host checks them again and recomputes.
 */
import type { Workload } from '../../core/workload';
import { parseWorkload, WORKLOAD_LIMITS } from '../protocol/compare';
import { debounce, h } from '../shared/dom';

interface NumberField {
  readonly key: 'inputTokens' | 'cachedInputTokens' | 'outputTokens' | 'reasoningTokens' | 'steps' | 'toolResultTokens' | 'callsPerDay';
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly hint: string;
}

const FIELDS: readonly NumberField[] = [
  { key: 'inputTokens', label: 'Input tokens', min: 0, max: WORKLOAD_LIMITS.inputTokens, hint: 'first call: system + tools + task' },
  { key: 'cachedInputTokens', label: 'Cached tokens', min: 0, max: WORKLOAD_LIMITS.inputTokens, hint: 'of the input, already cached' },
  { key: 'outputTokens', label: 'Output tokens', min: 0, max: WORKLOAD_LIMITS.outputTokens, hint: 'per call' },
  { key: 'reasoningTokens', label: 'Reasoning tokens', min: 0, max: WORKLOAD_LIMITS.reasoningTokens, hint: 'per call, billed as output' },
  { key: 'steps', label: 'Steps', min: 1, max: WORKLOAD_LIMITS.steps, hint: '1 = a single call' },
  { key: 'toolResultTokens', label: 'Tool result tokens', min: 0, max: WORKLOAD_LIMITS.toolResultTokens, hint: 'added to the context per step' },
  { key: 'callsPerDay', label: 'Calls per day', min: 0, max: WORKLOAD_LIMITS.callsPerDay, hint: 'calls or tasks, for $/month' },
];

export class WorkloadForm {
  readonly element: HTMLFormElement;
  private readonly inputs = new Map<NumberField['key'], HTMLInputElement>();
  private readonly batch: HTMLInputElement;
  private readonly status: HTMLElement;
  private base?: Workload;
  private readonly sendSoon: () => void;

  constructor(private readonly onChange: (workload: Workload) => void) {
    this.sendSoon = debounce(() => this.submit(), 400);
    const fields = FIELDS.map((f) => {
      const id = `wl-${f.key}`;
      const input = h('input', {
        attrs: { id, type: 'number', min: String(f.min), max: String(f.max), step: '1', inputmode: 'numeric', 'aria-describedby': `${id}-hint`, name: f.key },
      });
      input.addEventListener('input', () => this.sendSoon());
      this.inputs.set(f.key, input);
      return h('div', { className: 'field' }, h('label', { text: f.label, attrs: { for: id } }), input, h('span', { className: 'hint', text: f.hint, attrs: { id: `${id}-hint` } }));
    });
    this.batch = h('input', { attrs: { id: 'wl-batch', type: 'checkbox', name: 'batch' } });
    this.batch.addEventListener('change', () => this.submit());
    this.status = h('p', { className: 'form-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = h(
      'form',
      { className: 'workload', attrs: { 'aria-label': 'Workload', novalidate: '' } },
      h('div', { className: 'fields' }, ...fields, h('div', { className: 'field check' }, this.batch, h('label', { text: 'Batch / flex pricing', attrs: { for: 'wl-batch' } }))),
      this.status,
    );
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
  }

  show(workload: Workload): void {
    this.base = workload;
    for (const f of FIELDS) {
      const input = this.inputs.get(f.key)!;
      input.value = String(workload[f.key]);
      input.removeAttribute('aria-invalid');
    }
    this.batch.checked = workload.batch;
    this.status.textContent = '';
  }

  setStatus(text: string): void {
    this.status.textContent = text;
  }

  /** The edited workload, or undefined (and the bad fields marked) when a value is out of bounds. */
  read(): Workload | undefined {
    if (!this.base) return undefined;
    const raw: Record<string, unknown> = { ...this.base, batch: this.batch.checked };
    let ok = true;
    for (const f of FIELDS) {
      const input = this.inputs.get(f.key)!;
      const n = input.value.trim() === '' ? NaN : Number(input.value);
      const valid = Number.isFinite(n) && n >= f.min && n <= f.max;
      if (valid) input.removeAttribute('aria-invalid');
      else input.setAttribute('aria-invalid', 'true');
      if (valid) raw[f.key] = n;
      else ok = false;
    }
    return ok ? parseWorkload(raw) : undefined;
  }

  private submit(): void {
    const workload = this.read();
    if (!workload) {
      this.setStatus('Some values are out of range; fix the marked fields.');
      return;
    }
    this.setStatus('Recomputing…');
    this.onChange(workload);
  }
}
