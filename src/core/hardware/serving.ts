/**
 * Serving under load: a closed loop of `concurrency` clients, each sending its next request
 * when the last one finishes (how vllm bench serve --max-concurrency, NIM's AIPerf and
 * llama-server sweeps drive an engine). The scheduler runs at most `capacity` sequences (its
 * max_num_seqs or what the KV cache holds); the rest wait in a queue.
 *
 *   loaded step  = step(running) + (running − 1) · prefill / output   (each other slot refills once per request)
 *   ρ            = (running − 1) · prefill / request time              (share of time spent on others' prompts)
 *   TTFT         = prefill · (1 + ρ) + ½ step(running) + fixed overhead + queue wait
 *   queue wait   = (concurrency − capacity) / capacity · request time, when concurrency > capacity
 *   output tok/s = running · output / request time
 */
import { decodeStep, prefillTiming, type PerfRequest } from './performance';

export interface ServingLoad {
  readonly concurrency: number;
  /** Sequences the scheduler runs at once. */
  readonly running: number;
  /** Requests waiting for a slot. */
  readonly queued: number;
  readonly loadedStepMs: number;
  /** Time to first token, queueing included. */
  readonly ttftMs: number;
  readonly queueWaitMs: number;
  /** One request from its admission to its last token. */
  readonly requestMs: number;
  readonly outputTokensPerSecond: number;
  /** Between-token speed one client sees (1000 / loaded step). */
  readonly perUserTokensPerSecond: number;
}

export function servingAtConcurrency(req: PerfRequest, concurrency: number, capacity = Number.POSITIVE_INFINITY): ServingLoad {
  const c = Math.max(1, Math.round(concurrency));
  const cap = Math.max(1, Math.floor(Math.min(capacity, req.engine.maxBatch ?? Number.POSITIVE_INFINITY)));
  const running = Math.min(c, cap);
  const r: PerfRequest = { ...req, batch: running };
  const step = decodeStep(r).ms;
  const prefill = prefillTiming(r).ms;
  const out = Math.max(1, req.outputTokens);
  const loadedStepMs = step + ((running - 1) * prefill) / out;
  const firstGuess = prefill + out * loadedStepMs;
  const rho = Math.min(0.9, ((running - 1) * prefill) / firstGuess);
  const ttftAdmitted = prefill * (1 + rho) + (running > 1 ? step / 2 : 0) + req.engine.prefillOverheadMs;
  const requestMs = ttftAdmitted + (out - 1) * loadedStepMs;
  const queueWaitMs = c > cap ? ((c - cap) / cap) * requestMs : 0;
  return {
    concurrency: c,
    running,
    queued: c - running,
    loadedStepMs,
    ttftMs: ttftAdmitted + queueWaitMs,
    queueWaitMs,
    requestMs,
    outputTokensPerSecond: (running * out * 1000) / requestMs,
    perUserTokensPerSecond: 1000 / loadedStepMs,
  };
}

/** `sequences` prompts arriving at once and prefilled together: time until all have their first token. */
export function burstTtftMs(req: PerfRequest, sequences: number): number {
  return prefillTiming(req, req.inputTokens, sequences).ms + req.engine.prefillOverheadMs;
}
