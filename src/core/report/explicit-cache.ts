/**
 * Whether a request is cached at all. On providers where caching is explicit (Anthropic, and
 * Claude on Bedrock and Vertex) only what a request marks (`cache_control`) is cached, so an
 * agent loop whose requests the code sends itself and marks nothing pays fresh input on every
 * step. Pricing such a loop as cached would understate it; the `cache-opportunity` finding then
 * prices what marking the prefix would save, from the same uncached figure.
 */
import { cachingModeOf } from '../catalog/caching';
import type { DetectedCall } from '../detect/types';
import type { ModelChoice } from './models';

/**
 * Frameworks whose requests the code sends itself, caching opt-in per request: the Anthropic SDK,
 * the AI SDK, LangChain chat models, LiteLLM. Agent frameworks manage their own requests (the
 * Claude Agent SDK caches for you), so their loops keep the cost model's caching rule.
 */
export const OPT_IN_CACHE_FRAMEWORKS: ReadonlySet<string> = new Set(['anthropic', 'vercel-ai', 'langchain', 'langgraph', 'litellm']);

/** Why this request is sent uncached, or undefined when the cost model's caching rule applies. */
export function uncachedByCode(call: DetectedCall | undefined, model: ModelChoice): string | undefined {
  if (!call || call.agent || call.context?.cacheMarked || !OPT_IN_CACHE_FRAMEWORKS.has(call.framework)) return undefined;
  if (!model.offering || !model.provider || cachingModeOf(model.offering, model.provider) !== 'explicit') return undefined;
  return `${model.provider.name} caches only what a request marks with cache_control, and this one marks nothing`;
}
