/**
 * The SDK vendor of a call, for the per-vendor fallback model (`tokenomics.defaultModels`):
 * an Anthropic or Google call whose model nothing resolves is priced on that vendor's
 * default, never on another vendor's model.
 */
import type { DetectedCall } from '../detect/types';

const BY_FRAMEWORK: Readonly<Record<string, string>> = {
  openai: 'openai',
  'openai-agents': 'openai',
  anthropic: 'anthropic',
  'claude-agent-sdk': 'anthropic',
  google: 'google',
  'google-adk': 'google',
};

export function vendorOf(call: Pick<DetectedCall, 'framework' | 'providerHint'>): string | undefined {
  const hint = call.providerHint?.toLowerCase();
  if (hint) return hint === 'gemini' || hint === 'vertex' || hint === 'vertexai' ? 'google' : hint;
  return BY_FRAMEWORK[call.framework];
}

/** The vendor a bare model id names by its family (`gpt-4o` → openai, `claude-…` → anthropic), or undefined when it does not say. */
export function vendorOfModelId(id: string): string | undefined {
  const bare = id.toLowerCase();
  // `vendor/model` ids are a gateway's namespace (OpenRouter, the Vercel gateway): any client may send them.
  if (bare.includes('/')) return undefined;
  if (/^(gpt-|o[134](-|$)|chatgpt-|text-embedding-|davinci|babbage)/.test(bare)) return 'openai';
  if (/^claude-/.test(bare)) return 'anthropic';
  if (/^(gemini-|gemma-|text-embedding-00|embedding-00)/.test(bare)) return 'google';
  if (/^(mistral-|mixtral-|codestral-|open-mistral|open-mixtral|ministral-|pixtral-|magistral-)/.test(bare)) return 'mistral';
  if (/^deepseek-/.test(bare)) return 'deepseek';
  if (/^grok-/.test(bare)) return 'xai';
  if (/^command(-|$)/.test(bare)) return 'cohere';
  return undefined;
}

/** Whether a model can be what a call of `vendor` sends: unknown on either side fits; known vendors must agree. */
export function fitsVendor(model: string, vendor: string | undefined): boolean {
  const named = vendorOfModelId(model);
  return !vendor || !named || named === vendor;
}

/**
 * SDKs that never send another big lab's model: Google's genai client cannot send `gpt-3.5-turbo`, nor Anthropic's
 * `gemini-2.0-flash`. Other labs (DeepSeek, Kimi) do serve their own models on Anthropic-compatible endpoints, so
 * only OpenAI, Anthropic and Google families count as foreign.
 */
const SINGLE_VENDOR_SDKS: ReadonlySet<string> = new Set(['anthropic', 'claude-agent-sdk', 'google']);
const LABS_WITHOUT_COMPATIBLE_ENDPOINTS: ReadonlySet<string> = new Set(['openai', 'anthropic', 'google']);

/** Whether the call's SDK cannot send `model` (a model the repository's flow reached through the wrong class or branch). */
export function sdkCannotSend(call: Pick<DetectedCall, 'framework' | 'providerHint'>, model: string): boolean {
  const own = BY_FRAMEWORK[call.framework];
  // A hint of another vendor (a host or provider the detectors read) means any model may be right there.
  if (!SINGLE_VENDOR_SDKS.has(call.framework) || vendorOf(call) !== own) return false;
  const named = vendorOfModelId(model);
  return named !== undefined && named !== own && LABS_WITHOUT_COMPATIBLE_ENDPOINTS.has(named);
}
