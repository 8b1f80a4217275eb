/**
 * Token counting for every model family: exact for OpenAI's encodings (js-tiktoken ranks, loaded on
 * first use), calibrated ratios to o200k_base for the others, chat framing and tool definitions.
 */
export type { ChatMessage, ChatTokenCount, TokenCount, ToolParameterSchema, ToolSchema } from './types';
export { countTokens, countApproximate, clearTokenCountCache, tokenCountCacheStats, isExactTokenizer } from './count';
export { tokenizerForModel, ratioProfileForModel, countTokensForModel, countChatTokensForModel } from './model';
export { countChatTokens, ANTHROPIC_TOOL_SYSTEM_PROMPT, type ChatCountOptions } from './chat';
export { renderOpenAiToolNamespace, renderToolsJson, normalizeToolSchema } from './tool-render';
export { ratioProfile, profileForTokenizer, codeShare, RATIO_CORPUS, type RatioProfile, type RatioProfileId } from './approximate';
export { isEncodingLoaded, type ExactEncoding } from './encodings';
