/** Tables for `tokenomics hardware`: one estimate, or the options that fit. Formatting only. */
import type { Table } from '../output';
import {
  formatDuration,
  formatPerMillion,
  formatTokens,
  formatTokensPerSecond,
  formatUsd,
} from '../../core/format';
import type { BreakEven, HardwareEstimate, OpenModelArchitecture, SelfHostedOptions } from '../../core/hardware';

function gb(x: number): string {
  return `${x.toFixed(1)} GB`;
}

/** Large token volumes: `850M`, `2.4B`. */
function volume(x: number): string {
  return x >= 999.5e6 ? `${(x / 1e9).toFixed(1)}B` : formatTokens(x);
}

function perMonthTokens(x: number | null): string {
  return x === null ? 'never' : `${volume(x)} tokens/month (${volume(x / 30)}/day)`;
}

function breakEvenCell(b: BreakEven | undefined): string {
  if (!b) return '—';
  return b.breakEvenTokensPerMonth === null ? `never vs ${b.offering}` : `${volume(b.breakEvenTokensPerMonth / 30)}/day vs ${b.offering}`;
}

/** The API offering that is hardest to beat: the cheapest per token. */
function cheapestApi(rows: readonly BreakEven[]): BreakEven | undefined {
  return [...rows].filter((b) => b.apiUsdPerMillionTokens !== undefined).sort((a, b) => (a.apiUsdPerMillionTokens as number) - (b.apiUsdPerMillionTokens as number))[0];
}

