/**
 * Turning a model name as written in code into a catalog model: exact id or
 * alias, then a provider prefix (`openai:`, `anthropic/`, `bedrock/`,
 * `models/`), then the spelling of a dated snapshot or a cloud's wrapper
 * (`-20250929`, `@20250929`, `us.anthropic.…-v1:0`). An unknown name is an
 * `unknown` result with the nearest known id, never a silent default.
 */
import { editDistance } from './distance';
import { catalogIndex, type CatalogIndex, type ModelKey } from './lookup';
import type { Catalog, ModelEntry, ModelResolution, Offering } from './types';

/**
 * Prefixes SDKs, gateways and clouds write before a model id, and the catalog
 * provider each one names (`undefined`: a prefix that names no provider of ours).
 */
const PREFIXES: Readonly<Record<string, string | undefined>> = {
  openai: 'openai',
  azure: 'azure',
  azure_ai: 'azure',
  cohere: 'cohere',
  moonshot: 'moonshotai',
  moonshotai: 'moonshotai',
  kimi: 'moonshotai',
  perplexity: 'perplexity',
  anthropic: 'anthropic',
  google: 'google',
  gemini: 'google',
  'google-genai': 'google',
  vertex: 'google',
  vertex_ai: 'google',
  vertexai: 'google',
  models: 'google',
  deepseek: 'deepseek',
  mistral: 'mistral',
  xai: 'xai',
  'x-ai': 'xai',
  grok: 'xai',
  groq: 'groq',
  cerebras: 'cerebras',
  together: 'together',
  together_ai: 'together',
  togetherai: 'together',
  fireworks: 'fireworks',
  fireworks_ai: 'fireworks',
  'fireworks-ai': 'fireworks',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  'amazon-bedrock': 'bedrock',
  amazon_bedrock: 'bedrock',
  aws: 'bedrock',
  openrouter: 'openrouter',
  litellm: undefined,
  ollama: undefined,
};

/**
 * Spellings around a base id, removed one at a time until a known id appears; a
 * cloud's wrapper also names that cloud (`us.anthropic.…-v1:0` is a Bedrock id).
 */
