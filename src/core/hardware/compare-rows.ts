/**
 * Self-hosted rows for a Compare Providers result: for each open-weight model
 * among the API rows, a few accelerator × precision configurations priced on
 * the same workload (the cheapest, the fastest, the cheapest on one accelerator),
 * with break-even against that model's API offerings. Merge them with
 * `withExtraRows(result, rows, note)` from the compare layer.
 */
import type { Catalog, Offering } from '../catalog/types';
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
 * $ per million tokens of a self-hosted configuration at the workload's own volume: the
 * deployments it needs are rented around the clock whether busy or not, so a small volume
 * pays for idle hours (the honest comparison with a pay-per-token API). Without a volume:
 * the utilization-based figure. The one basis of `compare --self-hosted` and the panel.
 */
export function selfHostedUsdPerMillion(est: HardwareEstimate): number | undefined {
  return est.atVolume ? est.atVolume.usdPerMillionTokens : est.usdPerMillionTokens;
}

/** The monthly price of the deployments the volume needs (one deployment without a volume). */
export function selfHostedMonthlyUsd(est: HardwareEstimate): number | undefined {
  return est.atVolume ? est.atVolume.monthlyUsd : est.monthlyUsd;
}

function usdPerTokenAtVolume(est: HardwareEstimate): number | undefined {
  const perMillion = selfHostedUsdPerMillion(est);
  return perMillion === undefined ? undefined : perMillion / 1e6;
}

/** An open model among the API rows, with every configuration that can serve the workload. */
export interface SelfHostedCandidate {
  /** The model's cheapest API row: the tokens one unit of work carries in its tokenizer. */
  readonly api: CompareRow;
  /** Configurations that fit, cheapest first (see `selfHostedOptions`). */
  readonly estimates: readonly HardwareEstimate[];
  /** Ids of the model's own API offerings (break-even against them). */
  readonly sameModel: readonly string[];
}

export interface CandidateOptions extends SelfHostedOptionsOptions {
  /** Open models priced, in the order of the (cheapest-first) API rows. Default: all. */
  readonly maxModels?: number;
  /** Another offering to compute break-even against (the model the site uses now). */
  readonly alsoAgainst?: Offering;
}

/**
 * The one self-hosted engine behind `compare --self-hosted` and the Compare Providers panel:
 * for each open-weight model among the API rows, the configurations that serve one unit of
 * the workload, in the model's own tokens (a loop's requests averaged over its steps).
 */
export function selfHostedCandidates(catalog: Catalog, result: CompareResult, opts: CandidateOptions = {}): { readonly candidates: SelfHostedCandidate[]; readonly issues: string[] } {
  const candidates: SelfHostedCandidate[] = [];
  const issues: string[] = [];
  const done = new Set<string>();
  const steps = Math.max(1, result.workload.steps);
  for (const api of result.rows) {
    if (candidates.length >= (opts.maxModels ?? Infinity)) break;
    if (api.kind !== 'api' || !api.openWeight || done.has(api.model)) continue;
    done.add(api.model);
    // The catalog links a model to its architecture in the hardware data (ids may differ).
    const arch = catalog.models.find((m) => m.id === api.model)?.architecture ?? api.model;
    const perCall = {
      inputTokens: Math.round(api.tokens.input / steps),
      outputTokens: Math.round(api.tokens.output / steps),
      reasoningTokens: Math.round(api.tokens.reasoning / steps),
      callsPerDay: result.workload.callsPerDay,
      steps,
    };
    const offerings = catalog.offerings.filter((o) => o.model === api.model);
    const against = opts.alsoAgainst && opts.alsoAgainst.model !== api.model ? [...offerings, opts.alsoAgainst] : offerings;
    const options = selfHostedOptions(arch, perCall, { ...opts, offerings: against });
    if (!options.known) continue; // an open model without architecture data
    issues.push(...options.issues);
    candidates.push({ api, estimates: options.rows, sameModel: offerings.map((o) => o.id) });
  }
  return { candidates, issues };
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
  const steps = Math.max(1, result.workload.steps);
  for (const c of selfHostedCandidates(catalog, result, opts).candidates) {
    for (const est of pick(c.estimates, opts.perModel ?? 3)) out.push(rowFrom(c.api, est, steps, result.workload.callsPerDay));
  }
  const utilization = ((opts.utilization ?? DEFAULT_UTILIZATION) * 100).toFixed(0);
  return {
    rows: out,
    note: `self-hosted rows: accelerators rented 24/7 at typical on-demand rates, priced at this workload's volume (idle hours included; ${utilization}% utilization sizes capacity); speeds modelled from the hardware data, fitted to public benchmarks (see \`tokenomics hardware\`)`,
  };
}
