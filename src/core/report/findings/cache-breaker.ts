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
import { pricedSites, reprice, savingsFinding } from './pricing';
import type { FindingContext } from './types';

/** Requests a day for a prefix cache to stay warm (one at least every 5 minutes). */
export const WARM_CACHE_CALLS_PER_DAY = 288;
/** Share of requests assumed to hit the cache at the low end of the range. */
const LOW_HIT_SHARE = 0.5;

export function cacheBreaker(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const { call, offering, provider } of pricedSites(ctx)) {
    if (call.workload.callsPerDay < WARM_CACHE_CALLS_PER_DAY || !call.workload.caching) continue;
    if (!provider || provider.caching.mode !== 'automatic' || offering.prices.cachedRead === undefined) continue;
    const min = offering.minCacheableTokens ?? provider.caching.minCacheableTokens;
    const first = call.promptIds.map((id) => ctx.detected.prompts.find((p) => p.id === id)).find((p) => p !== undefined);
    const priced = first && ctx.report.prompts.find((p) => p.id === first.id);
    if (!first || !priced || first.placeholders.length === 0) continue;
    const at = Math.min(...first.placeholders.map((name) => first.text.indexOf(`{${name}}`)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const staticText = (s: string) => s.replace(/\{[^{}\n]+\}/g, '');
    const before = staticText(first.text.slice(0, at)).length;
    const after = staticText(first.text.slice(at)).length;
    // The prompt's static tokens, shared between the parts by characters (≈).
    const staticTokens = Math.max(0, priced.tokens - priced.placeholders.reduce((n, p) => n + p.assumedTokens, 0));
    const total = before + after;
    if (total === 0) continue;
    const beforeTokens = Math.round((staticTokens * before) / total);
    const afterTokens = staticTokens - beforeTokens;
    if (beforeTokens >= min || beforeTokens + afterTokens < min) continue;
    const moved = reprice(ctx.catalog, offering, call.workload, { workload: { cachedInputTokens: Math.min(call.inputTokens, staticTokens) } });
    if (!moved || moved.savedPerUnit <= 0) continue;
    const saving = moved.savedPerMonth;
    const name = first.placeholders.find((n) => first.text.indexOf(`{${n}}`) === at) ?? first.placeholders[0];
    out.push(
      savingsFinding(
        priced,
        'cache-breaker',
        call.id,
        `{${name}} changes on every request and comes before ≈${formatTokens(afterTokens)} tokens of static text, so ${provider.name}'s automatic prompt cache never matches this prompt. ` +
          `Put the static part first and the dynamic content after it: ≈${formatUsd(saving)} a month less at ${call.workload.callsPerDay} calls a day.`,
        { usd: saving, low: saving * LOW_HIT_SHARE, high: saving },
      ),
    );
  }
  return out;
}
