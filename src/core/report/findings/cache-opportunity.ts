/**
 * `cache-opportunity`: a static system prompt above the model's minimum
 * cacheable size, resent many times, on a provider where caching is explicit
 * (Anthropic, and Claude on Bedrock and Vertex), by a request that marks
 * nothing for the cache (no `cache_control`). Resent many times means: each
 * step of an agent task (the task re-sends its growing context), or a single
 * call at a traffic that keeps a 5-minute cache warm (at least one call every
 * 5 minutes). The saving is the uncached minus the cached cost, the cache
 * write premium included, by the same cost model as the site's price.
 *
 * Gemini is left out on purpose: from 2.5 on it caches implicitly (the catalog
 * models that as automatic; `cache-breaker` covers it), and explicit cached
 * content bills storage by the hour, a price the catalog does not carry.
 */
import { cachingModeOf } from '../../catalog/caching';
import { priceCall } from '../../cost/price';
import { formatInteger, formatTokens, formatUsd } from '../../format';
import { DAYS_PER_MONTH } from '../../workload';
import type { DiagnosticReport, FindingFix } from '../types';
import { LOW_HIT_SHARE, staticSystemPrefix, WARM_CACHE_CALLS_PER_DAY } from './prefix';
import { OPT_IN_CACHE_FRAMEWORKS } from '../explicit-cache';
import { pricedSites, reprice, savingsFinding, type PricedSite } from './pricing';
import type { FindingContext, Savings } from './types';

interface Figures {
  readonly monthly: Savings['monthly'];
  /** Per unit (call or task): as sent now, and with the prefix cached. */
  readonly now: number;
  readonly cached: number;
}

export function cacheOpportunity(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const site of pricedSites(ctx, 'steps')) {
    const { call, detected, offering, provider } = site;
    if (detected.agent || detected.context?.cacheMarked || !OPT_IN_CACHE_FRAMEWORKS.has(call.framework)) continue;
    if (!provider || cachingModeOf(offering, provider) !== 'explicit') continue;
    if (offering.prices.cachedRead === undefined || offering.prices.cacheWrite === undefined) continue;
    const min = offering.minCacheableTokens ?? provider.caching.minCacheableTokens;
    const prefix = Math.min(staticSystemPrefix(ctx, call), call.workload.inputTokens);
    if (prefix < min) continue;
    const loop = call.stepOf ? ctx.report.agentLoops.find((l) => l.id === call.stepOf) : undefined;
    const figures = loop ? inTask(ctx, site, loop.workload) : atTraffic(site, prefix);
    if (!figures || figures.monthly.usd <= 0) continue;
    const anchor = call.framework === 'anthropic' ? detected.context?.cacheAnchor : undefined;
    const fix: FindingFix | undefined = anchor ? { kind: 'cache-control', shape: anchor.shape, at: anchor.at } : undefined;
    const minSource = offering.minCacheableTokens !== undefined ? `${offering.model}'s minimum` : `${provider.name}'s minimum`;
    const how = loop
      ? `each of the task's ${loop.workload.steps} steps resends it: mark the system prompt and the latest message with cache_control, and a task costs ${formatUsd(figures.cached)} instead of ${formatUsd(figures.now)}`
      : `at ${formatInteger(call.workload.callsPerDay)} calls a day the cache stays warm: mark the system prompt with cache_control, and a call costs ${formatUsd(figures.cached)} instead of ${formatUsd(figures.now)} (cache writes at ${provider.name}'s premium included)`;
    out.push(
      savingsFinding(
        call,
        'cache-opportunity',
        call.id,
        `≈${formatTokens(prefix)} tokens of static system prompt (over ${minSource} of ${formatInteger(min)}) are sent uncached: ${provider.name} caches only what the request marks, and this one marks nothing. ` +
          `${how[0].toUpperCase()}${how.slice(1)}: ≈${formatUsd(figures.monthly.usd)} a month less.`,
        figures.monthly,
        fix,
      ),
    );
  }
  return out;
}

/** An agent task: priced without caching, then with a breakpoint on each step (the cost model's explicit-caching rule). */
function inTask(ctx: FindingContext, site: PricedSite, workload: PricedSite['call']['workload']): Figures | undefined {
  const r = reprice(ctx.catalog, site.offering, { ...workload, caching: false }, { workload: { caching: true } });
  if (!r || r.savedPerUnit <= 0) return undefined;
  return { now: r.now, cached: r.then, monthly: { usd: r.savedPerMonth, low: r.savedPerMonth * LOW_HIT_SHARE, high: r.savedPerMonth } };
}

/**
 * A single call at its traffic: each call reads the prefix from the cache, except the ones that
 * write it (at the write premium). Expected: one write per 5-minute window of the day (the cache
 * lapses between windows); low: half of the calls write; high: one write a day (always warm).
 */
function atTraffic(site: PricedSite, prefix: number): Figures | undefined {
  const { call, offering, provider } = site;
  const w = call.workload;
  if (w.callsPerDay < WARM_CACHE_CALLS_PER_DAY) return undefined;
  const usage = { output: w.outputTokens, reasoning: w.reasoningTokens, batch: w.batch, cacheWriteTtl: w.cacheWriteTtl };
  const usd = (split: { freshInput: number; cachedRead: number; cacheWrite: number }): number | undefined => {
    const p = priceCall(offering, { ...split, ...usage }, provider);
    return p.kind === 'priced' ? p.usd : undefined;
  };
  const now = usd({ freshInput: w.inputTokens, cachedRead: 0, cacheWrite: 0 });
  const read = usd({ freshInput: w.inputTokens - prefix, cachedRead: prefix, cacheWrite: 0 });
  const write = usd({ freshInput: w.inputTokens - prefix, cachedRead: 0, cacheWrite: prefix });
  if (now === undefined || read === undefined || write === undefined) return undefined;
  const n = w.callsPerDay;
  const savedPerDay = (writes: number): number => n * now - (n - writes) * read - writes * write;
  const expected = savedPerDay(Math.min(n, WARM_CACHE_CALLS_PER_DAY)) * DAYS_PER_MONTH;
  const low = Math.max(0, Math.min(expected, savedPerDay(n * (1 - LOW_HIT_SHARE)) * DAYS_PER_MONTH));
  const high = savedPerDay(1) * DAYS_PER_MONTH;
  const perCall = expected / DAYS_PER_MONTH / n;
  return { now, cached: now - perCall, monthly: { usd: expected, low, high } };
}
