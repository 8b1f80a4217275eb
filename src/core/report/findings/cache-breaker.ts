/**
 * `cache-breaker`: a prompt that puts dynamic content (a placeholder filled at
 * run time: a timestamp, an id, the user's input) before a long static part, on
 * a provider that caches prompt prefixes automatically. Every request then has
 * a new prefix and nothing is read from the cache. The saving is what moving
 * the dynamic part after the static text recovers at the site's traffic: the
 * static tokens read from the cache instead of billed as fresh input.
 */
import { formatTokens, formatUsd } from '../../format';
import type { DiagnosticReport } from '../types';
import { LOW_HIT_SHARE, promptParts, WARM_CACHE_CALLS_PER_DAY } from './prefix';
import { pricedSites, reprice, savingsFinding } from './pricing';
import type { FindingContext } from './types';

export function cacheBreaker(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const { call, offering, provider } of pricedSites(ctx)) {
    if (call.workload.callsPerDay < WARM_CACHE_CALLS_PER_DAY || !call.workload.caching) continue;
    if (!provider || provider.caching.mode !== 'automatic' || offering.prices.cachedRead === undefined) continue;
    const min = offering.minCacheableTokens ?? provider.caching.minCacheableTokens;
    const parts = call.promptIds.map((id) => promptParts(ctx, id)).find((p) => p !== undefined);
    if (!parts || parts.firstPlaceholder === undefined) continue;
    const { staticTokens, beforeFirstPlaceholder: beforeTokens } = parts;
    const afterTokens = staticTokens - beforeTokens;
    if (beforeTokens >= min || staticTokens < min) continue;
    const moved = reprice(ctx.catalog, offering, call.workload, { workload: { cachedInputTokens: Math.min(call.inputTokens, staticTokens) } });
    if (!moved || moved.savedPerUnit <= 0) continue;
    const saving = moved.savedPerMonth;
    out.push(
      savingsFinding(
        parts.priced,
        'cache-breaker',
        call.id,
        `{${parts.firstPlaceholder}} changes on every request and comes before ≈${formatTokens(afterTokens)} tokens of static text, so ${provider.name}'s automatic prompt cache never matches this prompt. ` +
          `Put the static part first and the dynamic content after it: ≈${formatUsd(saving)} a month less at ${call.workload.callsPerDay} calls a day.`,
        { usd: saving, low: saving * LOW_HIT_SHARE, high: saving },
      ),
    );
  }
  return out;
}
