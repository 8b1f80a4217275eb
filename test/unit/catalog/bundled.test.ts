import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findModel, findOffering, findProvider, getBundledCatalog } from '../../../src/core/catalog';

const ROOT = join(__dirname, '..', '..', '..', '..');
const catalog = getBundledCatalog();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe('catalog/bundled data', () => {
  it('names its generator and the command to rerun', () => {
    assert.equal(catalog.generated?.by, 'scripts/catalog/generate.mjs');
    assert.equal(catalog.generated?.command, 'npm run catalog:update');
    assert.equal(catalog.generated?.upstream?.package, '@pydantic/genai-prices');
    assert.match(catalog.asOf, ISO_DATE);
    assert.ok(catalog.source.includes('@pydantic/genai-prices'));
  });

  it('is exactly what the generator makes from the overlay and upstream (never edited by hand)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'catalog', 'generate.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('every entry carries source and an ISO asOf date', () => {
    const entries = [
      ...catalog.models,
      ...catalog.offerings,
      ...catalog.offerings.flatMap((o) => (o.speed ? [o.speed] : [])),
      ...catalog.providers,
      ...catalog.providers.map((p) => p.caching),
      ...catalog.providers.flatMap((p) => [p.chatFraming, p.batch].filter((x) => x !== undefined)),
      ...catalog.frameworks,
    ];
    for (const e of entries) {
      assert.ok(typeof e.source === 'string' && e.source.length > 5, `source of ${JSON.stringify(e).slice(0, 80)}`);
      assert.match(e.asOf, ISO_DATE, `asOf of ${JSON.stringify(e).slice(0, 80)}`);
    }
  });

  it('has at least 60 offerings over the required providers', () => {
    assert.ok(catalog.offerings.length >= 60, `${catalog.offerings.length} offerings`);
    const providers = new Set(catalog.offerings.map((o) => o.provider));
    for (const p of ['openai', 'anthropic', 'google', 'deepseek', 'mistral', 'xai', 'groq', 'cerebras', 'together', 'fireworks', 'bedrock']) {
      assert.ok(providers.has(p), `an offering from ${p}`);
    }
  });

  it('has the models every other layer relies on', () => {
    const required = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'gpt-5', 'o4-mini', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1', 'gemini-2.5-pro', 'gemini-2.5-flash', 'llama-3.3-70b'];
    for (const id of required) assert.ok(findModel(catalog, id), id);
    assert.ok(findOffering(catalog, 'groq/llama-3.3-70b'));
    assert.ok(findOffering(catalog, 'together/llama-3.3-70b'));
    const openFamilies = ['llama', 'qwen', 'deepseek', 'gpt-oss', 'mistral', 'mixtral'];
    for (const f of openFamilies) assert.ok(catalog.models.some((m) => m.family === f && m.openWeight), `open-weight ${f}`);
  });

  it('every offering references a known model and provider; ids are unique', () => {
    const ids = new Set<string>();
    for (const o of catalog.offerings) {
      assert.ok(findModel(catalog, o.model), `${o.id}: model ${o.model}`);
      assert.ok(findProvider(catalog, o.provider), `${o.id}: provider ${o.provider}`);
      assert.equal(o.id, `${o.provider}/${o.model}`);
      assert.ok(!ids.has(o.id), `duplicate ${o.id}`);
      ids.add(o.id);
    }
    const modelIds = catalog.models.map((m) => m.id);
    assert.equal(new Set(modelIds).size, modelIds.length);
  });

  it('no spelling names two models', () => {
    const owner = new Map<string, string>();
    for (const m of catalog.models) {
      for (const key of [m.id, ...m.aliases].map((k) => k.toLowerCase())) {
        assert.ok(!owner.has(key) || owner.get(key) === m.id, `'${key}' names ${owner.get(key)} and ${m.id}`);
        owner.set(key, m.id);
      }
    }
  });

  it('prices are positive numbers, tiers rise above their threshold, context windows are sane', () => {
    for (const o of catalog.offerings) {
      for (const [k, v] of Object.entries(o.prices)) assert.ok(typeof v === 'number' && v > 0 && v < 1000, `${o.id}.${k} = ${v}`);
      for (const t of o.tiers ?? []) assert.ok(t.aboveInputTokens > 0, `${o.id} tier`);
      if (o.batchDiscount !== undefined) assert.ok(o.batchDiscount > 0 && o.batchDiscount < 1);
      const modelWindow = findModel(catalog, o.model)!.contextWindow;
      // An offering's own window is set where its provider serves less than the model has, or where a sourced decision says so.
      if (o.contextWindow !== undefined) assert.ok(modelWindow === undefined || o.contextWindow < modelWindow || o.contextWindowNote, o.id);
    }
    // Absent = no source states it (unknown); present = a plausible window.
    for (const m of catalog.models) assert.ok(m.contextWindow === undefined || (m.contextWindow >= 512 && m.contextWindow <= 20_000_000), m.id);
    const hand = catalog.models.filter((m) => !m.source.includes('inferred from the id'));
    for (const m of hand) assert.ok(m.contextWindow !== undefined, `hand-kept ${m.id} states its window`);
  });

  it('carries hand-checked upstream prices (USD per million tokens)', () => {
    assert.deepEqual(findOffering(catalog, 'openai/gpt-4o')?.prices, { input: 2.5, cachedRead: 1.25, output: 10 });
    assert.deepEqual(findOffering(catalog, 'openai/gpt-4.1')?.prices, { input: 2, cachedRead: 0.5, output: 8 });
    const sonnet = findOffering(catalog, 'anthropic/claude-sonnet-4-5')!;
    assert.deepEqual(sonnet.prices, { input: 3, cacheWrite: 3.75, cachedRead: 0.3, output: 15, cacheWrite1h: 6 });
    assert.deepEqual(sonnet.tiers, [{ aboveInputTokens: 200000, input: 6, cacheWrite: 7.5, cachedRead: 0.6, output: 22.5, cacheWrite1h: 12 }]);
    assert.deepEqual(findOffering(catalog, 'google/gemini-2.5-pro')?.tiers, [{ aboveInputTokens: 200000, input: 2.5, cachedRead: 0.25, output: 15 }]);
    assert.deepEqual(findOffering(catalog, 'groq/llama-3.3-70b')?.prices, { input: 0.59, output: 0.79 });
    // DeepSeek lists off-peak and standard hours; the standard (longer, 00:30–16:30 UTC) price is used.
    assert.deepEqual(findOffering(catalog, 'deepseek/deepseek-v3')?.prices, { input: 0.27, cachedRead: 0.07, output: 1.1 });
    assert.equal(findOffering(catalog, 'openai/gpt-4o')?.batchDiscount, 0.5);
  });

  it('keeps unpriced components absent: every price matches upstream, none is invented', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const upstream = require('@pydantic/genai-prices') as { findProvider(o: { providerId: string }): { models: { id: string; prices: unknown }[] } | undefined };
    const overlay = JSON.parse(readFileSync(join(ROOT, 'scripts', 'catalog', 'overlay', 'offerings.json'), 'utf8')) as { offerings: { provider: string; model: string; upstream: string }[] };
    const keys: Record<string, string> = { input: 'input_mtok', output: 'output_mtok', cachedRead: 'cache_read_mtok', cacheWrite: 'cache_write_mtok', cacheWrite1h: 'cache_write_1h_mtok' };
    for (const entry of overlay.offerings) {
      const offering = findOffering(catalog, `${entry.provider}/${entry.model}`)!;
      const [providerId, ...rest] = entry.upstream.split(':');
      const model = upstream.findProvider({ providerId })!.models.find((m) => m.id === rest.join(':'))!;
      const sets = (Array.isArray(model.prices) ? model.prices.map((p: { prices: object }) => p.prices) : [model.prices]) as Record<string, unknown>[];
      for (const [ours, theirs] of Object.entries(keys)) {
        const upstreamHas = sets.some((s) => s[theirs] !== undefined && s[theirs] !== null);
        assert.equal(ours in offering.prices, upstreamHas, `${offering.id}.${ours}: present here iff upstream has it`);
      }
    }
  });

  it('frameworks name their step option and a source URL', () => {
    for (const f of catalog.frameworks) {
      assert.match(f.source, /^https:\/\//, f.framework);
      assert.ok(f.stepOption.length > 0);
      assert.ok(f.defaultSteps === null || (Number.isInteger(f.defaultSteps) && f.defaultSteps > 0));
    }
    const byName = Object.fromEntries(catalog.frameworks.map((f) => [f.framework, f.defaultSteps]));
    assert.equal(byName['langgraph'], 25);
    assert.equal(byName['openai-agents'], 10);
    assert.equal(byName['google-adk'], 500);
    assert.equal(byName['claude-agent-sdk'], null);
  });

  it('is frozen: callers cannot change shared prices', () => {
    const o = catalog.offerings[0] as { prices: { input?: number } };
    assert.throws(() => {
      'use strict';
      o.prices.input = 0;
    });
  });
});
