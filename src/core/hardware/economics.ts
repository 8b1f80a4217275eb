/**
 * What self-hosting costs and when it beats an API.
 *
 * A rented deployment costs its hourly price around the clock. With continuous
 * batching one request occupies the deployment for its prefill (the whole
 * machine) plus its share of the decode steps it rides in:
 *   request_seconds = prefill_s + output · step_s / batch
 *   $/M tokens      = $/h / 3600 · request_seconds / utilization / (input + output) · 1e6
 * Break-even against an API priced p per token (blended for the workload's
 * input/output mix): monthly_cost / p tokens a month, provided one deployment can
 * carry that volume at the utilization; otherwise self-hosting never wins.
 */
import type { Offering } from '../catalog/types';
import { DAYS_PER_MONTH } from '../workload';

export const HOURS_PER_MONTH = 24 * DAYS_PER_MONTH;

export interface ServingCost {
  /** Price of the whole deployment per hour; undefined when an accelerator has no price. */
  readonly usdPerHour?: number;
  readonly monthlyUsd?: number;
  readonly requestSeconds: number;
  /** Tokens (input + output) one deployment can serve per day at 100% busy. */
  readonly capacityTokensPerDay: number;
  readonly utilization: number;
  /** Blended over input and output tokens, at the utilization. */
  readonly usdPerMillionTokens?: number;
  /** All of the cost charged to output tokens (how GPU price lists usually quote it). */
  readonly usdPerMillionOutputTokens?: number;
}

export interface ServingCostInput {
  readonly usdPerHourPerAccelerator?: number;
  readonly accelerators: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly batch: number;
  readonly prefillMs: number;
  readonly decodeStepMs: number;
  /** Decoded tokens per step per sequence (speculative decoding > 1). */
  readonly tokensPerStep?: number;
  readonly utilization: number;
}

export function servingCost(input: ServingCostInput): ServingCost {
  const tokensPerStep = input.tokensPerStep ?? 1;
  const requestSeconds =
    input.prefillMs / 1000 + (input.outputTokens / tokensPerStep) * (input.decodeStepMs / 1000) / Math.max(1, input.batch);
  const tokensPerRequest = Math.max(1, input.inputTokens + input.outputTokens);
  const capacityTokensPerDay = (86400 / requestSeconds) * tokensPerRequest;
  const utilization = Math.min(1, Math.max(0.01, input.utilization));
  if (input.usdPerHourPerAccelerator === undefined) {
    return { requestSeconds, capacityTokensPerDay, utilization };
  }
  const usdPerHour = input.usdPerHourPerAccelerator * input.accelerators;
  const usdPerRequest = ((usdPerHour / 3600) * requestSeconds) / utilization;
  return {
    usdPerHour,
    monthlyUsd: usdPerHour * HOURS_PER_MONTH,
    requestSeconds,
    capacityTokensPerDay,
    utilization,
    usdPerMillionTokens: (usdPerRequest / tokensPerRequest) * 1e6,
    usdPerMillionOutputTokens: (usdPerRequest / Math.max(1, input.outputTokens)) * 1e6,
  };
}

export interface BreakEven {
  readonly offering: string;
  readonly provider: string;
  /** The API's price for this workload's mix, per million tokens (input + output). */
  readonly apiUsdPerMillionTokens?: number;
  /** Monthly tokens above which one self-hosted deployment is cheaper; null when it never is. */
  readonly breakEvenTokensPerMonth: number | null;
  /** With a stated daily volume: monthly cost each way. */
  readonly atVolume?: {
    readonly tokensPerDay: number;
    readonly deployments: number;
    readonly selfHostedMonthlyUsd: number;
    readonly apiMonthlyUsd: number;
    readonly cheaper: 'self-hosted' | 'api';
  };
  /** The API's typical speed from the catalog, for a side-by-side with self-hosting. */
  readonly apiSpeed?: { readonly ttftMs: number; readonly outputTokensPerSecond: number };
  readonly note: string;
  readonly source: string;
  readonly asOf: string;
}

/** The API's blended price per token for a workload mix; undefined when a needed price is missing. */
export function apiUsdPerToken(offering: Offering, inputTokens: number, outputTokens: number): number | undefined {
  const pIn = offering.prices.input;
  const pOut = offering.prices.output;
  if ((inputTokens > 0 && pIn === undefined) || (outputTokens > 0 && pOut === undefined)) return undefined;
  const total = Math.max(1, inputTokens + outputTokens);
  return ((inputTokens * (pIn ?? 0) + outputTokens * (pOut ?? 0)) / total) / 1e6;
}

export function breakEven(
  cost: ServingCost,
  offering: Offering,
  inputTokens: number,
  outputTokens: number,
  tokensPerDay?: number,
): BreakEven {
  const base = {
    offering: offering.id,
    provider: offering.provider,
    source: offering.source,
    asOf: offering.asOf,
    ...(offering.speed ? { apiSpeed: { ttftMs: offering.speed.ttftMs, outputTokensPerSecond: offering.speed.outputTokensPerSecond } } : {}),
  };
  const api = apiUsdPerToken(offering, inputTokens, outputTokens);
  if (api === undefined || api <= 0 || cost.monthlyUsd === undefined) {
    return {
      ...base,
      apiUsdPerMillionTokens: api === undefined ? undefined : api * 1e6,
      breakEvenTokensPerMonth: null,
      note: api === undefined ? 'API offering is unpriced for this mix' : 'self-hosted deployment has no hourly price',
    };
  }
  const capacityPerMonth = cost.capacityTokensPerDay * cost.utilization * DAYS_PER_MONTH;
  const tokensToBreakEven = cost.monthlyUsd / api;
  const wins = tokensToBreakEven <= capacityPerMonth;
  let atVolume: BreakEven['atVolume'];
  if (tokensPerDay !== undefined && tokensPerDay > 0) {
    const deployments = Math.max(1, Math.ceil((tokensPerDay * DAYS_PER_MONTH) / capacityPerMonth));
    const selfHostedMonthlyUsd = deployments * cost.monthlyUsd;
    const apiMonthlyUsd = tokensPerDay * DAYS_PER_MONTH * api;
    atVolume = {
      tokensPerDay,
      deployments,
      selfHostedMonthlyUsd,
      apiMonthlyUsd,
      cheaper: selfHostedMonthlyUsd < apiMonthlyUsd ? 'self-hosted' : 'api',
    };
  }
  return {
    ...base,
    apiUsdPerMillionTokens: api * 1e6,
    breakEvenTokensPerMonth: wins ? tokensToBreakEven : null,
    atVolume,
    note: wins
      ? 'one deployment rented 24/7 beats the API above this monthly volume'
      : 'never: even fully loaded, self-hosting costs more per token than this API',
  };
}
