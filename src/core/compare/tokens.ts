/**
 * Converting a workload's token counts between tokenizer families. The workload is
 * counted in one tokenizer (usually o200k_base); another family sees the same text
 * as more or fewer tokens. The tokenize layer's calibrated ratios are per
 * o200k_base token, for prose and for code; with no text at hand we take the
 * midpoint of the two and mark the counts approximate.
 */
import type { ModelEntry, TokenizerId } from '../catalog/types';
import { profileForTokenizer, ratioProfile, ratioProfileForModel, tokenizerForModel } from '../tokenize';
import type { Workload } from '../workload';

const EXACT: ReadonlySet<TokenizerId> = new Set<TokenizerId>(['o200k_base', 'cl100k_base']);

/** Tokens of this model (or tokenizer) per o200k_base token, for mixed prose and code. */
export function ratioToO200k(model: ModelEntry | TokenizerId | string): number {
  const tokenizer: TokenizerId = typeof model === 'object' ? model.tokenizer : isTokenizerId(model) ? model : tokenizerForModel(model);
  if (EXACT.has(tokenizer)) return 1;
  const byModel = typeof model === 'object' || !isTokenizerId(model) ? ratioProfileForModel(model) : undefined;
  const profile = ratioProfile(byModel ?? profileForTokenizer(tokenizer));
  return profile ? (profile.prose + profile.code) / 2 : 1;
}

const TOKENIZER_IDS: ReadonlySet<string> = new Set([
  'o200k_base', 'cl100k_base', 'claude', 'gemini', 'llama3', 'llama4', 'qwen', 'deepseek', 'mistral', 'grok', 'gemma', 'other',
]);

function isTokenizerId(s: string): s is TokenizerId {
  return TOKENIZER_IDS.has(s);
}

export interface ConvertedWorkload {
  readonly workload: Workload;
  readonly ratio: number;
  readonly exact: boolean;
}

/** The workload as `target` counts it. Same tokenizer (or the two exact OpenAI ones, ±few %): unchanged but only the first is exact. */
export function convertWorkload(w: Workload, from: { tokenizer: TokenizerId; model?: string }, target: ModelEntry): ConvertedWorkload {
  if (target.tokenizer === from.tokenizer) return { workload: w, ratio: 1, exact: true };
  const source = from.model ?? from.tokenizer;
  const ratio = Math.round((ratioToO200k(target) / ratioToO200k(source)) * 1000) / 1000;
  const scale = (n: number) => Math.round(n * ratio);
  return {
    workload: {
      ...w,
      inputTokens: scale(w.inputTokens),
      cachedInputTokens: scale(w.cachedInputTokens),
      outputTokens: scale(w.outputTokens),
      reasoningTokens: scale(w.reasoningTokens),
      toolResultTokens: scale(w.toolResultTokens),
    },
    ratio,
    exact: false,
  };
}