export function estimateTables(e: HardwareEstimate, apiNote?: string): Table[] {
  const scheme = e.accelerators > 1 ? (e.multiGpu === 'tensor-parallel' ? `tensor parallel ×${e.accelerators}` : `layer split over ${e.accelerators}`) : 'one accelerator';
  const rows: [string, string | { text: string; raw: number | string | boolean | null }][] = [
    ['model', e.model],
    ['accelerator', `${e.accelerators} × ${e.accelerator} (${scheme}, ${e.engine})`],
    ['precision', `${e.precision} weights, ${e.kvPrecision} KV cache`],
    ['memory per accelerator', `${gb(e.memory.perAccelerator.requiredGB)} needed of ${gb(e.memory.perAccelerator.availableGB)} usable`],
    ['  weights / KV cache', `${gb(e.memory.weightsGB)} / ${gb(e.memory.kvCacheGB)} (${e.memory.kvBytesPerToken.toLocaleString('en-US')} B/token)`],
    ['fits', { text: e.fits ? 'yes' : `no — needs ${e.acceleratorsNeeded ?? '> 64'}`, raw: e.fits }],
    ['accelerators needed', { text: String(e.acceleratorsNeeded ?? '> 64'), raw: e.acceleratorsNeeded ?? null }],
    ['batch', { text: String(e.batch), raw: e.batch }],
    ['prefill', { text: formatTokensPerSecond(e.prefillTokensPerSecond), raw: e.prefillTokensPerSecond }],
    ['time to first token', { text: formatDuration(e.ttftMs), raw: e.ttftMs }],
    ...(e.batch > 1
      ? ([
          [
            '  under load',
            {
              text: `${formatDuration(e.underLoad.ttftMs)} with ${e.underLoad.concurrency} clients (${e.underLoad.running} running${e.underLoad.queued > 0 ? `, ${e.underLoad.queued} queued` : ''}; room for ${e.underLoad.capacity}), ${formatTokensPerSecond(e.underLoad.outputTokensPerSecond)} output`,
              raw: e.underLoad.ttftMs,
            },
          ],
        ] as typeof rows)
      : []),
    ['decode per user', { text: `${formatTokensPerSecond(e.decodeTokensPerSecond.perUser)}${e.batch > 1 ? ` with other requests' prefills interleaved, ${formatTokensPerSecond(e.decodeTokensPerSecond.perUserNoStalls)} between them` : ''} (${e.decodeBound}-bound)`, raw: e.decodeTokensPerSecond.perUser }],
    ['decode total', { text: formatTokensPerSecond(e.decodeTokensPerSecond.total), raw: e.decodeTokensPerSecond.total }],
    ['latency per request', { text: `${formatDuration(e.totalLatencyMs)} (${e.inputTokens} in → ${e.outputTokens} out)`, raw: e.totalLatencyMs }],
    ['price', { text: e.usdPerHour === undefined ? 'unpriced' : `${formatUsd(e.usdPerHour)}/h, ${formatUsd(e.monthlyUsd as number)}/month`, raw: e.usdPerHour ?? null }],
    ['$/M tokens (in+out)', { text: e.usdPerMillionTokens === undefined ? 'unpriced' : `${formatPerMillion(e.usdPerMillionTokens)} at ${Math.round(e.utilization * 100)}% utilization`, raw: e.usdPerMillionTokens ?? null }],
    ['$/M output tokens', { text: e.usdPerMillionOutputTokens === undefined ? 'unpriced' : formatPerMillion(e.usdPerMillionOutputTokens), raw: e.usdPerMillionOutputTokens ?? null }],
    ['capacity', { text: `${formatTokens(e.capacityTokensPerDay)} tokens/day at 100% busy`, raw: e.capacityTokensPerDay }],
    ...(e.atVolume
      ? ([
          [
            'at your volume',
            {
              text: `${formatTokens(e.atVolume.tokensPerDay)} tokens/day: ${e.atVolume.deployments} deployment${e.atVolume.deployments > 1 ? 's' : ''}, ${(e.atVolume.busyShare * 100).toFixed(1)}% busy, ${e.atVolume.monthlyUsd === undefined ? 'unpriced' : `${formatUsd(e.atVolume.monthlyUsd)}/month = ${formatPerMillion(e.atVolume.usdPerMillionTokens)} effective`}`,
              raw: e.atVolume.monthlyUsd ?? null,
            },
          ],
        ] as [string, { text: string; raw: number | null }][])
      : []),
    ['quality', e.quality.note],
  ];
  if (e.speculative) {
    rows.push(['speculative', { text: `${e.speculative.expectedTokensPerStep.toFixed(2)} tokens/step, ×${e.speculative.speedup.toFixed(2)} decode`, raw: e.speculative.speedup }]);
  }
  const main: Table = {
    title: `Self-hosted ${e.model} on ${e.accelerators} × ${e.accelerator}`,
    columns: [{ header: 'figure' }, { header: 'value' }],
    rows: rows.map(([k, v]) => [k, v]),
    notes: [
      ...e.issues.map((i) => `! ${i}`),
      `basis: model ${e.basis.model}; accelerator ${e.basis.accelerator}${e.basis.price ? `; price ${e.basis.price}` : ''}`,
      `assumed: ${e.basis.assumptions.join('; ')}`,
      `quality source: ${e.quality.source}`,
    ],
  };
  const tables = [main];
  if (e.breakEven.length > 0 || apiNote) {
    tables.push({
      title: 'Break-even against API offerings of the same model',
      columns: [
        { header: 'offering' },
        { header: 'API $/M (this mix)', align: 'right' },
        { header: 'API TTFT', align: 'right' },
        { header: 'API speed', align: 'right' },
        { header: 'self-hosting wins above' },
        { header: 'at your volume' },
      ],
      rows: e.breakEven.map((b) => [
        b.offering,
        { text: formatPerMillion(b.apiUsdPerMillionTokens), raw: b.apiUsdPerMillionTokens ?? null },
        { text: b.apiSpeed ? formatDuration(b.apiSpeed.ttftMs) : '—', raw: b.apiSpeed?.ttftMs ?? null },
        { text: b.apiSpeed ? formatTokensPerSecond(b.apiSpeed.outputTokensPerSecond) : '—', raw: b.apiSpeed?.outputTokensPerSecond ?? null },
        { text: perMonthTokens(b.breakEvenTokensPerMonth), raw: b.breakEvenTokensPerMonth },
        b.atVolume
          ? `${b.atVolume.cheaper} (self ${formatUsd(b.atVolume.selfHostedMonthlyUsd)}/mo on ${b.atVolume.deployments} deployment${b.atVolume.deployments > 1 ? 's' : ''} vs API ${formatUsd(b.atVolume.apiMonthlyUsd)}/mo)`
          : '—',
      ]),
      notes: [...(apiNote && e.breakEven.length === 0 ? [apiNote] : []), 'self-hosted = one deployment rented 24/7; API prices from the catalog (source and date per offering in --format json)'],
    });
  }
  return tables;
}

export function optionsTable(model: OpenModelArchitecture, opts: SelfHostedOptions, input: number, output: number, apiNote?: string): Table {
  return {
    title: `Self-hosting ${model.id}: accelerator × precision options that fit (${input} in → ${output} out per request)`,
    columns: [
      { header: 'accelerator' },
      { header: 'n', align: 'right' },
      { header: 'precision' },
      { header: 'engine' },
      { header: 'mem/acc', align: 'right' },
      { header: 'batch', align: 'right' },
      { header: 'tok/s/user', align: 'right' },
      { header: 'tok/s total', align: 'right' },
      { header: 'TTFT', align: 'right' },
      { header: '$/M tokens', align: 'right' },
      { header: 'break-even' },
    ],
    rows: opts.rows.map((r) => [
      r.accelerator,
      { text: String(r.accelerators), raw: r.accelerators },
      r.precision,
      r.engine,
      { text: `${r.memory.perAccelerator.requiredGB.toFixed(0)}/${r.memory.perAccelerator.availableGB.toFixed(0)} GB`, raw: r.memory.perAccelerator.requiredGB },
      { text: String(r.batch), raw: r.batch },
      { text: formatTokens(r.decodeTokensPerSecond.perUser), raw: r.decodeTokensPerSecond.perUser },
      { text: formatTokens(r.decodeTokensPerSecond.total), raw: r.decodeTokensPerSecond.total },
      { text: formatDuration(r.ttftMs), raw: r.ttftMs },
      { text: r.usdPerMillionTokens === undefined ? 'unpriced' : formatPerMillion(r.usdPerMillionTokens), raw: r.usdPerMillionTokens ?? null },
      breakEvenCell(cheapestApi(r.breakEven)),
    ]),
    notes: [
      ...opts.issues.map((i) => `! ${i}`),
      ...(apiNote && opts.rows.every((r) => r.breakEven.length === 0) ? [apiNote] : []),
      `cheapest first; $/M tokens blends input and output at ${Math.round((opts.rows[0]?.utilization ?? 0.5) * 100)}% utilization of a deployment rented 24/7 (change with --utilization)`,
      'Apple and other unpriced hardware are listed last; run with --gpu ID for the full breakdown and its sources',
    ],
  };
}
