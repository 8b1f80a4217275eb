/**
 * User extensions of the catalog: custom models (private deployments, new
 * releases) and price overrides (negotiated prices, fresher figures), from
 * settings or tokenomics.json. Each entry is checked on its own: a bad one is
 * skipped with an issue naming it, the rest apply. Returns a new catalog; the
 * input is never changed.
 */
import { cleanEntry } from '../config/clean';
import type { CustomModelInput, CustomOfferingInput, PriceInput, PriceOverrideInput } from '../config/types';
import { catalogIndex } from './lookup';
import { resolveModel } from './resolve';
import type { Catalog, CatalogIssue, ModelEntry, Offering, ProviderEntry, SpeedFigures, TokenizerId, TokenPrices } from './types';

export interface CatalogOverrides {
  readonly customModels?: readonly unknown[];
  readonly priceOverrides?: readonly unknown[];
}

export interface OverrideResult {
  readonly catalog: Catalog;
  readonly issues: CatalogIssue[];
}

const PRICE_FIELDS = ['input', 'output', 'cachedRead', 'cacheWrite', 'cacheWrite1h'] as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function applyOverrides(catalog: Catalog, overrides: CatalogOverrides | undefined, origin: string): OverrideResult {
  const customModels = Array.isArray(overrides?.customModels) ? overrides!.customModels : [];
  const priceOverrides = Array.isArray(overrides?.priceOverrides) ? overrides!.priceOverrides : [];
  if (customModels.length === 0 && priceOverrides.length === 0) return { catalog, issues: [] };

  // Schema check per entry, with paths as the user wrote them (`customModels[2].contextWindow`).
  const issues: CatalogIssue[] = [];
  const validModels: { input: CustomModelInput; at: string }[] = [];
  const validOverrides: { input: PriceOverrideInput; at: string }[] = [];
  customModels.forEach((entry, i) => {
    const checked = cleanEntry('customModel', entry, ['customModels', i], origin);
    issues.push(...checked.issues);
    if (checked.value) validModels.push({ input: checked.value as unknown as CustomModelInput, at: `customModels[${i}]` });
  });
  priceOverrides.forEach((entry, i) => {
    const checked = cleanEntry('priceOverride', entry, ['priceOverrides', i], origin);
    issues.push(...checked.issues);
    if (checked.value) validOverrides.push({ input: checked.value as unknown as PriceOverrideInput, at: `priceOverrides[${i}]` });
  });

  const models = new Map(catalog.models.map((m) => [m.id, m] as const));
  const offerings = new Map(catalog.offerings.map((o) => [o.id, o] as const));
  const providers = new Map(catalog.providers.map((p) => [p.id, p] as const));
  const taken = new Map<string, string>(); // lower-cased key → model id
  for (const m of catalog.models) for (const k of [m.id, ...m.aliases]) taken.set(k.toLowerCase(), m.id);

  for (const { input, at } of validModels) {
    const source = input.source ?? `${origin} (${at})`;
    const asOf = input.asOf ?? today();
    const aliases: string[] = [];
    for (const alias of input.aliases ?? []) {
      const owner = taken.get(alias.toLowerCase());
      if (owner && owner !== input.id) {
        issues.push({ origin, path: `${at}.aliases`, message: `alias '${alias}' already names catalog model '${owner}'; alias ignored`, severity: 'warning' });
      } else aliases.push(alias);
    }
    const previous = models.get(input.id);
    const model: ModelEntry = {
      id: input.id,
      name: input.name ?? previous?.name ?? input.id,
      vendor: input.vendor ?? previous?.vendor ?? 'custom',
      family: input.family ?? previous?.family ?? 'custom',
      tokenizer: (input.tokenizer as TokenizerId | undefined) ?? previous?.tokenizer ?? 'other',
      aliases: [...new Set([...(previous?.aliases ?? []), ...aliases])],
      contextWindow: input.contextWindow,
      ...(input.maxOutput ?? previous?.maxOutput ? { maxOutput: input.maxOutput ?? previous?.maxOutput } : {}),
      reasoning: input.reasoning ?? previous?.reasoning ?? false,
      openWeight: previous?.openWeight ?? false,
      ...(previous?.architecture ? { architecture: previous.architecture } : {}),
      source,
      asOf,
    };
    models.set(model.id, model);
    for (const k of [model.id, ...aliases]) taken.set(k.toLowerCase(), model.id);
    for (const o of input.offerings ?? []) {
      ensureProvider(providers, o.provider, origin, asOf);
      const offering = customOffering(model.id, o, source, asOf);
      offerings.set(offering.id, offering);
    }
  }

  // Price overrides resolve against the catalog with the custom models in it.
  let working: Catalog = { ...catalog, models: [...models.values()], offerings: [...offerings.values()], providers: [...providers.values()] };
  for (const { input, at } of validOverrides) {
    const resolution = resolveModel(working, input.model);
    if (resolution.kind === 'unknown') {
      const hint = resolution.suggestion ? `; nearest known model: '${resolution.suggestion}'` : '';
      issues.push({ origin, path: `${at}.model`, message: `unknown model '${input.model}'${hint}; override skipped (add it under customModels to price a new model)`, severity: 'error' });
      continue;
    }
    const modelId = resolution.model.id;
    const provider = input.provider ?? resolution.provider;
    const targets = [...offerings.values()].filter((o) => o.model === modelId && (!provider || o.provider === provider));
    const source = input.source ?? `${origin} (${at})`;
    const asOf = input.asOf ?? today();
    if (targets.length === 0) {
      if (!provider) {
        issues.push({ origin, path: at, message: `model '${modelId}' has no offering to override; name a provider to add one`, severity: 'error' });
        continue;
      }
      ensureProvider(providers, provider, origin, asOf);
      const added = customOffering(modelId, { ...input, provider }, source, asOf);
      offerings.set(added.id, added);
    } else {
      for (const target of targets) offerings.set(target.id, overridden(target, input, source, asOf));
    }
    working = { ...working, offerings: [...offerings.values()], providers: [...providers.values()] };
  }

  const result: Catalog = {
    ...catalog,
    source: `${catalog.source} + overrides from ${origin}`,
    models: [...models.values()],
    offerings: [...offerings.values()],
    providers: [...providers.values()],
  };
  catalogIndex(result); // build the lookup index now, not on the first hover
  return { catalog: result, issues };
}

