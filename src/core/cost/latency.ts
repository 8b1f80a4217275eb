/**
 * Latency of one call from the offering's speed figures:
 *   ttft  ≈ base_ttft + prompt_tokens / prefill_rate
 *   total ≈ ttft + (output + reasoning) / output_tps
 * Figures the catalog lacks are replaced by stated defaults, and the estimate says so.
 */
import type { Offering } from '../catalog/types';
import type { LatencyEstimate } from './types';

/**
 * Defaults when the catalog has no speed figures for an offering. Round numbers in
 * the middle of what hosted APIs measure for non-reasoning models (time to first
 * token under a second, tens of output tokens per second, prefill around ten
 * thousand tokens per second); they are assumptions and every use is labelled.
 */
export const DEFAULT_SPEED = {
  ttftMs: 700,
  outputTokensPerSecond: 70,
  prefillTokensPerSecond: 10_000,
} as const;

const positive = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;

/**
 * `inputTokens` are the prompt tokens the provider must process before answering
 * (callers leave out cache reads, whose prefill is already done); `outputTokens`
 * includes reasoning tokens, which stream before the visible answer.
 */
export function estimateLatency(offering: Offering | undefined, inputTokens: number, outputTokens: number): LatencyEstimate {
  const speed = offering?.speed;
  const catalogSpeed = speed !== undefined && positive(speed.outputTokensPerSecond) && speed.ttftMs >= 0;
  const baseTtft = catalogSpeed ? speed.ttftMs : DEFAULT_SPEED.ttftMs;
  const tps = catalogSpeed ? speed.outputTokensPerSecond : DEFAULT_SPEED.outputTokensPerSecond;
  const prefillKnown = catalogSpeed && positive(speed.prefillTokensPerSecond);
  const prefill = prefillKnown ? speed.prefillTokensPerSecond! : DEFAULT_SPEED.prefillTokensPerSecond;

  const inTokens = Number.isFinite(inputTokens) && inputTokens > 0 ? inputTokens : 0;
  const outTokens = Number.isFinite(outputTokens) && outputTokens > 0 ? outputTokens : 0;
  const ttftMs = baseTtft + (inTokens / prefill) * 1000;
  const totalMs = ttftMs + (outTokens / tps) * 1000;

  const prefillNote = prefillKnown ? '' : `; prefill ${DEFAULT_SPEED.prefillTokensPerSecond} tok/s assumed`;
  const source = catalogSpeed
    ? `${speed.source} (${speed.asOf})${prefillNote}`
    : `assumed defaults: ${DEFAULT_SPEED.ttftMs} ms TTFT, ${DEFAULT_SPEED.outputTokensPerSecond} tok/s output, ${DEFAULT_SPEED.prefillTokensPerSecond} tok/s prefill`;
  return {
    ttftMs: round1(ttftMs),
    totalMs: round1(totalMs),
    outputTokensPerSecond: tps,
    basis: catalogSpeed ? 'catalog' : 'assumed',
    source,
  };
}

/** Latencies are estimates; a tenth of a millisecond is more than enough and keeps JSON tidy. */
function round1(ms: number): number {
  return Math.round(ms * 10) / 10;
}
