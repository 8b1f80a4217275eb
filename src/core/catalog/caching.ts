/**
 * Which prompt caching applies to one offering: its own mode where the provider
 * caches only the models it lists (Gemini implicit caching from 2.5 on, Groq's
 * list, Bedrock's Claude and Nova), else the provider's.
 */
import type { CachingMode, Offering, ProviderEntry } from './types';

export function cachingModeOf(offering: Offering, provider: ProviderEntry): CachingMode {
  return offering.caching?.mode ?? provider.caching.mode;
}
