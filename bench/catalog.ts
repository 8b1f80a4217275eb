/**
 * Catalog bench: model resolution runs on every hover and every detected call, so it must stay a
 * Map hit. Reference in the same run: the obvious linear scan (every model, every alias, compared
 * lower-cased) on the same exact-spelling queries. Target: the indexed lookup is at least 2× faster
 * (ratio ≤ 0.5). Also reported: the one-time index build against parsing the catalog file, and the
 * cost of a first "did you mean" for an unknown name (edit distance over every spelling).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../src/core/catalog';
import { catalogIndex } from '../src/core/catalog/lookup';
import type { Catalog, ModelEntry } from '../src/core/catalog/types';
import { compared, medianMs, type BenchMetric, type BenchModule } from './harness';

function linearScan(catalog: Catalog, query: string): ModelEntry | undefined {
  const q = query.trim().toLowerCase();
  return catalog.models.find((m) => m.id.toLowerCase() === q || m.aliases.some((a) => a.toLowerCase() === q));
}

/** Every id and alias of the catalog, in a fixed shuffled order: the queries code actually contains. */
function exactQueries(catalog: Catalog): string[] {
  const all = catalog.models.flatMap((m) => [m.id, ...m.aliases]);
  // Deterministic shuffle (LCG) so runs compare.
  let seed = 42;
  for (let i = all.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
}

const WRAPPED = ['openrouter/openai/gpt-4o', 'bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-haiku-4-5@20251001', 'gpt-4o-2099-01-01', 'fireworks_ai/accounts/fireworks/models/deepseek-v3-0324', 'eu.meta.llama3-3-70b-instruct-v1:0'];

export const benchModule: BenchModule = {
  name: 'catalog',
  description: 'model resolution (Map index) vs a linear scan; index build; first unknown-name suggestion',
  async run({ root, quick }) {
    const catalog = getBundledCatalog();
    const queries = exactQueries(catalog);
    const rounds = quick ? 20 : 200;
    const reps = quick ? 5 : 15;
    catalogIndex(catalog);
    const indexed = medianMs(() => {
      for (let r = 0; r < rounds; r++) for (const q of queries) resolveModel(catalog, q);
    }, reps);
    const scanned = medianMs(() => {
      for (let r = 0; r < rounds; r++) for (const q of queries) linearScan(catalog, q);
    }, reps);
    const perQuery = (ms: number) => (ms * 1e6) / (rounds * queries.length); // ns
    const metrics: BenchMetric[] = [
      compared({
        name: `resolveModel, ${queries.length} ids and aliases`,
        value: perQuery(indexed),
        unit: 'ns/query',
        reference: perQuery(scanned),
        referenceName: 'linear scan over models and aliases',
        better: 'lower',
        target: { max: 0.5 },
        note: 'resolveModel also picks the offering; the scan only finds the model',
      }),
    ];

    const wrapped = medianMs(() => {
      for (let r = 0; r < rounds; r++) for (const q of WRAPPED) resolveModel(catalog, q);
    }, reps);
    metrics.push({ name: 'resolveModel, prefixed / snapshot / cloud spellings', value: (wrapped * 1e6) / (rounds * WRAPPED.length), unit: 'ns/query', better: 'lower' });

    const text = readFileSync(join(root, 'src', 'core', 'catalog', 'data', 'catalog.json'), 'utf8');
    const parse = medianMs(() => JSON.parse(text), reps);
    const build = medianMs(() => catalogIndex(JSON.parse(text) as Catalog), reps) - parse;
    metrics.push(compared({ name: 'index build (once per catalog)', value: Math.max(build, 0), unit: 'ms', reference: parse, referenceName: 'JSON.parse of the catalog file', better: 'lower', note: 'informational' }));

    let n = 0;
    const suggest = medianMs(() => resolveModel(catalog, `unknown-model-${n++}-gpt-4o`), reps, false);
    metrics.push({ name: 'first suggestion for an unknown name', value: suggest, unit: 'ms', better: 'lower', note: 'edit distance over every spelling; repeats are cached per catalog' });
    return metrics;
  },
};