function ensureProvider(providers: Map<string, ProviderEntry>, id: string, origin: string, asOf: string): void {
  if (providers.has(id)) return;
  providers.set(id, {
    id,
    name: id,
    source: origin,
    asOf,
    caching: { mode: 'none', minCacheableTokens: 0, source: `${origin}: provider not in the bundled catalog; no caching assumed`, asOf },
  });
}

function pricesOf(input: PriceInput): TokenPrices {
  const out: Record<string, number> = {};
  for (const f of PRICE_FIELDS) if (typeof input[f] === 'number') out[f] = input[f] as number;
  return out;
}

function speedOf(input: { ttftMs?: number; outputTokensPerSecond?: number }, base: SpeedFigures | undefined, source: string, asOf: string): SpeedFigures | undefined {
  const ttftMs = input.ttftMs ?? base?.ttftMs;
  const outputTokensPerSecond = input.outputTokensPerSecond ?? base?.outputTokensPerSecond;
  if (ttftMs === undefined || outputTokensPerSecond === undefined) return base;
  if (input.ttftMs === undefined && input.outputTokensPerSecond === undefined) return base;
  return { ttftMs, outputTokensPerSecond, ...(base?.prefillTokensPerSecond ? { prefillTokensPerSecond: base.prefillTokensPerSecond } : {}), source, asOf };
}

function customOffering(modelId: string, o: CustomOfferingInput, source: string, asOf: string): Offering {
  const speed = speedOf(o, undefined, source, asOf);
  return {
    id: `${o.provider}/${modelId}`,
    provider: o.provider,
    model: modelId,
    ...(o.providerModelId ? { providerModelId: o.providerModelId } : {}),
    prices: pricesOf(o),
    ...(o.batchDiscount !== undefined ? { batchDiscount: o.batchDiscount } : {}),
    ...(speed ? { speed } : {}),
    source,
    asOf,
  };
}

/**
 * The offering with the user's figures in place. Setting any price drops the
 * long-context tiers: they were computed from the old base prices.
 */
function overridden(target: Offering, input: PriceOverrideInput, source: string, asOf: string): Offering {
  const prices = { ...target.prices, ...pricesOf(input) };
  const pricesChanged = PRICE_FIELDS.some((f) => input[f] !== undefined);
  const speed = speedOf(input, target.speed, source, asOf);
  const { tiers, ...rest } = target;
  const note = pricesChanged && tiers?.length ? 'Long-context tiers removed: base prices were overridden.' : undefined;
  return {
    ...rest,
    prices,
    ...(tiers && !pricesChanged ? { tiers } : {}),
    ...(input.batchDiscount !== undefined ? { batchDiscount: input.batchDiscount } : {}),
    ...(speed ? { speed } : {}),
    ...(note || target.note ? { note: [note, target.note].filter(Boolean).join(' ') } : {}),
    source: pricesChanged || input.batchDiscount !== undefined ? source : target.source,
    asOf: pricesChanged || input.batchDiscount !== undefined ? asOf : target.asOf,
  };
}

