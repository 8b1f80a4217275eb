/**
 * The estimate of one call given as token counts (`tokenomics estimate`): price with its
 * breakdown, the list prices applied (the long-context tier's when the prompt is above its
 * threshold), latency, the monthly figure and whether the request fits the context window.
 */
import type { ContextFit } from '../catalog/context';
import type { ModelEntry, Offering, ProviderEntry, TokenPrices } from '../catalog/types';
import { priceCallInWindow } from '../cost/call-in-window';
import { estimateLatency } from '../cost/latency';
import { scalePrice } from '../cost/money';
import { effectivePrices, promptTokens, tierFor } from '../cost/price';
import type { CallUsage, CostBreakdown, LatencyEstimate, Price } from '../cost/types';
import { DAYS_PER_MONTH } from '../workload';

export interface UsageEstimateInput {
  readonly model: ModelEntry;
  readonly offering: Offering;
  readonly provider?: ProviderEntry;
  /** Set when no provider offers the model: the offering is a stand-in and the result is unpriced. */
  readonly noOffering?: boolean;
  readonly usage: CallUsage;
  readonly callsPerDay: number;
}

export interface UsageEstimate {
  readonly price: Price;
  readonly latency: LatencyEstimate;
  readonly monthly: Price;
  /** List prices applied, per million tokens. */
  readonly applied: TokenPrices;
  /** The list price (per million) of each billed component. */
  readonly listPrice: Readonly<Record<keyof CostBreakdown, number | undefined>>;
  /** The window the request must fit (the smaller of the model's and the offering's, with any conflict between sources); absent when no source states one. */
  readonly contextWindow?: number;
  readonly contextFit: ContextFit;
  /** Input plus output and reasoning: what must fit the window. */
  readonly requestTokens: number;
  /** The API would reject the request: it is not priced (the same kind of result `agent` gives). */
  readonly exceedsContextWindow: boolean;
}

export function estimateUsage(input: UsageEstimateInput): UsageEstimate {
  const { usage, offering: o } = input;
  // The core refuses to price a request over the window (the API would reject it), as for loops.
  const { price, fit } = priceCallInWindow(input.model, input.noOffering ? undefined : o, usage, input.provider);
  // Cache reads skip prefill; only the rest delays the first token.
  const latency = estimateLatency(o, usage.freshInput + usage.cacheWrite, usage.output + usage.reasoning);
  const applied = effectivePrices(o.prices, tierFor(o.tiers, promptTokens(usage)));
  const requestTokens = usage.freshInput + usage.cachedRead + usage.cacheWrite + usage.output + usage.reasoning;
  return {
    price,
    latency,
    monthly: scalePrice(price, input.callsPerDay * DAYS_PER_MONTH),
    applied,
    listPrice: {
      freshInput: applied.input,
      cachedRead: applied.cachedRead,
      cacheWrite: usage.cacheWriteTtl === '1h' ? applied.cacheWrite1h : applied.cacheWrite,
      output: applied.output,
      reasoning: applied.output,
    },
    ...(fit.window.tokens !== undefined ? { contextWindow: fit.window.tokens } : {}),
    contextFit: fit,
    requestTokens,
    exceedsContextWindow: fit.kind === 'exceeds',
  };
}

/** A per-unit price over a month at `unitsPerDay` (30 days): for surfaces that show a monthly line. */
export function monthlyOf(price: Price, unitsPerDay: number): Price {
  return scalePrice(price, unitsPerDay * DAYS_PER_MONTH);
}
