/**
 * Results of the agent-loop simulation (DESIGN §3): one row per model call, the
 * totals of the task, and the agent tax. Plain data, serialised as-is in the CLI's
 * JSON and the report, so field names are part of the contract (additive changes only).
 */
import type { CachingMode } from '../catalog/types';
import type { LatencyEstimate, Price } from '../cost/types';
import type { Workload } from '../workload';

/** A low / expected / high triple, for figures built on assumptions (steps, output length). */
export interface ValueRange<T> {
  readonly low: T;
  readonly expected: T;
  readonly high: T;
}

/** What happened to a simulated step. */
export type StepStatus =
  /** Priced: the request fits the context window. */
  | 'ok'
  /** The first step whose request no longer fits the context window: the API rejects it, nothing is billed. */
  | 'overflow'
  /** A step after the overflow: the loop cannot get there as written. */
  | 'not-run';

export interface AgentStepEstimate {
  /** 1-based. */
  readonly step: number;
  /** Tokens sent: the whole context so far (ctx_{i-1}). */
  readonly inputTokens: number;
  /** Of `inputTokens`: billed at the full input price. */
  readonly freshInput: number;
  /** Of `inputTokens`: read from the prompt cache. */
  readonly cachedRead: number;
  /** Of `inputTokens`: written to the prompt cache (explicit caching only). */
  readonly cacheWrite: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  /** Context after the step: input + output + tool result (ctx_i). */
  readonly contextAfter: number;
  readonly status: StepStatus;
  /** Absent for steps that are not run (overflow and after). */
  readonly price?: Price;
  readonly latency?: LatencyEstimate;
}

/** How caching was modelled for this estimate, and why. */
export interface CachingApplied {
  /** `off` when the workload disables caching. */
  readonly mode: CachingMode | 'off';
  readonly minCacheableTokens: number;
  readonly incrementTokens?: number;
  readonly writeTtl?: '5m' | '1h';
  /** One line for people, e.g. "explicit (anthropic): writes at 1.25× input, reads at 0.1×". */
  readonly note: string;
}

export interface AgentTotals {
  /** Sum of the input tokens of the steps that ran. */
  readonly inputTokens: number;
  readonly freshInput: number;
  readonly cachedRead: number;
  readonly cacheWrite: number;
  readonly outputTokens: number;
  readonly reasoningTokens: number;
  /** Cost of the steps that ran; unpriced when any of them is, or when none could run. */
  readonly cost: Price;
  /** Sum of the step latencies (model time only; tool execution time is not known). */
  readonly latencyMs: number;
}

export interface AgentEstimate {
  readonly offering: string;
  readonly provider: string;
  readonly model: string;
  readonly workload: Workload;
  readonly stepsAssumed: boolean;
  readonly steps: readonly AgentStepEstimate[];
  /** Steps that ran and are priced (all of them unless the context overflows). */
  readonly stepsRun: number;
  /** False when the context window overflows before the last step. */
  readonly completed: boolean;
  readonly overflowStep?: number;
  readonly contextWindow?: number;
  /** Largest request of the loop: last step's input + output + reasoning. */
  readonly maxContextTokens: number;
  readonly caching: CachingApplied;
  readonly totals: AgentTotals;
  /** The same first request made once, on its own (cached prefix read, no cache write). */
  readonly singleCall: { readonly price: Price; readonly latency?: LatencyEstimate };
  /** totals.cost ÷ singleCall.price; absent when either is unpriced. */
  readonly agentTax?: number;
  /** Latency basis of the step figures: `catalog` or `assumed` defaults. */
  readonly latencyBasis: 'catalog' | 'assumed';
  /** Assumptions and decisions a reader should see (input clamped, caching not modelled, …). */
  readonly notes: readonly string[];
  /** Reserved for low / expected / high estimates over assumed inputs (steps, output length). */
  readonly ranges?: {
    readonly cost?: ValueRange<number>;
    readonly latencyMs?: ValueRange<number>;
    readonly steps?: ValueRange<number>;
  };
}

/** A workload priced on one offering: a single call (steps = 1) or an agent task. */
export interface WorkloadEstimate {
  readonly kind: 'call' | 'task';
  readonly offering: string;
  readonly provider: string;
  readonly model: string;
  /** $ per call (kind `call`) or per task (kind `task`). */
  readonly perUnit: Price;
  /** perUnit × callsPerDay × 30. */
  readonly monthly: Price;
  readonly unitsPerMonth: number;
  /** Time to first token of the first request. */
  readonly ttftMs: number;
  readonly outputTokensPerSecond: number;
  /** Whole call, or the sum of a task's steps. */
  readonly latencyMs: number;
  readonly latencyBasis: 'catalog' | 'assumed';
  readonly latencySource: string;
  readonly tokens: { readonly input: number; readonly output: number; readonly reasoning: number };
  readonly maxContextTokens: number;
  readonly contextWindow?: number;
  readonly overflowStep?: number;
  readonly agentTax?: number;
  /** The full simulation; for single calls too (one step). */
  readonly agent: AgentEstimate;
}
