/**
 * Protocol of the Compare Providers panel (view type `tokenomics.compare`).
 * Imported by the page (src/webview/compare) and the host
 * (src/extension/webviews/compare); never imports vscode.
 *
 * The host computes every figure with the same core functions as the CLI
 * (`compareOfferings`, `selfHostedOptions`) and sends the results; the page
 * renders, sorts and filters them and sends edits of the workload back.
 *
 *   page → host  `ready`                 the page listens; the host flushes what it held
 *   page → host  `recompute` {requestId, workload}   the user edited the workload
 *   host → page  `show` {data}           a new workload to show (command, CodeLens, restore)
 *   host → page  `result` {requestId, data}          reply to `recompute`
 *   host → page  `error` {requestId?, message}       reply when the host could not compute
 */
import type { TokenizerId } from '../../core/catalog/types';
import type { CompareRow, ExcludedOffering } from '../../core/compare/types';
import type { Workload } from '../../core/workload';
import { isFiniteNumber, isNonEmptyString, isRecord, isRequestId } from './guards';

export const COMPARE_VIEW_TYPE = 'tokenomics.compare';

/** Where an API row's figures came from: the catalog entry and its date, and its list prices. */
export interface OfferingSource {
  readonly source: string;
  readonly asOf: string;
  /** List prices, $ per million tokens; absent = unknown. */
  readonly pricesPerMillion: { readonly input?: number; readonly output?: number; readonly cachedRead?: number; readonly cacheWrite?: number };
  readonly batchDiscount?: number;
  /** Speed figures' source and date, when the catalog has them (else latency is assumed). */
  readonly speed?: { readonly source: string; readonly asOf: string };
}

/** One open model × accelerator × precision that fits, from the hardware model. */
export interface SelfHostedView {
  readonly id: string;
  readonly model: string;
  readonly accelerator: string;
  readonly accelerators: number;
  readonly precision: string;
  readonly engine: string;
  readonly memory: { readonly requiredGB: number; readonly availableGB: number };
  /** Decode speed of one stream and of the whole batch. */
  readonly tokensPerSecond: { readonly perUser: number; readonly total: number };
  readonly ttftMs: number;
  readonly latencyMs: number;
  /** Absent when the accelerator has no hourly price (unpriced, not free). */
  readonly usdPerMillionTokens?: number;
  readonly monthlyUsd?: number;
  /** Lowest monthly volume (tokens) above which one deployment beats an API offering of the same model. */
  readonly breakEven?: { readonly tokensPerMonth: number; readonly offering: string };
  /** When no API offering is beaten at any volume, or there is none to compare with. */
  readonly breakEvenNote?: string;
  /** Against the current model's cheapest offering (when the current model is another one); null = never. */
  readonly breakEvenVsCurrent?: { readonly offering: string; readonly tokensPerMonth: number | null; readonly note: string };
  readonly quality: string;
  /** Provenance lines: model, accelerator, price, engine calibration, assumptions. */
  readonly basis: readonly string[];
}

/**
 * The figure of the site Compare was opened from, as its CodeLens and hover show it, pinned
 * above the table so it is on screen whatever the sort and page. Formatted by the host.
 */
export interface PinnedFigure {
  /** `$0.38/task` */
  readonly figure: string;
  readonly model: string;
  /** How the model was found: `from code, line 12`, `assumed: chosen at run time`. */
  readonly modelFrom: string;
  /** True when the model is an assumption (nothing in the code or config names it). */
  readonly assumed: boolean;
  /** `one task of 12 model calls` */
  readonly basis: string;
}

export interface CompareData {
  /** What is compared: `call at src/agent.ts:12`, `blank workload`… (user text: render as text). */
  readonly label: string;
  /** Canonical id of the model the site is priced on, marked in the table and chart. */
  readonly currentModel?: string;
  /** The site's own figure when Compare was opened from a site (CodeLens, hover, status bar). */
  readonly pinned?: PinnedFigure;
  readonly workload: Workload;
  readonly unit: 'call' | 'task';
  readonly workloadTokenizer: TokenizerId;
  readonly rows: readonly CompareRow[];
  readonly excluded: readonly ExcludedOffering[];
  /** Keyed by API row id (`provider/model`). */
  readonly sources: Readonly<Record<string, OfferingSource>>;
  readonly selfHosted: readonly SelfHostedView[];
  readonly selfHostedNote?: string;
  readonly catalog: { readonly asOf: string; readonly source: string };
  /** Problems met while computing (bad workload fields, unknown models…), for a notice. */
  readonly issues: readonly string[];
}

export type ComparePageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'recompute'; readonly requestId: number; readonly workload: Workload };

export type CompareHostMessage =
  | { readonly type: 'show'; readonly data: CompareData }
  | { readonly type: 'result'; readonly requestId: number; readonly data: CompareData }
  | { readonly type: 'error'; readonly requestId?: number; readonly message: string };

/** What the page keeps with `setState` and the panel serializer gets back after a reload. */
export interface CompareSavedState {
  readonly data?: CompareData;
  readonly ui?: CompareUiState;
}

