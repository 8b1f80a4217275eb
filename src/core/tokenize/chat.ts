/**
 * Tokens of a whole chat request: message texts plus the framing tokens chat formats add around
 * each message and the reply, plus tool definitions. Counts are of the raw text per the tokenizer
 * (exact or approximate); the framing constants and their sources are in FRAMING below.
 */
import type { ChatFraming, TokenizerId } from '../catalog/types';
import type { ChatMessage, ChatTokenCount, ToolSchema } from './types';
import { countApproximate, countTokens, isExactTokenizer } from './count';
import { isRatioProfileId, profileForTokenizer, ratioProfile, type RatioProfileId } from './approximate';
import { normalizeToolSchema, renderOpenAiToolNamespace, renderToolsJson } from './tool-render';

interface FramingRule {
  /** Tokens around each message, the role text excluded (the role is counted as text). */
  readonly perMessage: number;
  /** Tokens once per request: reply priming and begin-of-text. */
  readonly perRequest: number;
  /** Extra token when a message carries a `name`. */
  readonly perName: number;
  readonly source: string;
}

const OPENAI_FRAMING: FramingRule = {
  perMessage: 3,
  perRequest: 3,
  perName: 1,
  source:
    'OpenAI cookbook "How to count tokens with tiktoken": 3 tokens per message, +1 per name, 3 to prime the reply (<|start|>assistant<|message|>)',
};

/** Framing by tokenizer family. Open-model numbers are read off each model's published chat template. */
const FRAMING: Partial<Record<TokenizerId, FramingRule>> = {
  o200k_base: OPENAI_FRAMING,
  cl100k_base: OPENAI_FRAMING,
  llama3: {
    perMessage: 4,
    perRequest: 5,
    perName: 0,
    source:
      'Llama 3 chat template: <|start_header_id|>role<|end_header_id|>\\n\\n … <|eot_id|> per message; <|begin_of_text|> and the assistant header once',
  },
  qwen: {
    perMessage: 4,
    perRequest: 3,
    perName: 0,
    source: 'Qwen ChatML template: <|im_start|>role\\n … <|im_end|>\\n per message; <|im_start|>assistant\\n once',
  },
  gemma: {
    perMessage: 4,
    perRequest: 4,
    perName: 0,
    source: 'Gemma chat template: <start_of_turn>role\\n … <end_of_turn>\\n per message; <bos><start_of_turn>model\\n once',
  },
};

const DEFAULT_FRAMING: FramingRule = {
  ...OPENAI_FRAMING,
  source: 'no published framing for this family: OpenAI\'s 3 per message + 3 per request used as an approximation',
};

/**
 * Anthropic adds a hidden tool-use system prompt whenever `tools` are present. Anthropic pricing
 * docs, "Tool use system prompt token count": Claude 4.x / 3.7 / 3.5 Sonnet: 346 tokens with
 * tool_choice auto or none, 313 with any or tool (as of 2025-11).
 */
export const ANTHROPIC_TOOL_SYSTEM_PROMPT = { auto: 346, any: 313, source: 'Anthropic pricing docs, tool use system prompt token count (Claude 3.5 Sonnet – Claude 4.x)' } as const;

export interface ChatCountOptions {
  /** Ratio profile for approximate tokenizers (e.g. `claude-opus-4.7`); defaults to the tokenizer's. */
  readonly profile?: RatioProfileId;
  /** Framing from the catalog's provider entry; overrides the built-in table. */
  readonly framing?: ChatFraming;
  /** Anthropic tool choice; `any`/`tool` use a shorter hidden system prompt. Default `auto`. */
  readonly toolChoice?: 'auto' | 'none' | 'any' | 'tool';
}

export function countChatTokens(
  messages: readonly ChatMessage[],
  tools: readonly ToolSchema[] | undefined,
  tokenizer: TokenizerId,
  options: ChatCountOptions = {},
): ChatTokenCount {
  const count = (text: string) =>
    options.profile && isRatioProfileId(options.profile) && !isExactTokenizer(tokenizer) ? countApproximate(text, options.profile, tokenizer) : countTokens(text, tokenizer);
  const rule = framingRule(tokenizer, options.framing);
  const list = Array.isArray(messages) ? messages.filter((m) => typeof m === 'object' && m !== null) : [];

  const toolList = (Array.isArray(tools) ? tools : []).map(normalizeToolSchema).filter((t): t is ToolSchema => t !== undefined);
  let content = 0;
  let framing = list.length > 0 || toolList.length > 0 ? rule.perRequest : 0;
  for (const message of list) {
    content += count(String(message.role ?? '')).tokens + count(typeof message.content === 'string' ? message.content : '').tokens;
    framing += rule.perMessage;
    if (typeof message.name === 'string' && message.name.length > 0) {
      content += count(message.name).tokens;
      framing += rule.perName;
    }
  }

  let toolTokens = 0;
  let toolSystemPrompt = 0;
  let toolNote = '';
  if (toolList.length > 0) {
    if (isExactTokenizer(tokenizer)) {
      toolTokens = count(renderOpenAiToolNamespace(toolList)).tokens;
      // The namespace goes into the system message; without one, a system message is added.
      if (!list.some((m) => m.role === 'system' || m.role === 'developer')) framing += rule.perMessage + count('system').tokens;
      toolNote = '; tools rendered as OpenAI\'s TypeScript-like namespace (undocumented format, reverse-engineered; ± a few tokens per tool)';
    } else {
      toolTokens = count(renderToolsJson(toolList)).tokens;
      toolNote = '; tools counted as their JSON definitions';
      if (tokenizer === 'claude') {
        toolSystemPrompt = options.toolChoice === 'any' || options.toolChoice === 'tool' ? ANTHROPIC_TOOL_SYSTEM_PROMPT.any : ANTHROPIC_TOOL_SYSTEM_PROMPT.auto;
        toolNote += ` + ${toolSystemPrompt} tokens of Anthropic's tool-use system prompt (${ANTHROPIC_TOOL_SYSTEM_PROMPT.source})`;
      }
    }
  }

  const exactText = isExactTokenizer(tokenizer);
  const profileId = options.profile && isRatioProfileId(options.profile) ? options.profile : profileForTokenizer(tokenizer);
  const profile = exactText ? undefined : ratioProfile(profileId);
  const textBasis = profile
    ? `≈ o200k_base × ${profile.prose} (prose) to ${profile.code} (code), ${profile.label}, ±${Math.round(profile.uncertainty * 100)}%`
    : `exact ${tokenizer} text`;
  return {
    tokens: content + framing + toolTokens + toolSystemPrompt,
    exact: exactText && toolList.length === 0,
    tokenizer,
    ...(profile ? { uncertainty: profile.uncertainty } : {}),
    basis: `${textBasis}; framing ${rule.perMessage}/message + ${rule.perRequest}/request (${rule.source})${toolNote}`,
    breakdown: { content, framing, tools: toolTokens, toolSystemPrompt },
  };
}

function framingRule(tokenizer: TokenizerId, override: ChatFraming | undefined): FramingRule {
  if (override && Number.isFinite(override.tokensPerMessage) && Number.isFinite(override.tokensPerRequest)) {
    return {
      perMessage: override.tokensPerMessage,
      perRequest: override.tokensPerRequest,
      perName: 1,
      source: `catalog: ${override.source}, ${override.asOf}`,
    };
  }
  return FRAMING[tokenizer] ?? DEFAULT_FRAMING;
}
