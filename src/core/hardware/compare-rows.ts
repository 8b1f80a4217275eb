/**
 * Self-hosted rows for a Compare Providers result: for each open-weight model
 * among the API rows, a few accelerator × precision configurations priced on
 * the same workload (the cheapest, the fastest, the cheapest on one accelerator),
 * with break-even against that model's API offerings. Merge them with
 * `withExtraRows(result, rows, note)` from the compare layer.
 */
import type { Catalog } from '../catalog/types';
import type { CompareResult, CompareRow } from '../compare/types';
import type { Price } from '../cost/types';
import { DAYS_PER_MONTH } from '../workload';
import { DEFAULT_UTILIZATION, type HardwareEstimate } from './estimate';
import { selfHostedOptions, type SelfHostedOptionsOptions } from './options';

export interface SelfHostedRows {
  readonly rows: readonly CompareRow[];
  readonly note: string;
}

function priced(usdPerToken: number, tokens: CompareRow['tokens']): Price {
  return {
    kind: 'priced',
    usd: usdPerToken * (tokens.input + tokens.output + tokens.reasoning),
    breakdown: {
      freshInput: usdPerToken * tokens.input,
      cachedRead: 0,
      cacheWrite: 0,
      output: usdPerToken * tokens.output,
      reasoning: usdPerToken * tokens.reasoning,
    },
  };
}

/** The cheapest, the fastest per user and the cheapest single-accelerator configuration, without repeats. */
function pick(rows: readonly HardwareEstimate[], perModel: number): HardwareEstimate[] {
  const byCost = rows.filter((r) => r.usdPerMillionTokens !== undefined);
  const chosen = [
    byCost[0],
    [...byCost].sort((a, b) => b.decodeTokensPerSecond.perUser - a.decodeTokensPerSecond.perUser)[0],
    byCost.find((r) => r.accelerators === 1),
  ].filter((r): r is HardwareEstimate => r !== undefined);
  const seen = new Set<string>();
  return chosen.filter((r) => {
    const key = `${r.accelerator}/${r.precision}/${r.accelerators}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, perModel);
}

/**
 * $/token of a self-hosted row at the workload's own volume: the deployments it needs are rented
 * around the clock whether busy or not, so a small volume pays for idle hours (the honest
 * comparison with a pay-per-token API). Without a volume: the utilization-based figure.
 */
function usdPerTokenAtVolume(est: HardwareEstimate): number | undefined {
  const perMillion = est.atVolume ? est.atVolume.usdPerMillionTokens : est.usdPerMillionTokens;
  return perMillion === undefined ? undefined : perMillion / 1e6;
}

function rowFrom(api: CompareRow, est: HardwareEstimate, steps: number, callsPerDay: number): CompareRow {
  const usdPerToken = usdPerTokenAtVolume(est);
  const perUnit: Price = usdPerToken === undefined ? { kind: 'unpriced', missing: [`hourly price of ${est.accelerator}`] } : priced(usdPerToken, api.tokens);
  const monthly: Price = perUnit.kind === 'priced' ? { ...perUnit, usd: perUnit.usd * callsPerDay * DAYS_PER_MONTH } : perUnit;
  return {
    kind: 'self-hosted',
    id: `self-hosted/${est.model}@${est.accelerators}x${est.accelerator}/${est.precision}`,
    provider: 'self-hosted',
    model: api.model,
    openWeight: true,
    tokenizer: api.tokenizer,
    tokensExact: api.tokensExact,
    tokenRatio: api.tokenRatio,
    tokens: api.tokens,
    perUnit,
    monthly,
    ttftMs: est.ttftMs,
    outputTokensPerSecond: est.decodeTokensPerSecond.perUser,
    latencyMs: est.totalLatencyMs * steps,
    // Modelled from the hardware data (roofline fitted to public benchmarks), not a default guess.
    latencyBasis: 'catalog',
    contextWindow: api.contextWindow,
    maxContextTokens: api.maxContextTokens,
    pareto: false,
    notes: [`${est.precision}: ${est.quality.note}`, ...est.issues],
    detail: {
      accelerator: est.accelerator,
      accelerators: est.accelerators,
      precision: est.precision,
      engine: est.engine,
      batch: est.batch,
      usdPerHour: est.usdPerHour,
      usdPerMillionTokens: est.usdPerMillionTokens,
      utilization: est.utilization,
      atVolume: est.atVolume,
      memoryGB: { required: est.memory.requiredGB, available: est.memory.availableGB },
      breakEven: est.breakEven,
      basis: est.basis,
    },
  };
}

export function selfHostedCompareRows(
  catalog: Catalog,
  result: CompareResult,
  opts: SelfHostedOptionsOptions & { readonly perModel?: number } = {},
): SelfHostedRows {
  const out: CompareRow[] = [];
  const done = new Set<string>();
  const steps = Math.max(1, result.workload.steps);
  for (const api of result.rows) {
    if (api.kind !== 'api' || !api.openWeight || done.has(api.model)) continue;
    done.add(api.model);
    const entry = catalog.models.find((m) => m.id === api.model);
    const arch = entry?.architecture ?? api.model;
    const perCall = {
      inputTokens: Math.round(api.tokens.input / steps),
      outputTokens: Math.round(api.tokens.output / steps),
      reasoningTokens: Math.round(api.tokens.reasoning / steps),
      callsPerDay: result.workload.callsPerDay,
      steps,
    };
    const offerings = catalog.offerings.filter((o) => o.model === api.model);
    const options = selfHostedOptions(arch, perCall, { ...opts, offerings });
    for (const est of pick(options.rows, opts.perModel ?? 3)) out.push(rowFrom(api, est, steps, result.workload.callsPerDay));
  }
  const utilization = ((opts.utilization ?? DEFAULT_UTILIZATION) * 100).toFixed(0);
  return {
    rows: out,
    note: `self-hosted rows: accelerators rented 24/7 at typical on-demand rates, priced at this workload's volume (idle hours included; ${utilization}% utilization sizes capacity); speeds modelled from the hardware data, fitted to public benchmarks (see \`tokenomics hardware\`)`,
  };
}
