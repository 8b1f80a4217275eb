/**
 * "Where does this figure come from": the lines shown in a row's details and
 * the cells' tooltips. Formatting only, with the shared core formatters.
 */
import type { CompareRow } from '../../core/compare/types';
import type { Price } from '../../core/cost/types';
import { formatInteger, formatMultiplier, formatPerMillion, formatPercent, formatUsd } from '../../core/format';
import { DAYS_PER_MONTH } from '../../core/workload';
import type { CompareData, OfferingSource } from '../protocol/compare';

/** `input $0.006 + output $0.015` — the parts of a price, for a tooltip. */
export function breakdownText(price: Price): string {
  if (price.kind === 'unpriced') return `unpriced: missing ${price.missing.join(', ')}`;
  const b = price.breakdown;
  const parts: [string, number][] = [
    ['input', b.freshInput],
    ['cached read', b.cachedRead],
    ['cache write', b.cacheWrite],
    ['output', b.output],
    ['reasoning', b.reasoning],
  ];
  const shown = parts.filter(([, usd]) => usd > 0).map(([name, usd]) => `${name} ${formatUsd(usd)}`);
  const extras = [
    price.tierAboveInputTokens !== undefined ? `long-context tier above ${formatInteger(price.tierAboveInputTokens)} input tokens` : '',
    price.batchDiscount !== undefined ? `batch discount ${formatPercent(price.batchDiscount)}` : '',
  ].filter((s) => s !== '');
  return [shown.length > 0 ? shown.join(' + ') : '$0', ...extras].join('; ');
}

export function monthlyText(row: CompareRow, data: CompareData): string {
  const per = row.perUnit.kind === 'priced' ? formatUsd(row.perUnit.usd) : 'unpriced';
  return `${per} per ${data.unit} × ${formatInteger(data.workload.callsPerDay)} per day × ${DAYS_PER_MONTH} days`;
}

export function tokensText(row: CompareRow, data: CompareData): string {
  const t = row.tokens;
  const counts = `${formatInteger(t.input)} input, ${formatInteger(t.output)} output, ${formatInteger(t.reasoning)} reasoning`;
  if (row.tokensExact) return `${counts} — exact (${row.tokenizer})`;
  return `${counts} — ≈ converted from ${data.workloadTokenizer} to ${row.tokenizer} at ×${row.tokenRatio.toFixed(3)}`;
}

export function latencyText(row: CompareRow, source: OfferingSource | undefined): string {
  if (row.latencyBasis === 'catalog' && source?.speed) return `catalog speed figures: ${source.speed.source} (${source.speed.asOf})`;
  return 'assumed speed (the catalog has no speed figures for this offering)';
}

/** Every line of a row's details, label → text. */
export function detailLines(row: CompareRow, data: CompareData): [string, string][] {
  const src = data.sources[row.id];
  const lines: [string, string][] = [];
  if (src) {
    lines.push(['Catalog entry', `${row.id}: ${src.source} (as of ${src.asOf})`]);
    const p = src.pricesPerMillion;
    lines.push([
      'List prices',
      `input ${formatPerMillion(p.input)}, cached read ${formatPerMillion(p.cachedRead)}, cache write ${formatPerMillion(p.cacheWrite)}, output ${formatPerMillion(p.output)}` +
        (src.batchDiscount !== undefined ? `; batch −${formatPercent(src.batchDiscount)}` : ''),
    ]);
  } else {
    lines.push(['Source', row.kind === 'self-hosted' ? 'hardware model' : 'not in the catalog']);
  }
  lines.push([`Per ${data.unit}`, breakdownText(row.perUnit)]);
  lines.push(['Per month', monthlyText(row, data)]);
  lines.push(['Tokens', tokensText(row, data)]);
  lines.push(['Latency', latencyText(row, src)]);
  if (row.contextWindow !== undefined) {
    lines.push(['Context', `largest request ${formatInteger(row.maxContextTokens)} of ${formatInteger(row.contextWindow)} tokens`]);
  }
  if (row.agentTax !== undefined) lines.push(['Agent tax', `${formatMultiplier(row.agentTax)} the cost of one call with the first step's context`]);
  for (const note of row.notes ?? []) lines.push(['Note', note]);
  return lines;
}
