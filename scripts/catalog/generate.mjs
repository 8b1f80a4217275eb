#!/usr/bin/env node
// Maintainer script: builds src/core/catalog/data/catalog.json from the upstream
// price database (@pydantic/genai-prices, a dev dependency) and the hand-kept
// overlay in scripts/catalog/overlay/. Run with `npm run catalog:update`; with `--check` it only
// verifies that the committed file is what it would write (the unit tests do this).
// The extension and the CLI never run this: at run time only the generated
// file is read, with no network.
//
// Rules: a price upstream lacks stays absent (unpriced), never 0; every entry
// carries `source` and `asOf`; a mapping that points at nothing upstream
// fails the run, so a stale overlay is noticed instead of shipped.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiIdsOf, expandUpstream, equalsOf } from './expand.mjs';
import { applyOfferingFacts, reconcileContextWindows } from './facts.mjs';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OVERLAY = join(ROOT, 'scripts', 'catalog', 'overlay');
const OUT = join(ROOT, 'src', 'core', 'catalog', 'data', 'catalog.json');
const COMPACT_OUT = join(ROOT, 'src', 'core', 'catalog', 'data', 'catalog-json.ts');
const UPSTREAM = '@pydantic/genai-prices';
const SCHEMA_VERSION = 1;

const readJson = (name) => JSON.parse(readFileSync(join(OVERLAY, name), 'utf8'));
const problems = [];
const fail = (msg) => problems.push(msg);

const upstream = require(UPSTREAM);
/** Every provider of the upstream database (the package's bundled data, no network). */
const upstreamProviders = await upstream.waitForUpdate();
const upstreamVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', ...UPSTREAM.split('/'), 'package.json'), 'utf8')).version;
const meta = readJson('meta.json');
const upstreamReleased = releaseDate(upstreamVersion);
const upstreamLabel = `${UPSTREAM}@${upstreamVersion} (released ${upstreamReleased})`;

