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
