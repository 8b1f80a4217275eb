/**
 * Cost bench: how the agent-loop simulation scales inside `compareOfferings`, the call behind
 * the Compare Providers panel and hover alternatives. Reference in the same run: the same compare
 * for a single call, times the step count. A loop step should cost no more than a whole
 * one-call estimate (target ratio ≤ 1), so a 25-step compare stays ~25× a single-call compare
 * or better, never worse (no quadratic work per step).
 */
import { compareOfferings } from '../src/core/compare';
import type { Catalog, Offering, ProviderEntry } from '../src/core/catalog/types';
import type { Workload } from '../src/core/workload';
import { noUncertainty } from '../src/core/agent/range';
import { compared, interleavedMediansMs, medianMs, type BenchMetric, type BenchModule } from './harness';

const P = { source: 'bench', asOf: '2026-01-01' };

/** 4 providers (explicit, automatic ×2, none) × `variants` models: a catalog of realistic shape and size. */
function syntheticCatalog(variants: number): Catalog {
  const providers: ProviderEntry[] = [
    { ...P, id: 'anthropic', name: 'Anthropic', caching: { ...P, mode: 'explicit', minCacheableTokens: 1024 } },
    { ...P, id: 'openai', name: 'OpenAI', caching: { ...P, mode: 'automatic', minCacheableTokens: 1024, cacheIncrementTokens: 128 } },
    { ...P, id: 'google', name: 'Google', caching: { ...P, mode: 'automatic', minCacheableTokens: 1024 } },
    { ...P, id: 'together', name: 'Together', caching: { ...P, mode: 'none', minCacheableTokens: 0 } },
  ];
  const models: Catalog['models'][number][] = [];
  const offerings: Offering[] = [];
  for (let i = 0; i < variants; i++) {
    for (const p of providers) {
      const id = `${p.id}-model-${i}`;
      const input = 0.1 + (i % 30) * 0.25;
      models.push({ ...P, id, name: id, vendor: p.id, family: p.id, tokenizer: 'o200k_base', aliases: [], contextWindow: 200_000 + i * 1000, reasoning: false, openWeight: p.id === 'together' });
      offerings.push({
        ...P,
        id: `${p.id}/${id}`,
        provider: p.id,
        model: id,
        prices: { input, output: input * 4, cachedRead: p.id === 'together' ? undefined : input / 10, cacheWrite: input * 1.25, cacheWrite1h: input * 2 },
        tiers: i % 3 === 0 ? [{ aboveInputTokens: 128_000, input: input * 2, output: input * 6 }] : undefined,
        batchDiscount: 0.5,
        speed: i % 2 === 0 ? { ...P, ttftMs: 300 + i, outputTokensPerSecond: 50 + i } : undefined,
      });
    }
  }
  return { version: 1, asOf: P.asOf, source: P.source, models, offerings, providers, frameworks: [] };
}

export const benchModule: BenchModule = {
  name: 'cost',
  description: 'compareOfferings on a 25-step agent task vs 25 × the single-call compare (360 offerings)',
  async run(context) {
    const catalog = syntheticCatalog(90);
    const steps = 25;
    const workload: Workload = { inputTokens: 6000, cachedInputTokens: 0, outputTokens: 400, reasoningTokens: 0, steps, toolResultTokens: 1500, caching: true, batch: false, callsPerDay: 1000 };
    const reps = context.quick ? 3 : 15;
    const single = medianMs(() => compareOfferings(catalog, { ...workload, steps: 1 }), reps);
    const loop = medianMs(() => compareOfferings(catalog, workload), reps);
    const metrics: BenchMetric[] = [
      compared({
        name: `compare, ${steps}-step task`,
        value: loop,
        unit: 'ms',
        reference: single * steps,
        referenceName: `${steps} × single-call compare`,
        better: 'lower',
        target: { max: 1 },
        note: `${catalog.offerings.length} offerings; single-call compare ${single.toFixed(2)} ms`,
      }),
    ];
    // Ranges re-price each row at its low and high ends (and the high without cache hits): three more
    // simulations of the same task, so at most about 4× the plain compare; more would mean wasted work.
    const spec = { uncertain: { ...noUncertainty(), output: { kind: 'agent-step' as const, assumed: 400 } }, toolResultAssumed: true, steps: { low: 10, high: steps } };
    const [plain, ranged] = interleavedMediansMs([() => compareOfferings(catalog, workload), () => compareOfferings(catalog, workload, { ranges: spec })], reps);
    metrics.push(
      compared({
        name: `compare with ranges, ${steps}-step task`,
        value: ranged,
        unit: 'ms',
        reference: plain,
        referenceName: 'the same compare without ranges',
        better: 'lower',
        target: { max: 4.5 },
        note: 'low, high and high-without-cache simulations per row',
      }),
    );
    context.log(`cost: single ${single.toFixed(2)} ms, ${steps}-step ${loop.toFixed(2)} ms, with ranges ${ranged.toFixed(2)} ms (plain ${plain.toFixed(2)} ms)`);
    return metrics;
  },
};
