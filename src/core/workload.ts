/**
 * A workload: what one unit of work sends to a model and gets back. The same
 * shape feeds the CLI's `estimate`/`agent`/`compare`, the hover, the CodeLens
 * and the Compare Providers panel, so they all show the same numbers.
 */
export interface Workload {
  /** Input tokens of the first call: system + tool schemas + task, with chat framing. */
  readonly inputTokens: number;
  /** Of `inputTokens`, how many are already in the provider's cache on the first call. */
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  /** 1 for a single call; N for an agent loop of N model calls. */
  readonly steps: number;
  /** Tokens each tool result adds to the context between steps. */
  readonly toolResultTokens: number;
  /** Whether prompt caching is used across steps (per the provider's rules). */
  readonly caching: boolean;
  /** TTL of cache writes for explicit-caching providers (Anthropic): 5 minutes unless set. */
  readonly cacheWriteTtl?: '5m' | '1h';
  readonly batch: boolean;
  /** True when `steps` is an assumed count for a loop with no bound (shown as such). */
  readonly stepsAssumed?: boolean;
  /** Units of work per day, for monthly projections (30 days a month). */
  readonly callsPerDay: number;
}

export const DAYS_PER_MONTH = 30;

/**
 * What the code does not say and we therefore assume. Every figure built on one
 * of these lists it. Values come from settings, `tokenomics.json`, CLI flags
 * or annotations (`tokenomics: steps=12 output=800`), in that order of rising priority.
 */
export interface Assumptions {
  /** Model used where code names none, or names one we cannot resolve. */
  readonly defaultModel: string;
  /** Model that prices coding-agent instruction files (AGENTS.md, CLAUDE.md, …). */
  readonly codingModel: string;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  /** Step count assumed for loops with no bound. */
  readonly unboundedSteps: number;
  readonly toolResultTokens: number;
  /** Size of a placeholder (`${diff}`, `{context}`) with no specific size. */
  readonly placeholderTokens: number;
  /** Sizes of named placeholders, e.g. `{ diff: 3000 }`. */
  readonly placeholderSizes: Readonly<Record<string, number>>;
  readonly callsPerDay: number;
  readonly caching: boolean;
  readonly budgets: Budgets;
}

export interface Budgets {
  readonly perCallUsd?: number;
  readonly perTaskUsd?: number;
  readonly monthlyUsd?: number;
  /** Which figure a budget is checked against: the expected value (default) or the high end of its range (`--budget-on high`). */
  readonly on?: 'expected' | 'high';
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  defaultModel: 'gpt-4.1',
  codingModel: 'claude-sonnet-4-5',
  outputTokens: 500,
  reasoningTokens: 0,
  unboundedSteps: 25,
  toolResultTokens: 1000,
  placeholderTokens: 200,
  placeholderSizes: {},
  callsPerDay: 1000,
  caching: true,
  budgets: {},
};
