// Every provider × model of the upstream database that the hand-kept overlay does
// not map already: matched to a catalog model by the provider's own id and its
// spellings (`anthropic.claude-3-5-sonnet-20240620-v1:0`, `accounts/fireworks/models/…`,
// `meta-llama/Llama-3.3-70B-Instruct-Turbo`, dated snapshots), or made a new
// model of its own. Prices come from upstream only; the overlay adds the rest.
import { bareId, inferModelFacts, inferReasoning, isEmbedding } from './infer.mjs';

/** Spelling removals tried in turn when matching an upstream id to a known model (the resolver's, at build time). */
const STRIPS = [
  /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/,
  /@(?:\d{8}|latest|default)$/,
  /-latest$/,
  /-(?:0\d|1[0-2])(?:\d{2})$/,
  /-(?:instruct|chat|it)$/,
  /-preview$/,
];

/** Lower-cased spellings upstream matches exactly for one model. */
export function equalsOf(match) {
  if (!match) return [];
  if (typeof match.equals === 'string') return [match.equals];
  if (Array.isArray(match.or)) return match.or.flatMap(equalsOf);
  return [];
}

/** `openai/o1-mini` → `o1-mini`: the lab's prefix a gateway (or LiteLLM, or the AI SDK's gateway) puts before the id. */
const unprefixed = (spelling) => spelling.toLowerCase().replace(/^[a-z0-9._-]+\//, '');

/** `2.5` and `2-5` are the same version to SDK users (`claude-3.5-sonnet` / `claude-3-5-sonnet`). */
function variants(s) {
  return [...new Set([s, s.replace(/(\d)\.(\d)/g, '$1-$2'), s.replace(/(\d)-(\d)(?!\d)/g, '$1.$2'), s.replace(/(\d)p(\d)/g, '$1.$2')])];
}

/** Price set in force now from upstream's possibly conditional list (the generator's own rule, passed in). */
export function expandUpstream({ upstreamProviders, providerIdOf, consumed, models, offerings, owners, handKeys, pickPrices, convertPrices, upstreamLabel, asOf, fail }) {
  const byId = new Map(models.map((m) => [m.id, m]));
  const taken = new Set(offerings.map((o) => o.id));
  const generatedModels = [];
  const generatedOfferings = [];

  const find = (spelling) => {
    for (const v of variants(spelling)) {
      const hit = owners.get(v);
      if (hit) return hit;
    }
    let current = spelling;
    for (const strip of STRIPS) {
      const next = current.replace(strip, '');
      if (next === current || next === '') continue;
      current = next;
      for (const v of variants(current)) {
        const hit = owners.get(v);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const claim = (spelling, modelId) => {
    const key = spelling.toLowerCase();
    if (owners.has(key)) return false;
    owners.set(key, modelId);
    byId.get(modelId).aliases.push(spelling);
    return true;
  };

  // Entries in a stable order: by provider, then shortest id first, so that `gpt-4o` is placed before `gpt-4o-2024-05-13`.
  const entries = [];
  for (const provider of upstreamProviders) {
    if (!providerIdOf(provider.id, '')) continue;
    for (const model of provider.models) {
      const ours = providerIdOf(provider.id, model.id);
      if (consumed.has(`${provider.id}:${model.id}`)) continue;
      // OpenRouter's `…:batch` ids are the batch price of a model already listed: batch is a workload switch
      // (the offering's batch discount), not a model an interactive call could pick.
      if (/:batch$/.test(model.id)) continue;
      const notes = [];
      const { prices, tiers } = convertPrices(pickPrices(model.prices, notes));
      if (prices.input === undefined && prices.output === undefined) continue; // priced per image, second or request: not tokens
      entries.push({ provider, ours, model, prices, tiers, notes });
    }
  }
  entries.sort((a, b) => a.ours.localeCompare(b.ours) || a.model.id.length - b.model.id.length || a.model.id.localeCompare(b.model.id));

  const place = (entry, modelId) => {
    const { provider, ours, model, prices, tiers, notes } = entry;
    const id = `${ours}/${modelId}`;
    taken.add(id);
    const spellings = [model.id, ...equalsOf(model.match)];
    for (const s of spellings) claim(s, modelId);
    if (model.price_comments) notes.push(`upstream: ${model.price_comments}`);
    if (model.deprecated) notes.push('upstream marks this model deprecated.');
    const offering = {
      id,
      provider: ours,
      model: modelId,
      // A gateway's id is also how other SDKs spell the lab's model: it names no provider (`openrouter/…` does).
      ...(model.id.toLowerCase() !== modelId && ours !== 'openrouter' ? { providerModelId: model.id } : {}),
      ...(byId.get(modelId).vendor !== ours ? apiIdsOf(ours, modelId, model.id, spellings) : {}),
      prices,
      ...(tiers.length > 0 ? { tiers } : {}),
      source: `${upstreamLabel} ${provider.id}:${model.id}${provider.pricing_urls?.[0] ? `; ${provider.pricing_urls[0]}` : ''}`,
      asOf,
      ...(model.context_window ? { upstreamContextWindow: model.context_window } : {}),
      ...(notes.length > 0 ? { note: [...new Set(notes)].join(' ') } : {}),
    };
    generatedOfferings.push(offering);
  };

  const newModel = (entry) => {
    const { provider, model, prices } = entry;
    // Anthropic's `claude-opus-4-0` is the model SDKs call `claude-opus-4` (`claude-opus-4-20250514`).
    const bare = bareId(model.id).replace(/^(claude-[a-z]+-\d+)-0$/, '$1');
    // An upstream entry's own id beats a spelling another entry merely matches (`o1-preview` is its own
    // model with its own price, though upstream's `o1` also matches it): the alias moves to the new model.
    const owner = owners.get(bare);
    if (owner && owner !== bare && !byId.has(bare) && !handKeys.has(bare)) {
      const from = byId.get(owner);
      from.aliases = from.aliases.filter((a) => a.toLowerCase() !== bare);
      owners.delete(bare);
    }
    const free = (candidate) => !byId.has(candidate) && !owners.has(candidate);
    const id = [bare, `${bare}-${entry.ours}`, model.id.toLowerCase().replace(/[^a-z0-9.:-]+/g, '-')].find(free);
    if (!id) {
      fail(`upstream ${provider.id}:${model.id}: no free id for a new model (${bare})`);
      return undefined;
    }
    const facts = inferModelFacts(bare, model.id, provider.id);
    const embedding = isEmbedding(bare, model.name, prices);
    const entryModel = {
      id,
      name: model.name ?? model.id,
      vendor: facts.vendor,
      family: facts.family,
      tokenizer: facts.tokenizer,
      aliases: [],
      ...(model.context_window ? { contextWindow: model.context_window } : {}),
      reasoning: !embedding && inferReasoning(bare, model.description),
      openWeight: facts.openWeight,
      ...(embedding ? { kind: 'embedding' } : {}),
      source: `${upstreamLabel} ${provider.id}:${model.id}; vendor, family, tokenizer and open weights inferred from the id (scripts/catalog/infer.mjs)`,
      asOf,
      generated: true,
    };
    byId.set(id, entryModel);
    owners.set(id, id);
    generatedModels.push(entryModel);
    return id;
  };

  // A gateway that lists one model twice, bare and under its lab's prefix (OpenRouter's `o1-mini` and `openai/o1-mini`):
  // the prefixed spellings are the lab model's (how LiteLLM and the AI SDK's gateway spell it). Minting a second model
  // that owned them made `openai/o1-mini` resolve to a gateway-only copy, priced at the gateway under another id. At the
  // same price the second listing adds nothing; at another price it stays a model of its own, without those spellings.
  const prefixedTwin = (entry, owner) => {
    const spellings = [entry.model.id, ...equalsOf(entry.model.match)];
    const bare = spellings.filter((s) => s.includes('/')).map(unprefixed);
    if (!bare.some((s) => variants(s).some((v) => owners.get(v) === owner))) return undefined;
    for (const s of spellings) claim(s, owner);
    const kept = [...generatedOfferings, ...offerings].find((o) => o.id === `${entry.ours}/${owner}`);
    return { samePrice: kept !== undefined && JSON.stringify(kept.prices) === JSON.stringify(entry.prices) };
  };

  // Pass 1: an exact spelling of a known model. Pass 2: after removing a snapshot's date or suffix. Pass 3: a new model.
  const pending = [];
  for (const entry of entries) {
    const spellings = [entry.model.id, ...equalsOf(entry.model.match), bareId(entry.model.id)].map((s) => s.toLowerCase());
    const owner = spellings.map((s) => variants(s).map((v) => owners.get(v)).find(Boolean)).find(Boolean);
    if (owner && !taken.has(`${entry.ours}/${owner}`)) place(entry, owner);
    else pending.push(entry);
  }
  for (const entry of pending) {
    const id = entry.model.id.toLowerCase();
    // Exact spellings first: `openai/gpt-3.5-turbo-0613` is OpenAI's snapshot, not (date stripped) `gpt-3.5-turbo`.
    const exact = [id, unprefixed(id)].map((s) => variants(s).map((v) => owners.get(v)).find(Boolean)).find(Boolean);
    const owner = exact ?? [id, unprefixed(id), bareId(id)].map(find).find(Boolean);
    if (owner && !taken.has(`${entry.ours}/${owner}`)) {
      place(entry, owner);
      continue;
    }
    if (owner && prefixedTwin(entry, owner)?.samePrice) continue;
    const minted = newModel(entry);
    if (minted) place(entry, minted);
  }
  return { generatedModels, generatedOfferings };
}

/** The provider's other API spellings of the model, beyond the canonical id and `providerModelId` (gateways: none). */
export function apiIdsOf(provider, modelId, providerModelId, spellings) {
  if (provider === 'openrouter') return {};
  const skip = new Set([modelId, (providerModelId ?? '').toLowerCase()]);
  const ids = [...new Set(spellings.filter((s) => !skip.has(s.toLowerCase())))];
  return ids.length > 0 ? { apiIds: ids } : {};
}
