/**
 * The self-hosted & quantized section: open model × accelerator × precision
 * configurations that fit, from the hardware model, cheapest $/M tokens first,
 * with memory fit, speed, and the volume above which one deployment beats the
 * API offerings of the same model.
 */
import { formatDuration, formatPerMillion, formatTokens, formatTokensPerSecond, formatUsd } from '../../core/format';
import type { CompareData, SelfHostedView } from '../protocol/compare';
import { button, h } from '../shared/dom';
import { headerRow, pageOf, pager, type Column } from '../shared/table';

const PAGE_SIZE = 15;

const COLUMNS: Column<never>[] = [
  { label: 'Model' },
  { label: 'Accelerators' },
  { label: 'Precision' },
  { label: 'Memory', numeric: true, title: 'required / available, all accelerators' },
  { label: 'tok/s', numeric: true, title: 'decode speed of one stream (whole batch)' },
  { label: 'Latency', numeric: true, title: 'one call: time to first token + decode' },
  { label: '$/M tokens', numeric: true, title: 'input + output tokens, at the stated utilization' },
  { label: 'Break-even', numeric: true, title: 'monthly tokens above which one deployment beats the API offerings of the same model' },
  { label: 'vs current', numeric: true, title: 'monthly tokens above which one deployment beats the current model’s cheapest offering' },
  { label: 'Basis' },
];

function gb(n: number): string {
  return `${n.toFixed(n < 10 ? 1 : 0)} GB`;
}

/** Monthly volumes reach billions: `950k`, `12M`, `2.0B` (the shared formatter stops at M). */
function volume(tokens: number): string {
  return tokens >= 999.5e6 ? `${(tokens / 1e9).toFixed(tokens < 9.95e9 ? 1 : 0)}B` : formatTokens(tokens);
}

function breakEvenText(r: SelfHostedView): { text: string; title: string } {
  if (r.breakEven) {
    return { text: `${volume(r.breakEven.tokensPerMonth)} tok/mo`, title: `one deployment beats ${r.breakEven.offering} above ${volume(r.breakEven.tokensPerMonth)} tokens a month` };
  }
  return { text: 'never', title: r.breakEvenNote ?? '' };
}

function rowElements(r: SelfHostedView, expanded: Set<string>, rerender: () => void): HTMLTableRowElement[] {
  const open = expanded.has(r.id);
  const detailsId = `sh-${r.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const toggle = button(open ? 'Hide' : 'Details', () => {
    if (expanded.has(r.id)) expanded.delete(r.id);
    else expanded.add(r.id);
    rerender();
  }, { className: 'link', attrs: { 'aria-expanded': String(open), 'aria-controls': detailsId, 'aria-label': `Basis of ${r.id}` } });
  const be = breakEvenText(r);
  const cur = r.breakEvenVsCurrent;
  const vsCurrent = cur
    ? cur.tokensPerMonth === null
      ? { text: 'never', title: `${cur.offering}: ${cur.note}` }
      : { text: `${volume(cur.tokensPerMonth)} tok/mo`, title: `one deployment beats ${cur.offering} above ${volume(cur.tokensPerMonth)} tokens a month` }
    : { text: '—', title: 'no current model, or it is this model' };
  const price = r.usdPerMillionTokens !== undefined ? formatPerMillion(r.usdPerMillionTokens) : 'unpriced';
  const tr = h(
    'tr',
    { attrs: { 'data-id': r.id } },
    h('td', { text: r.model }),
    h('td', { text: `${r.accelerators} × ${r.accelerator}` }),
    h('td', { text: `${r.precision} (${r.engine})`, title: r.quality }),
    h('td', { className: 'num', text: `${gb(r.memory.requiredGB)} / ${gb(r.memory.availableGB)}` }),
    h('td', { className: 'num', text: `${formatTokensPerSecond(r.tokensPerSecond.perUser)} (${formatTokens(r.tokensPerSecond.total)})` }),
    h('td', { className: 'num', text: formatDuration(r.latencyMs), title: `time to first token ${formatDuration(r.ttftMs)}` }),
    h('td', { className: 'num', text: price, title: r.monthlyUsd !== undefined ? `${formatUsd(r.monthlyUsd)} a month for the deployments this volume needs, rented 24/7` : 'no hourly price for this accelerator' }),
    h('td', { className: 'num', text: be.text, title: be.title }),
    h('td', { className: 'num', text: vsCurrent.text, title: vsCurrent.title }),
    h('td', {}, toggle),
  );
  if (!open) return [tr];
  const list = h('ul', { className: 'basis' }, h('li', { text: `quality: ${r.quality}` }), ...r.basis.map((line) => h('li', { text: line })));
  return [tr, h('tr', { className: 'details-row', attrs: { id: detailsId } }, h('td', { attrs: { colspan: '10' } }, list))];
}

export function renderSelfHosted(data: CompareData, page: number, expanded: Set<string>, onPage: (page: number) => void, rerender: () => void): HTMLElement {
  const section = h('section', { className: 'self-hosted', attrs: { 'aria-labelledby': 'sh-title' } }, h('h2', { text: 'Self-hosted & quantized', attrs: { id: 'sh-title' } }));
  if (data.selfHosted.length === 0) {
    section.append(h('p', { className: 'muted', text: 'No open-weight model in this comparison has architecture data for the hardware model.' }));
    return section;
  }
  if (data.selfHostedNote) section.append(h('p', { className: 'muted', text: data.selfHostedNote }));
  const slice = pageOf(data.selfHosted, page, PAGE_SIZE);
  const body = h('tbody');
  for (const r of slice.items) body.append(...rowElements(r, expanded, rerender));
  section.append(h('div', { className: 'table-wrap' }, h('table', { className: 'grid', attrs: { 'data-testid': 'self-hosted' } }, h('thead', {}, headerRow(COLUMNS, undefined, () => undefined)), body)));
  const nav = pager(slice, data.selfHosted.length, onPage, 'Self-hosted');
  if (nav) section.append(nav);
  return section;
}