const STRIPS: readonly { readonly re: RegExp; readonly provider?: string }[] = [
  { re: /^global\./, provider: 'bedrock' }, // Bedrock global cross-region inference
  // Geographic profiles (`us.`, `eu.`) and in-region ids cost more than global ones on the newer models.
  { re: /^(?:us|eu|apac|jp|au|ca|us-gov|regional)\./, provider: 'bedrock-regional' },
  { re: /^(?:anthropic|meta|mistral|amazon|deepseek|qwen|openai|cohere|google)\./, provider: 'bedrock-regional' }, // Bedrock vendor namespace
  { re: /^accounts\/fireworks\/models\//, provider: 'fireworks' },
  { re: /^accounts\/[^/]+\/models\// },
  // The serving precision or throughput tier a host appends to the weights' name (Together's `…-Instruct-2507-FP8`, `…-tput`).
  { re: /-(?:fp8|fp16|bf16|int4|int8|awq|gptq|tput)$/ },
  { re: /^(?:meta-llama\/)?meta-(?=llama)/ }, // Together's `meta-llama/Meta-Llama-Guard-3-8B`: the organisation repeated in the name
  { re: /-v\d+(?::\d+)?$/ }, // Bedrock version suffix `-v1:0`
  { re: /:\d+$/ },
  { re: /@(?:\d{8}|latest|default)$/ }, // Vertex AI snapshot
  { re: /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/ }, // dated snapshot
  { re: /-latest$/ },
  { re: /-\d{4}$/ }, // short date `-0324`, `-2506`
  { re: /-(?:instruct|chat|it)$/ },
];

export function resolveModel(catalog: Catalog, query: string): ModelResolution {
  const text = typeof query === 'string' ? query.trim() : '';
  if (text === '') return { kind: 'unknown', query: String(query ?? '') };
  const index = catalogIndex(catalog);
  const found = lookup(index, text.toLowerCase());
  if (!found) return { kind: 'unknown', query, ...suggestion(index, text) };
  const offering = pickOffering(index, found.key.model, found.provider);
  // A stand-in (Bedrock's global price for a regional id) names the provider that priced it.
  const provider = found.provider && offering && STAND_IN[found.provider] === offering.provider ? offering.provider : found.provider;
  // Plain assignments, not spreads: this runs on every hover and detected call.
  const resolved: { kind: 'resolved'; query: string; model: ModelEntry; provider?: string; offering?: Offering } = { kind: 'resolved', query, model: found.key.model };
  if (provider) resolved.provider = provider;
  if (offering) resolved.offering = offering;
  return resolved;
}

interface Found {
  readonly key: ModelKey;
  readonly provider?: string;
}

function lookup(index: CatalogIndex, q: string, depth = 0): Found | undefined {
  const hit = index.keys.get(q);
  if (hit) return { key: hit, provider: cloudOf(q) ?? hit.provider };
  if (depth > 3) return undefined;
  const prefixed = /^([a-z0-9_.-]+)[:/](.+)$/.exec(q);
  if (prefixed && prefixed[1] in PREFIXES) {
    const inner = lookup(index, prefixed[2], depth + 1);
    if (inner) return { key: inner.key, provider: PREFIXES[prefixed[1]] ?? inner.provider };
  }
  let current = q;
  let implied: string | undefined;
  for (const strip of STRIPS) {
    const next = current.replace(strip.re, '');
    if (next === current || next === '') continue;
    current = next;
    implied ??= strip.provider;
    const hitAfter = index.keys.get(current);
    if (hitAfter) return { key: hitAfter, provider: implied ?? hitAfter.provider };
  }
  // A Hugging Face organisation (`BAAI/`, `intfloat/`), as open-weights hosts spell their ids: it names the
  // weights' author, not a host, so the model is priced as if unprefixed (tried last: a known prefix or a
  // host's own spelling wins).
  if (prefixed && !(prefixed[1] in PREFIXES) && q.indexOf('/') === prefixed[1].length) return lookup(index, prefixed[2], depth + 1);
  return undefined;
}

/** The cloud a wrapped spelling names (`us.anthropic.…` is Bedrock's regional id), when an alias keeps the wrapper. */
function cloudOf(q: string): string | undefined {
  // Every cloud wrapper starts with a short namespace and a dot (`us.`, `global.`, `anthropic.`).
  const dot = q.indexOf('.');
  if (dot < 2 || dot > 9) return undefined;
  for (const strip of STRIPS) if (strip.provider && strip.re.test(q)) return strip.provider;
  return undefined;
}

/** A provider whose offerings stand in when a model has none there: Bedrock's global price for a regional id. */
const STAND_IN: Readonly<Record<string, string>> = { 'bedrock-regional': 'bedrock' };

/** The named provider's offering, else the model vendor's own, else the cheapest priced one at a researched host, else the cheapest. */
function pickOffering(index: CatalogIndex, model: ModelEntry, provider: string | undefined): Offering | undefined {
  const offerings = index.offeringsByModel.get(model.id) ?? [];
  if (offerings.length === 0) return undefined;
  const named = provider ? offerings.find((o) => o.provider === provider) ?? offerings.find((o) => o.provider === STAND_IN[provider]) : undefined;
  if (named) return named;
  // The default pick depends only on the model: worked out once per catalog (a query stays a Map hit).
  if (index.defaultOffering.has(model.id)) return index.defaultOffering.get(model.id);
  const chosen = defaultOffering(index, model, offerings);
  index.defaultOffering.set(model.id, chosen);
  return chosen;
}

function defaultOffering(index: CatalogIndex, model: ModelEntry, offerings: readonly Offering[]): Offering | undefined {
  const own = offerings.find((o) => o.provider === model.vendor);
  if (own) return own;
  // Hosts whose terms the catalog has researched (caching rules known) before gateways and resale listings.
  const researched = offerings.filter((o) => {
    const mode = index.providers.get(o.provider)?.caching.mode;
    return mode !== undefined && mode !== 'unknown';
  });
  return [...(researched.length > 0 ? researched : offerings)].sort((a, b) => blendedPrice(a) - blendedPrice(b))[0];
}

/** Input + output price; an offering missing either sorts last (unpriced is never "cheapest"). */
function blendedPrice(offering: Offering): number {
  const { input, output } = offering.prices;
  return input === undefined || output === undefined ? Number.POSITIVE_INFINITY : input + output;
}

const MAX_REMEMBERED_MISSES = 500;

function suggestion(index: CatalogIndex, text: string): { suggestion?: string } {
  const q = text.toLowerCase();
  let remembered = index.suggestions.get(q);
  if (remembered === undefined) {
    remembered = nearestModel(index, q);
    if (index.suggestions.size >= MAX_REMEMBERED_MISSES) index.suggestions.clear();
    index.suggestions.set(q, remembered);
  }
  return remembered ? { suggestion: remembered } : {};
}

/**
 * Nearest id or alias by edit distance, compared without any provider prefix. A suggestion also feeds the
 * "switch to" quick fix, so it must be a likely typo: at most a third of the name changed, and the model family
 * (the leading word: `gpt`, `claude`, `qwen`) the same but for one letter. `multilingual-e5-large-instruct` is not a
 * misspelt `ministral-3-3b-instruct`; it is a model the catalog lacks.
 */
function nearestModel(index: CatalogIndex, q: string): string | null {
  const bare = q.replace(/^[a-z0-9_.-]+[:/]/, '');
  const family = familyWord(bare);
  const limit = Math.max(2, Math.floor(bare.length / 3));
  let best: { id: string; distance: number } | undefined;
  for (const [key, { model }] of index.keys) {
    const target = key.replace(/^[a-z0-9_.-]+[:/]/, '');
    const d = editDistance(bare, target, best ? Math.min(best.distance, limit) : limit);
    if (d > limit || editDistance(family, familyWord(target), 1) > 1) continue;
    if (!best || d < best.distance || (d === best.distance && model.id.length < best.id.length)) best = { id: model.id, distance: d };
  }
  return best?.id ?? null;
}

/** The leading run of letters of a model name: its family. */
function familyWord(name: string): string {
  return /^[a-z]*/.exec(name)?.[0] ?? '';
}
