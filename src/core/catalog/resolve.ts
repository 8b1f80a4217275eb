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
  azure: undefined,
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
  openrouter: undefined,
  litellm: undefined,
  ollama: undefined,
};

/** Spellings around a base id, removed one at a time until a known id appears. */
const STRIPS: readonly RegExp[] = [
  /^(?:us|eu|apac|global|jp|au|ca|us-gov)\./, // Bedrock cross-region inference profile
  /^(?:anthropic|meta|mistral|amazon|deepseek|qwen|openai|cohere|google)\./, // Bedrock vendor namespace
  /^accounts\/[^/]+\/models\//, // Fireworks
  /-v\d+(?::\d+)?$/, // Bedrock version suffix `-v1:0`
  /:\d+$/,
  /@(?:\d{8}|latest|default)$/, // Vertex AI snapshot
  /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/, // dated snapshot
  /-latest$/,
  /-\d{4}$/, // short date `-0324`, `-2506`
  /-(?:instruct|chat|it)$/,
];

export function resolveModel(catalog: Catalog, query: string): ModelResolution {
  const text = typeof query === 'string' ? query.trim() : '';
  if (text === '') return { kind: 'unknown', query: String(query ?? '') };
  const index = catalogIndex(catalog);
  const found = lookup(index, text.toLowerCase());
  if (!found) return { kind: 'unknown', query, ...suggestion(index, text) };
  const provider = found.provider;
  const offering = pickOffering(index, found.key.model, provider);
  return {
    kind: 'resolved',
    query,
    model: found.key.model,
    ...(provider ? { provider } : {}),
    ...(offering ? { offering } : {}),
  };
}

interface Found {
  readonly key: ModelKey;
  readonly provider?: string;
}

function lookup(index: CatalogIndex, q: string, depth = 0): Found | undefined {
  const hit = index.keys.get(q);
  if (hit) return { key: hit, provider: hit.provider };
  if (depth > 3) return undefined;
  const prefixed = /^([a-z0-9_.-]+)[:/](.+)$/.exec(q);
  if (prefixed && prefixed[1] in PREFIXES) {
    const inner = lookup(index, prefixed[2], depth + 1);
    if (inner) return { key: inner.key, provider: PREFIXES[prefixed[1]] ?? inner.provider };
  }
  let current = q;
  for (const strip of STRIPS) {
    const next = current.replace(strip, '');
    if (next === current || next === '') continue;
    current = next;
    const hitAfter = index.keys.get(current);
    if (hitAfter) return { key: hitAfter, provider: hitAfter.provider };
  }
  return undefined;
}

/** The named provider's offering, else the model vendor's own, else the cheapest priced one. */
function pickOffering(index: CatalogIndex, model: ModelEntry, provider: string | undefined): Offering | undefined {
  const offerings = index.offeringsByModel.get(model.id) ?? [];
  if (offerings.length === 0) return undefined;
  const named = provider ? offerings.find((o) => o.provider === provider) : undefined;
  if (named) return named;
  const own = offerings.find((o) => o.provider === model.vendor);
  if (own) return own;
  return [...offerings].sort((a, b) => blendedPrice(a) - blendedPrice(b))[0];
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
 * Nearest id or alias by edit distance, compared without any provider prefix.
 * Too far (more than half the name changed) is no suggestion at all.
 */
function nearestModel(index: CatalogIndex, q: string): string | null {
  const bare = q.replace(/^[a-z0-9_.-]+[:/]/, '');
  const limit = Math.max(2, Math.floor(bare.length / 2));
  let best: { id: string; distance: number } | undefined;
  for (const [key, { model }] of index.keys) {
    const target = key.replace(/^[a-z0-9_.-]+[:/]/, '');
    const d = editDistance(bare, target, best ? Math.min(best.distance, limit) : limit);
    if (d > limit) continue;
    if (!best || d < best.distance || (d === best.distance && model.id.length < best.id.length)) best = { id: model.id, distance: d };
  }
  return best?.id ?? null;
}