/** Release date of the installed upstream version: from the registry when reachable, else from meta.json. */
function releaseDate(version) {
  if (meta.upstreamVersion === version && !process.argv.includes('--refresh-date')) return meta.upstreamReleased;
  if (process.argv.includes('--check')) {
    console.error(`catalog:update --check: ${UPSTREAM} is now ${version} but the catalog was generated from ${meta.upstreamVersion}; run \`npm run catalog:update\``);
    process.exit(1);
  }
  try {
    const out = execFileSync('npm', ['view', `${UPSTREAM}@${version}`, 'time', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const date = JSON.parse(out)[version].slice(0, 10);
    meta.upstreamVersion = version;
    meta.upstreamReleased = date;
    writeFileSync(join(OVERLAY, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    return date;
  } catch {
    throw new Error(`installed ${UPSTREAM}@${version} differs from meta.json (${meta.upstreamVersion}) and the registry is unreachable: set upstreamVersion/upstreamReleased in scripts/catalog/overlay/meta.json by hand`);
  }
}

const PRICE_KEYS = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cachedRead',
  cache_write_mtok: 'cacheWrite',
  cache_write_1h_mtok: 'cacheWrite1h',
};

/** Minutes a time-of-day constraint covers (upstream DeepSeek lists off-peak and standard hours). */
function windowMinutes(c) {
  const m = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const span = m(c.end_time) - m(c.start_time);
  return span >= 0 ? span : span + 24 * 60;
}

/**
 * One price set from upstream's possibly conditional prices. Date-constrained
 * sets: the newest already in force. Time-of-day sets (DeepSeek's off-peak
 * hours): the set that holds for most of the day, i.e. the standard price.
 */
function pickPrices(prices, notes) {
  if (!Array.isArray(prices)) return prices;
  const today = new Date().toISOString().slice(0, 10);
  if (prices.some((p) => p.constraint?.type === 'time_of_date')) {
    notes.push('Time-of-day pricing upstream: the price that holds for most of the day is used here; other hours cost more or less.');
  }
  const byDate = prices.filter((p) => p.constraint?.type === 'start_date' && p.constraint.start_date.slice(0, 10) <= today);
  if (byDate.length > 0) return byDate.sort((a, b) => b.constraint.start_date.localeCompare(a.constraint.start_date))[0].prices;
  const timed = prices.filter((p) => p.constraint?.type === 'time_of_date');
  const plain = prices.filter((p) => !p.constraint);
  if (timed.length === 0) return plain[0].prices;
  const day = 24 * 60;
  const covered = timed.reduce((sum, p) => sum + windowMinutes(p.constraint), 0);
  const candidates = [...timed.map((p) => ({ p, minutes: windowMinutes(p.constraint) })), ...plain.map((p) => ({ p, minutes: day - covered }))];
  return candidates.sort((a, b) => b.minutes - a.minutes)[0].p.prices;
}

/** Flat prices plus long-context tiers from one upstream price set. */
function convertPrices(raw) {
  const prices = {};
  const tiers = new Map();
  for (const [from, to] of Object.entries(PRICE_KEYS)) {
    const v = raw[from];
    if (v === undefined || v === null) continue;
    if (typeof v === 'number') {
      prices[to] = v;
      continue;
    }
    prices[to] = v.base;
    for (const t of v.tiers) {
      const tier = tiers.get(t.start) ?? { aboveInputTokens: t.start };
      tier[to] = t.price;
      tiers.set(t.start, tier);
    }
  }
  return { prices, tiers: [...tiers.values()].sort((a, b) => a.aboveInputTokens - b.aboveInputTokens) };
}

function upstreamModel(ref) {
  const i = ref.indexOf(':');
  const providerId = ref.slice(0, i);
  const modelId = ref.slice(i + 1);
  const provider = upstream.findProvider({ providerId });
  if (!provider) return fail(`upstream provider '${providerId}' not found (${ref})`);
  const model = provider.models.find((m) => m.id === modelId);
  if (!model) return fail(`upstream model '${modelId}' not found in provider '${providerId}'`);
  return { provider, model };
}

const modelsOverlay = readJson('models.json');
const offeringsOverlay = readJson('offerings.json');
const providersOverlay = readJson('providers.json');
const frameworksOverlay = readJson('frameworks.json');
const speeds = readJson('speeds.json');
const cacheMinimums = readJson('cache-minimums.json');

const providers = providersOverlay.providers.map((p) => {
  const up = upstream.findProvider({ providerId: p.upstream });
  if (!up) fail(`upstream provider '${p.upstream}' for '${p.id}' not found`);
  const entry = {
    id: p.id,
    name: p.name,
    source: up?.pricing_urls?.[0] ?? p.source,
    asOf: upstreamReleased,
    caching: { ...p.caching, asOf: providersOverlay.asOf },
  };
  if (p.batchDiscount !== undefined) entry.batch = { discount: p.batchDiscount, source: p.batchSource, asOf: providersOverlay.asOf };
  if (p.chatFraming) entry.chatFraming = { ...p.chatFraming, asOf: providersOverlay.asOf };
  return entry;
});
// Upstream providers the overlay does not describe: listed with their pricing page; caching rules unknown until researched.
const overlayUpstream = new Set(providersOverlay.providers.map((p) => p.upstream));
for (const up of upstreamProviders) {
  if (overlayUpstream.has(up.id)) continue;
  providers.push({
    id: up.id,
    name: up.name,
    source: up.pricing_urls?.[0] ?? `${upstreamLabel} provider '${up.id}'`,
    asOf: upstreamReleased,
    caching: { mode: 'unknown', minCacheableTokens: 0, source: `not researched for the catalog: ${up.name}'s prompt-caching rules are not in scripts/catalog/overlay/providers.json, so loops are priced without cache reads (an upper bound)`, asOf: providersOverlay.asOf },
  });
}
const providerById = new Map(providers.map((p) => [p.id, p]));
// One upstream provider can feed two of ours: AWS's `regional.…` entries are Bedrock's regional price (upstreamIdPrefix).
const splitProviders = providersOverlay.providers.filter((p) => p.upstreamIdPrefix);
const ourProviderId = new Map([...providersOverlay.providers.filter((p) => !p.upstreamIdPrefix).map((p) => [p.upstream, p.id]), ...upstreamProviders.filter((u) => !overlayUpstream.has(u.id)).map((u) => [u.id, u.id])]);
const batchByProvider = new Map(providersOverlay.providers.map((p) => [p.id, p.batchDiscount]));

const modelIds = new Set(modelsOverlay.models.map((m) => m.id));
const offerings = [];
const providerModelIds = new Map();
/** Exact spellings upstream matches for a vendor's own model (`gpt-5-2`, `gpt-4o-2024-11-20`): extra aliases. */
const upstreamSpellings = new Map();
/** Upstream entries the overlay maps by hand (`provider:model`); the rest are generated by expand.mjs. */
const consumed = new Set();
// Upstream entries left out on purpose, with the reason (exclude.json): treated as consumed.
const excluded = readJson('exclude.json').entries;
for (const ref of Object.keys(excluded)) {
  if (upstreamModel(ref)) consumed.add(ref);
}
const hostSpellings = new Map();
for (const o of offeringsOverlay.offerings) {
  if (!modelIds.has(o.model)) fail(`offering ${o.provider}/${o.model}: model not in models.json`);
  if (!providerById.has(o.provider)) fail(`offering ${o.provider}/${o.model}: provider not in providers.json`);
  const found = upstreamModel(o.upstream);
  if (!found) continue;
  const notes = [];
  const { prices, tiers } = convertPrices(pickPrices(found.model.prices, notes));
  // A long-context tier upstream lacks, added by hand with its source (spot-check fixes).
  for (const t of o.extraTiers ?? []) {
    if (!o.tierSource) fail(`offering ${o.provider}/${o.model}: extraTiers without tierSource`);
    if (tiers.some((u) => u.aboveInputTokens === t.aboveInputTokens)) fail(`offering ${o.provider}/${o.model}: extraTiers repeats upstream's tier at ${t.aboveInputTokens}`);
    tiers.push({ ...t });
    notes.push(`Long-context tier above ${t.aboveInputTokens} tokens added by the overlay (not upstream): ${o.tierSource}.`);
  }
  tiers.sort((a, b) => a.aboveInputTokens - b.aboveInputTokens);
  if (Object.keys(prices).length === 0) fail(`offering ${o.provider}/${o.model}: upstream has no token prices`);
  const id = `${o.provider}/${o.model}`;
  const offering = {
    id,
    provider: o.provider,
    model: o.model,
    ...(o.providerModelId ? { providerModelId: o.providerModelId } : {}),
    // The vendor's own spellings name its model, not a host: they bind no provider (the vendor is the default anyway).
    ...(modelsOverlay.models.find((m) => m.id === o.model)?.vendor !== o.provider ? apiIdsOf(o.provider, o.model, o.providerModelId, [found.model.id, ...equalsOf(found.model.match)]) : {}),
    prices,
    ...(tiers.length > 0 ? { tiers } : {}),
    ...(batchByProvider.get(o.provider) !== undefined ? { batchDiscount: batchByProvider.get(o.provider) } : {}),
    source: `${upstreamLabel} ${o.upstream}${found.provider.pricing_urls?.[0] ? `; ${found.provider.pricing_urls[0]}` : ''}`,
    asOf: upstreamReleased,
  };
  // Windows are reconciled later (facts.mjs), with any disagreement between sources kept on the offering.
  if (found.model.context_window) offering.upstreamContextWindow = found.model.context_window;
  if (o.contextWindow) offering.overlayContextWindow = { tokens: o.contextWindow, source: o.contextWindowSource };
  const speed = speeds.offerings[id];
  if (speed) {
    offering.speed = {
      ttftMs: speed.ttftMs,
      outputTokensPerSecond: speed.outputTokensPerSecond,
      ...(speed.prefillTokensPerSecond ? { prefillTokensPerSecond: speed.prefillTokensPerSecond } : {}),
      ...(speed.note ? { note: speed.note } : {}),
      source: speeds.sources[speed.source] ?? speed.source,
      asOf: speed.asOf ?? speeds.asOf,
    };
  }
  const cacheMin = cacheMinimums.offerings[id];
  if (cacheMin) {
    offering.minCacheableTokens = cacheMin.tokens;
    offering.minCacheableSource = `${cacheMinimums.sources[cacheMin.source] ?? cacheMin.source} (as of ${cacheMin.asOf ?? cacheMinimums.asOf})`;
  }
  if (found.model.price_comments) notes.push(`upstream: ${found.model.price_comments}`);
  if (notes.length > 0) offering.note = [...new Set(notes)].join(' ');
  offerings.push(offering);
  consumed.add(o.upstream);
  if (o.providerModelId) providerModelIds.set(o.model, [...(providerModelIds.get(o.model) ?? []), o.providerModelId]);
  const vendor = modelsOverlay.models.find((m) => m.id === o.model)?.vendor;
  if (o.provider === vendor) upstreamSpellings.set(o.model, equalsOf(found.model.match));
  // Another provider's own id for the model (`llama-v3p1-8b-instruct` at Fireworks) names it too, after the vendor's spellings.
  else hostSpellings.set(o.model, [...(hostSpellings.get(o.model) ?? []), found.model.id, ...equalsOf(found.model.match)]);
}
for (const id of Object.keys(speeds.offerings)) if (!offerings.some((o) => o.id === id)) fail(`speeds.json names unknown offering '${id}'`);
for (const id of Object.keys(cacheMinimums.offerings)) if (!offerings.some((o) => o.id === id)) fail(`cache-minimums.json names unknown offering '${id}'`);

/** Vendor prefixes SDKs and gateways write before a model id (LiteLLM `openai/`, AI SDK registry `openai:`). */
const VENDOR_PREFIX = { openai: 'openai', anthropic: 'anthropic', google: 'google', deepseek: 'deepseek', mistral: 'mistral', xai: 'xai' };

const models = modelsOverlay.models.map((m) => {
  const aliases = new Set(m.aliases);
  const prefix = VENDOR_PREFIX[m.vendor];
  if (prefix) {
    aliases.add(`${prefix}/${m.id}`);
    aliases.add(`${prefix}:${m.id}`);
  }
  if (m.vendor === 'google') aliases.add(`models/${m.id}`);
  for (const pid of providerModelIds.get(m.id) ?? []) {
    // Bedrock ids also come without the cross-region prefix, or with another: the resolver strips it and
    // picks the global or the regional price by what the prefix was.
    aliases.add(pid);
  }
  aliases.delete(m.id);
  const entry = {
    id: m.id,
    name: m.name,
    vendor: m.vendor,
    family: m.family,
    tokenizer: m.tokenizer,
    aliases: [...aliases],
    contextWindow: m.contextWindow,
    ...(m.maxOutput ? { maxOutput: m.maxOutput } : {}),
    reasoning: m.reasoning,
    openWeight: m.openWeight,
    ...(m.architecture ? { architecture: m.architecture } : {}),
    source: m.source,
    asOf: modelsOverlay.asOf,
  };
  if (!offerings.some((o) => o.model === m.id)) fail(`model ${m.id} has no offering`);
  return entry;
});

const owners = new Map();
for (const m of models) {
  for (const key of [m.id, ...m.aliases].map((k) => k.toLowerCase())) {
    if (owners.has(key) && owners.get(key) !== m.id) fail(`'${key}' names both ${owners.get(key)} and ${m.id}`);
    owners.set(key, m.id);
  }
}
// Spellings kept by hand (ids, aliases, provider API ids): a generated model never takes one over.
const handKeys = new Set(owners.keys());
// Upstream's exact spellings join the aliases unless they already name another model.
for (const spellings of [upstreamSpellings, hostSpellings]) for (const m of models) {
  for (const spelling of spellings.get(m.id) ?? []) {
    const key = spelling.toLowerCase();
    if (owners.has(key)) continue;
    owners.set(key, m.id);
    m.aliases.push(spelling);
  }
}

// Every other upstream provider × model: matched to the models above by its own spellings, or a new model.
const { generatedModels, generatedOfferings } = expandUpstream({
  upstreamProviders,
  providerIdOf: (id, modelId) => splitProviders.find((p) => p.upstream === id && modelId.startsWith(p.upstreamIdPrefix))?.id ?? ourProviderId.get(id),
  consumed,
  models,
  offerings,
  owners,
  handKeys,
  pickPrices,
  convertPrices,
  upstreamLabel,
  asOf: upstreamReleased,
  fail,
});
for (const o of generatedOfferings) {
  const batch = batchByProvider.get(o.provider);
  offerings.push(batch !== undefined ? { ...o, batchDiscount: batch } : o);
}
models.push(...generatedModels);
reconcileContextWindows(models, offerings, { fail });
applyOfferingFacts({ models, offerings, overlay: OVERLAY, readJson, fail });

const frameworks = frameworksOverlay.frameworks.map((f) => ({ ...f, asOf: f.asOf ?? frameworksOverlay.asOf }));

if (problems.length > 0) {
  console.error(`catalog:update failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const catalog = {
  generated: {
    by: 'scripts/catalog/generate.mjs',
    command: 'npm run catalog:update',
    note: 'Generated file: do not edit by hand. Edit scripts/catalog/overlay/*.json or update the upstream package, then rerun the command.',
    upstream: { package: UPSTREAM, version: upstreamVersion, released: upstreamReleased, licence: 'MIT' },
  },
  version: SCHEMA_VERSION,
  asOf: upstreamReleased,
  source: `${upstreamLabel} + scripts/catalog/overlay (as of ${modelsOverlay.asOf})`,
  models,
  offerings,
  providers,
  frameworks,
};
const text = JSON.stringify(catalog, null, 1) + '\n';
// The form the bundles load: one JSON string parsed with JSON.parse, several times faster to load than
// the same data as a JavaScript object literal (what importing the .json file compiles to).
const compact = [
  '// Generated by scripts/catalog/generate.mjs (npm run catalog:update): do not edit by hand.',
  '// The catalog of catalog.json as one JSON string: JSON.parse loads it faster than an object literal.',
  `export const CATALOG_JSON = ${JSON.stringify(JSON.stringify(catalog))};`,
  '',
].join('\n');
const outputs = [
  [OUT, text],
  [COMPACT_OUT, compact],
];
if (process.argv.includes('--check')) {
  // Used by the unit tests: the committed files must be exactly what the overlay and upstream produce.
  for (const [path, expected] of outputs) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing file: reported below
    }
    if (current !== expected) {
      console.error(`catalog:update --check: ${path.slice(ROOT.length + 1)} is out of date (or was edited by hand); run \`npm run catalog:update\``);
      process.exit(1);
    }
  }
  console.log('catalog:update --check: up to date');
  process.exit(0);
}
mkdirSync(dirname(OUT), { recursive: true });
for (const [path, content] of outputs) writeFileSync(path, content);
console.log(`catalog:update: ${models.length} models, ${offerings.length} offerings, ${providers.length} providers, ${frameworks.length} frameworks from ${upstreamLabel} -> ${OUT.slice(ROOT.length + 1)} (+ ${COMPACT_OUT.slice(ROOT.length + 1)})`);
