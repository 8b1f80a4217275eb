import type { Offering } from '../catalog/types';

/** Token counts of one API call, split the way providers bill them. */
export interface CallUsage {
  /** Input tokens billed at the full input price (not read from, nor written to, the cache). */
  readonly freshInput: number;
  /** Input tokens read from the prompt cache. */
  readonly cachedRead: number;
  /** Input tokens written to the prompt cache (billed at the write price where there is one). */
  readonly cacheWrite: number;
  readonly cacheWriteTtl?: '5m' | '1h';
  readonly output: number;
  /** Reasoning tokens: billed as output, not visible. */
  readonly reasoning: number;
  /** Batch / flex processing: the offering's batch discount applies. */
  readonly batch?: boolean;
}

/** US dollars per component. Absent components were zero tokens. */
export interface CostBreakdown {
  readonly freshInput: number;
  readonly cachedRead: number;
  readonly cacheWrite: number;
  readonly output: number;
  readonly reasoning: number;
}

/** A price, or the honest statement that we cannot price it. Never a silent zero. */
export type Price =
  | {
      readonly kind: 'priced';
      readonly usd: number;
      readonly breakdown: CostBreakdown;
      /** The tier used, when the offering has long-context tiers. */
      readonly tierAboveInputTokens?: number;
      readonly batchDiscount?: number;
      /**
       * The range this figure could swing over from its uncertain inputs (assumed output length,
       * loop steps, tool-result and placeholder sizes, branch alternatives, ≈ token counts, cache
       * hit share). `usd` stays the expected value; absent where every input came from code.
       */
      readonly low?: number;
      readonly high?: number;
    }
  | {
      readonly kind: 'unpriced';
      /** What is missing, e.g. ["offering openai/gpt-9", "cachedRead price"]. */
      readonly missing: readonly string[];
    };

export interface LatencyEstimate {
  readonly ttftMs: number;
  readonly totalMs: number;
  readonly outputTokensPerSecond: number;
  /** `catalog` when the offering has speed figures; `assumed` when defaults were used. */
  readonly basis: 'catalog' | 'assumed';
  readonly source: string;
}

export interface CallEstimate {
  readonly offering?: Offering;
  readonly usage: CallUsage;
  readonly price: Price;
  readonly latency?: LatencyEstimate;
}