export type CompareSortKey = 'provider' | 'model' | 'perUnit' | 'monthly' | 'ttft' | 'speed' | 'latency' | 'tokens';

export interface CompareUiState {
  readonly sort: { readonly key: CompareSortKey; readonly descending: boolean };
  readonly provider: string;
  readonly openWeightOnly: boolean;
  /** Seconds; undefined = no limit. */
  readonly maxLatencySeconds?: number;
  readonly page: number;
  /** Text the model or offering id must contain (case-insensitive); absent = any. */
  readonly search?: string;
  /** Also rows that cannot (or may not) do the site's job; absent/false = only those that can. */
  readonly showAll?: boolean;
}

/** Bounds of an editable workload: large enough for any real agent, small enough to keep the simulation quick. */
export const WORKLOAD_LIMITS = {
  inputTokens: 10_000_000,
  outputTokens: 1_000_000,
  reasoningTokens: 1_000_000,
  toolResultTokens: 1_000_000,
  steps: 1_000,
  callsPerDay: 1_000_000_000,
} as const;

function wholeIn(value: unknown, min: number, max: number): number | undefined {
  if (!isFiniteNumber(value)) return undefined;
  const n = Math.round(value);
  return n >= min && n <= max ? n : undefined;
}

/**
 * A Workload from untrusted input, or undefined when a field is missing or out of
 * bounds. Cached tokens are clamped to the input; optional fields are kept when valid.
 */
export function parseWorkload(value: unknown): Workload | undefined {
  if (!isRecord(value)) return undefined;
  const L = WORKLOAD_LIMITS;
  const inputTokens = wholeIn(value.inputTokens, 0, L.inputTokens);
  const cached = wholeIn(value.cachedInputTokens, 0, L.inputTokens);
  const outputTokens = wholeIn(value.outputTokens, 0, L.outputTokens);
  const reasoningTokens = wholeIn(value.reasoningTokens, 0, L.reasoningTokens);
  const steps = wholeIn(value.steps, 1, L.steps);
  const toolResultTokens = wholeIn(value.toolResultTokens, 0, L.toolResultTokens);
  const callsPerDay = isFiniteNumber(value.callsPerDay) && value.callsPerDay >= 0 && value.callsPerDay <= L.callsPerDay ? value.callsPerDay : undefined;
  if (
    inputTokens === undefined || cached === undefined || outputTokens === undefined || reasoningTokens === undefined ||
    steps === undefined || toolResultTokens === undefined || callsPerDay === undefined ||
    typeof value.caching !== 'boolean' || typeof value.batch !== 'boolean'
  ) {
    return undefined;
  }
  const ttl = value.cacheWriteTtl === '5m' || value.cacheWriteTtl === '1h' ? value.cacheWriteTtl : undefined;
  return {
    inputTokens,
    cachedInputTokens: Math.min(cached, inputTokens),
    outputTokens,
    reasoningTokens,
    steps,
    toolResultTokens,
    caching: value.caching,
    batch: value.batch,
    callsPerDay,
    ...(ttl ? { cacheWriteTtl: ttl } : {}),
    ...(value.stepsAssumed === true ? { stepsAssumed: true } : {}),
  };
}

export function isComparePageMessage(value: unknown): value is ComparePageMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready':
      return true;
    case 'recompute':
      return isRequestId(value.requestId) && parseWorkload(value.workload) !== undefined;
    default:
      return false;
  }
}

/** Shallow shape check of the data: the host is trusted code, this catches version skew and tampering. */
export function isCompareData(value: unknown): value is CompareData {
  return (
    isRecord(value) &&
    typeof value.label === 'string' &&
    parseWorkload(value.workload) !== undefined &&
    (value.unit === 'call' || value.unit === 'task') &&
    Array.isArray(value.rows) &&
    value.rows.every((r) => isRecord(r) && typeof r.id === 'string' && typeof r.provider === 'string' && isRecord(r.perUnit)) &&
    Array.isArray(value.excluded) &&
    isRecord(value.sources) &&
    Array.isArray(value.selfHosted) &&
    isRecord(value.catalog) &&
    Array.isArray(value.issues)
  );
}

export function isCompareHostMessage(value: unknown): value is CompareHostMessage {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'show':
      return isCompareData(value.data);
    case 'result':
      return isRequestId(value.requestId) && isCompareData(value.data);
    case 'error':
      return isNonEmptyString(value.message) && (value.requestId === undefined || isRequestId(value.requestId));
    default:
      return false;
  }
}

/** The saved state, if it still has the shape this version writes (else start fresh). */
export function parseSavedState(value: unknown): CompareSavedState {
  if (!isRecord(value)) return {};
  const data = isCompareData(value.data) ? value.data : undefined;
  const ui = isRecord(value.ui) ? (value.ui as unknown as CompareUiState) : undefined;
  return { ...(data ? { data } : {}), ...(ui ? { ui } : {}) };
}
