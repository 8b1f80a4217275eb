/**
 * Models named through an AI SDK provider's alias map (github:vercel/ai, packages/ai/src/registry):
 *
 * - `customProvider({ languageModels: { 'fast': openai('gpt-4.1-mini'), … }, embeddingModels, imageModels, …,
 *   fallbackProvider })` answers `p.languageModel('fast')` with the model its table maps the name to; a name the
 *   table lacks goes to the fallback provider under the same id.
 * - `createProviderRegistry({ openai, mine: customProvider(…) }, { separator })` answers
 *   `registry.languageModel('mine:fast')` by the provider before the separator (`:` by default) and that
 *   provider's model for the rest.
 *
 * A table's value may be wrapped: `wrapLanguageModel({ model, middleware })`, `createRetryable({ model, retries })`,
 * or any call whose object argument has a `model`: the request goes first to that model. The provider is followed
 * like any value (a module export used from many files, a route-local one); the name like any value too (a
 * literal, a parameter's default, what callers pass). A name the client sends (the request body) stays client
 * input carrying the table, resolved once the client's value is (the UI's default, client-picks.ts `keyedField`).
 */
import { ALIAS_PROVIDER, ALIAS_TABLES } from '../detect/ai-sdk-surface';
import type { Expr } from './facts';
import { factoryModelArg } from './model-flow';
import type { RepoStore } from './store';
import type { Ctx, Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** What kind of alias provider a dict value is: a `customProvider`'s options, or a registry's providers and separator. */
export type AliasProvider = { readonly kind: 'custom' } | { readonly kind: 'registry'; readonly separator: string };

export interface AliasHost {
  eval(e: Expr, ctx: Ctx, depth?: number): Val | undefined;
}

/** Bound on nested providers (a registry holding a custom provider whose fallback is another custom provider). */
const MAX_NESTING = 4;

/**
 * A call of the alias surface: `customProvider({…})` / `createProviderRegistry({…})` as the provider value, and
 * `provider.languageModel(name)` (or another kind's method) on one as the model it names. Undefined otherwise.
 */
export function aliasCall(h: AliasHost, e: CallExpr, ctx: Ctx, d: number): Val | undefined {
  const last = e.text.slice(e.text.lastIndexOf('.') + 1);
  if (ALIAS_PROVIDER.test(last)) {
    const options = e.args[0];
    if (options?.k !== 'dict') return undefined;
    if (!last.endsWith('createProviderRegistry')) return { t: 'dict', entries: options.entries, ctx, aliases: { kind: 'custom' } };
    const sep = e.args[1]?.k === 'dict' && e.args[1].entries.separator ? h.eval(e.args[1].entries.separator, ctx, d) : undefined;
    return { t: 'dict', entries: options.entries, ctx, aliases: { kind: 'registry', separator: sep?.t === 'str' && sep.v ? sep.v : ':' } };
  }
  const tables = ALIAS_TABLES.get(last);
  if (!tables || e.callee.k !== 'member' || !e.args[0]) return undefined;
  const provider = h.eval(e.callee.obj, ctx, d);
  if (provider?.t !== 'dict' || !provider.aliases) return undefined;
  const name = h.eval(e.args[0], ctx, d);
  if (name?.t === 'str') return aliasedModel(h, provider, last, name.v, d);
  // Whatever the name, a provider with one model and no fallback sends to that model or fails.
  const sole = soleModel(h, provider, last, d);
  if (sole) return sole;
  // The name comes from the client: resolved with the table once the client's value is known.
  if (name?.t === 'client') return name.pick ? undefined : { ...name, pick: { items: [], ctx: provider.ctx, key: '', aliases: { provider, method: last } } };
  return undefined;
}

/** The model `provider[method](name)` is sent to, or undefined where the provider's tables do not say. */
export function aliasedModel(h: AliasHost, provider: Extract<Val, { t: 'dict' }>, method: string, name: string, d: number, nesting = 0): Val | undefined {
  if (!provider.aliases || nesting > MAX_NESTING) return undefined;
  if (provider.aliases.kind === 'registry') {
    const at = name.indexOf(provider.aliases.separator);
    const entry = at > 0 ? provider.entries[name.slice(0, at)] : undefined;
    const inner = entry ? h.eval(entry, provider.ctx, d) : undefined;
    // A plain provider (`openai`) under the registry: its own id, which the catalog knows as `openai:gpt-4o` too.
    return inner?.t === 'dict' && inner.aliases ? aliasedModel(h, inner, method, name.slice(at + provider.aliases.separator.length), d, nesting + 1) : undefined;
  }
  for (const key of ALIAS_TABLES.get(method) ?? []) {
    const table = provider.entries[key] ? h.eval(provider.entries[key], provider.ctx, d) : undefined;
    const entry = table?.t === 'dict' ? table.entries[name] : undefined;
    if (!entry || table?.t !== 'dict') continue;
    return described(firstModel(h, entry, table.ctx, d), `${method}(${JSON.stringify(name)}): the alias ${JSON.stringify(name)} of the provider's ${key} (${provider.ctx.path}:${entry.line})`);
  }
  // Not in the tables: the fallback provider answers for the same name; without one, only a sole model can be sent.
  const fallback = provider.entries.fallbackProvider ? h.eval(provider.entries.fallbackProvider, provider.ctx, d) : undefined;
  if (fallback?.t === 'dict' && fallback.aliases) return aliasedModel(h, fallback, method, name, d, nesting + 1);
  return soleModel(h, provider, method, d);
}

/** The model of a custom provider that maps one name for this kind and has no fallback: any other name throws `NoSuchModelError`. */
function soleModel(h: AliasHost, provider: Extract<Val, { t: 'dict' }>, method: string, d: number): Val | undefined {
  if (provider.aliases?.kind !== 'custom' || provider.entries.fallbackProvider) return undefined;
  const tables = (ALIAS_TABLES.get(method) ?? []).flatMap((key) => {
    const table = provider.entries[key] ? h.eval(provider.entries[key], provider.ctx, d) : undefined;
    return table?.t === 'dict' ? [{ key, table }] : [];
  });
  const names = tables.flatMap(({ key, table }) => Object.keys(table.entries).map((name) => ({ key, name, table })));
  if (names.length !== 1 || tables[0].table.spreads?.length) return undefined;
  const { key, name, table } = names[0];
  const entry = table.entries[name];
  return described(firstModel(h, entry, table.ctx, d), `${method}(…): ${JSON.stringify(name)}, the only model of the provider's ${key} (${provider.ctx.path}:${entry.line}), which has no fallback`);
}

function described(model: Val | undefined, how: string): Val | undefined {
  return model?.t === 'str' ? { ...model, detail: `${how} → ${JSON.stringify(model.v)}` } : model;
}

/** The model a table value sends to first: the value itself, or the `model` of the wrapper call it is (`createRetryable({ model, retries })`). */
function firstModel(h: AliasHost, e: Expr, ctx: Ctx, d: number): Val | undefined {
  let cur = e;
  for (let i = 0; i < MAX_NESTING; i++) {
    const v = h.eval(cur, ctx, d);
    if (v?.t === 'str' || cur.k !== 'call' || factoryModelArg(cur) || !cur.kw.model) return v;
    cur = cur.kw.model;
  }
  return undefined;
}

/**
 * Every name the repository's custom providers map (`scira-default`, `fast`): a client may send one as its model
 * (the UI's default choice, ui-defaults.ts), though it names no model itself.
 */
export function aliasNames(store: RepoStore): ReadonlySet<string> {
  const names = new Set<string>();
  for (const stored of store.files()) {
    for (const value of Object.values(stored.facts.values)) {
      if (value.k !== 'call' || !ALIAS_PROVIDER.test(value.text) || value.args[0]?.k !== 'dict') continue;
      for (const table of Object.values(value.args[0].entries)) if (table.k === 'dict') Object.keys(table.entries).forEach((n) => names.add(n));
    }
  }
  return names;
}
