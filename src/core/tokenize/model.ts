/**
 * Which tokenizer a model uses. A catalog entry names its tokenizer; a bare model id (CLI, code
 * not yet resolved against the catalog) is matched by family name.
 */
import type { ModelEntry, TokenizerId } from '../catalog/types';
import type { ChatMessage, ChatTokenCount, TokenCount, ToolSchema } from './types';
import { countApproximate, countTokens } from './count';
import { countChatTokens, type ChatCountOptions } from './chat';
import type { RatioProfileId } from './approximate';

/** Family patterns, checked in order on the lower-cased id without provider prefix. */
const FAMILY_PATTERNS: readonly (readonly [RegExp, TokenizerId])[] = [
  // o200k_base: GPT-4o, GPT-4.1, GPT-4.5, GPT-5, o-series, gpt-oss (OpenAI model docs / tiktoken model map).
  [/^(chatgpt-4o|gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|gpt-oss|o[1-9](-|$)|codex-)/, 'o200k_base'],
  // cl100k_base: GPT-4 (incl. turbo), GPT-3.5 turbo, embeddings v2/v3.
  [/^(gpt-4|gpt-3\.5|gpt-35|text-embedding-(3|ada-002))/, 'cl100k_base'],
  [/claude/, 'claude'],
  [/gemini/, 'gemini'],
  [/gemma/, 'gemma'],
  [/llama[-_ ]?4/, 'llama4'],
  [/llama/, 'llama3'],
  [/qwen|qwq/, 'qwen'],
  [/deepseek/, 'deepseek'],
  [/mistral|mixtral|codestral|ministral|magistral|devstral|pixtral/, 'mistral'],
  [/grok/, 'grok'],
];

/** Strips `openai/`, `openai:`, `models/`, Bedrock's `anthropic.` and region prefixes. */
function bareModelId(id: string): string {
  const lower = id.trim().toLowerCase();
  const afterSlash = lower.slice(lower.lastIndexOf('/') + 1);
  const afterColon = afterSlash.includes(':') && !/:\d/.test(afterSlash) ? afterSlash.slice(afterSlash.indexOf(':') + 1) : afterSlash;
  return afterColon.replace(/^(us\.|eu\.|apac\.|global\.)?(anthropic|meta|mistral|amazon|cohere|ai21|deepseek|qwen)\./, '');
}

/** The tokenizer of a catalog model, or of a model id matched by family; `other` when unknown. */
export function tokenizerForModel(model: ModelEntry | string): TokenizerId {
  if (typeof model === 'object' && model !== null && typeof model.tokenizer === 'string') return model.tokenizer;
  const id = typeof model === 'string' ? model : typeof model === 'object' && model !== null ? String(model.id ?? '') : '';
  const bare = bareModelId(id);
  for (const [pattern, tokenizer] of FAMILY_PATTERNS) if (pattern.test(bare)) return tokenizer;
  return 'other';
}

/**
 * The ratio profile for a model whose tokenizer is approximate. Claude Opus 4.7 introduced a new
 * tokenizer (Anthropic release notes, 2026-04-16) under the same `claude` tokenizer id; Claude ids
 * of version 4.7 or later get that profile.
 */
export function ratioProfileForModel(model: ModelEntry | string): RatioProfileId | undefined {
  const tokenizer = tokenizerForModel(model);
  if (tokenizer !== 'claude') return undefined;
  const id = bareModelId(typeof model === 'string' ? model : String(model?.id ?? ''));
  const version = /claude-(?:opus|sonnet|haiku)-(\d+)(?:[-.](\d{1,2})(?!\d))?/.exec(id);
  if (!version) return 'claude';
  const major = Number(version[1]);
  const minor = version[2] === undefined ? 0 : Number(version[2]);
  return major > 4 || (major === 4 && minor >= 7) ? 'claude-opus-4.7' : 'claude';
}

/** `countTokens` with the model's tokenizer, including model-specific ratio profiles. */
export function countTokensForModel(text: string, model: ModelEntry | string): TokenCount {
  const tokenizer = tokenizerForModel(model);
  const profile = ratioProfileForModel(model);
  return profile ? countApproximate(text, profile, tokenizer) : countTokens(text, tokenizer);
}

/** `countChatTokens` with the model's tokenizer and ratio profile (framing and tool choice from `options`). */
export function countChatTokensForModel(
  messages: readonly ChatMessage[],
  tools: readonly ToolSchema[] | undefined,
  model: ModelEntry | string,
  options: Omit<ChatCountOptions, 'profile'> = {},
): ChatTokenCount {
  return countChatTokens(messages, tools, tokenizerForModel(model), { ...options, profile: ratioProfileForModel(model) });
}
