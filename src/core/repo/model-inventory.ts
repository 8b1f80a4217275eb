/**
 * The repository's own models: every model id its runtime code and configuration files name, with
 * where, how often, and whether it sits in a defaults-like place (a constant or key that says
 * default, a settings field, the default of an environment read, a parameter or `Field(default=…)`,
 * a `.env.example` or YAML/TOML/JSON config key). A request whose model no flow resolves (the
 * value sits in a store, a config service, a factory the scan does not follow) is priced on the
 * repository's default for its vendor (repository-default.ts) rather than on a global one: the
 * repository usually names its models plainly somewhere.
 *
 * Built from the facts detection already extracted (no file is parsed again) and the parsed
 * configuration; each file's strings are kept per stored version, so an edit re-reads one file.
 * Which strings are models is the catalog's answer (`isModel`), asked once per distinct string.
 */
import type { Catalog, ModelEntry } from '../catalog/types';
import { catalogIndex } from '../catalog/lookup';
import { resolveModel } from '../catalog/resolve';
import type { SourceRef } from '../report/types';
import type { ConfigDoc } from './config-files';
import type { Expr, FileFacts } from './facts';
import { looksLikeModel } from './model-flow';
import type { RepoStore } from './store';
import { vendorOfModelId } from './vendor';

/** One place the repository writes a model-shaped string. */
export interface RawMention {
  readonly text: string;
  readonly line: number;
  /** The name it is written under: the constant, field, keyword, parameter or config key. */
  readonly key?: string;
  readonly defaultsLike: boolean;
  /** The name itself says it is the default model (`DEFAULT_MODEL`, `default_model.id`, `get_recommended_model`). */
  readonly named?: true;
}

/** A catalog model the repository names, over all its mentions. */
export interface RepoModel {
  readonly entry: ModelEntry;
  /** How many times the runtime code and configuration name it. */
  readonly count: number;
  /** How many of those are defaults-like places. */
  readonly defaults: number;
  /** How many of those are settings in configuration files (what the application loads over its code's fallbacks). */
  readonly configured: number;
  /** How many of those are bound to a name that says it is the default model (`DEFAULT_MODEL = …`, `defaultModel: …`). */
  readonly named: number;
  /** The first defaults-like place (path order, then line), else the first place. */
  readonly at: SourceRef;
  /** The name it is written under there. */
  readonly key?: string;
}

/** Names and keys that say the value is a default or a model choice. */
const SAYS_DEFAULT = /default|fallback|recommended/i;
const SAYS_MODEL = /model|llm|engine|deployment/i;
/** Fields of a model record (`DEFAULT_MODEL = { id: "gpt-4o", providerId: "openai" }`): the record's name is theirs. */
const RECORD_ID = /^(id|name|model|modelId|model_id|modelName|model_name|value|slug)$/;
/**
 * A string test (`model.startsWith("gpt-4o")`), a capability check, or a tokenizer's model (`len_tokens(s, "gpt-4")`,
 * `encoding_for_model("gpt-4")`): not a model the repository sends requests to.
 */
const NOT_SENT = /(^|\.)(startsWith|endsWith|includes|indexOf|startswith|endswith|match|test|find|count|replace|split)$|token|encod/i;
/** How deep an expression is walked: settings objects nest a few levels; anything deeper is data. */
const MAX_DEPTH = 8;
/** Configuration files larger than this are data (model price tables, fixtures), not settings. */
const MAX_CONFIG_CHARS = 200_000;
/** JSON is mostly data (locales, manifests): only files named like settings are read; YAML, TOML and `.env` files always. */
const SETTINGS_JSON = /(config|settings|default|models?|llm)[^/]*\.json$/i;

const byFile = new WeakMap<object, readonly RawMention[]>();

/** Model-shaped strings of one file's facts (cached per stored version of the file). */
export function mentionsOfFacts(facts: FileFacts): readonly RawMention[] {
  let out = byFile.get(facts) as RawMention[] | undefined;
  if (out) return out;
  out = [];
  const w = new Walker(out);
  // Declarations: a module constant, a class attribute, a UI state's initial value: a named model there is a setting.
  for (const [name, e] of Object.entries(facts.values)) w.walk(e, name, false, true, 0);
  for (const cls of facts.classes) for (const [name, a] of Object.entries(cls.attrs)) w.walk(a.expr, name, false, true, 0);
  for (const s of facts.stateDefaults ?? []) w.walk(s.value, s.name, true, true, 0);
  // Code: arguments, locals and returns; only a default written there (a parameter's, an env read's) is defaults-like.
  for (const fn of facts.functions) {
    for (const p of fn.params) if (p.default) w.walk(p.default, p.name, true, false, 0);
    for (const [name, e] of Object.entries(fn.locals)) w.walk(e, name, false, false, 0);
    // What a function returns, under its name: `get_default_model()` / `recommended_model()` returning an id is a default.
    for (const e of [...(fn.returns ? [fn.returns] : []), ...(fn.moreReturns ?? [])]) w.walk(e, fn.name.split('.').pop(), false, false, 0);
    for (const c of fn.calls) w.walk(c.expr, undefined, false, false, 0);
  }
  for (const c of facts.moduleCalls) w.walk(c.expr, undefined, false, false, 0);
  byFile.set(facts, out);
  return out;
}

class Walker {
  constructor(private readonly out: RawMention[]) {}

  /** `fallback`: the value is what applies when nothing else is given; `declared`: it is a named setting. */
  walk(e: Expr, key: string | undefined, fallback: boolean, declared: boolean, depth: number): void {
    if (depth > MAX_DEPTH) return;
    switch (e.k) {
      case 'str':
        if (looksLikeModel(e.v)) this.out.push({ text: e.v, line: e.line, ...(key ? { key } : {}), defaultsLike: isDefaultsLike(key, fallback, declared), ...(isNamedDefault(key) ? { named: true as const } : {}) });
        return;
      case 'dict':
        // A record's id (`DEFAULT_MODEL = { id: "…" }`) and each vendor's entry of a defaults table (`DEFAULT_MODEL = {
        // openai: "…", google: "…" }`) are under the record's name.
        for (const [k, v] of Object.entries(e.entries)) this.walk(v, key && (RECORD_ID.test(k) || isNamedDefault(key)) ? `${key}.${k}` : k, fallback, declared, depth + 1);
        return;
      case 'list':
        // A list of options names models the repository supports, none of them its default.
        for (const item of e.items) this.walk(item, key, false, false, depth + 1);
        return;
      case 'env':
        if (e.def) this.walk(e.def, key ?? e.name, true, declared, depth + 1);
        return;
      case 'or':
        this.walk(e.left, key, fallback, declared, depth + 1);
        // `x or "gpt-4o"` / `x ?? "gpt-4o"`: what applies when nothing is set; a ternary's branches are not defaults.
        this.walk(e.right, key, fallback || !e.test, declared, depth + 1);
        return;
      case 'call':
        if (NOT_SENT.test(e.text)) return;
        // `config.get("model", "gpt-4o")`: the default of a settings read, under the key it reads.
        if (/(^|\.)get$/.test(e.text) && e.args[0]?.k === 'str' && e.args[1]) return this.walk(e.args[1], e.args[0].v, true, declared, depth + 1);
        for (const a of e.args) this.walk(a, key, fallback, declared, depth + 1);
        // `click.option("-m", "--model", default="gpt-4")`, `add_argument("--model", default=…)`: the default of the option it names.
        const option = optionName(e.args) ?? key;
        for (const [k, v] of Object.entries(e.kw)) this.walk(v, SAYS_DEFAULT.test(k) && option ? option : k, fallback || SAYS_DEFAULT.test(k), declared, depth + 1);
        return;
      default:
        return;
    }
  }
}

/** The longest `--flag` among a CLI option declaration's arguments, without its dashes. */
function optionName(args: readonly Expr[]): string | undefined {
  let best: string | undefined;
  for (const a of args) if (a.k === 'str' && /^--?[A-Za-z][\w-]*$/.test(a.v) && a.v.length > (best?.length ?? 0)) best = a.v;
  return best?.replace(/^-+/, '');
}

/** A name that says both default and model: the repository's own statement of which model is its default. */
function isNamedDefault(key: string | undefined): boolean {
  return key !== undefined && SAYS_DEFAULT.test(key) && SAYS_MODEL.test(key);
}

function isDefaultsLike(key: string | undefined, fallback: boolean, declared: boolean): boolean {
  if (key && SAYS_DEFAULT.test(key)) return true;
  return (fallback || declared) && (key === undefined || SAYS_MODEL.test(key));
}

const byConfig = new WeakMap<ConfigDoc, readonly RawMention[]>();

/** Model-shaped values of a configuration file: every value under a key is a setting. */
export function mentionsOfConfig(doc: ConfigDoc): readonly RawMention[] {
  let out = byConfig.get(doc) as RawMention[] | undefined;
  if (out) return out;
  out = [];
  const lines = doc.text.split('\n');
  // The line that writes the value whole (`gpt-4o` is not the line of `gpt-4o-mini`).
  const lineOf = (value: string): number => {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w.-])`);
    return Math.max(1, lines.findIndex((l) => whole.test(l)) + 1);
  };
  const visit = (v: unknown, key: string | undefined, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      if (looksLikeModel(v)) out!.push({ text: v, line: lineOf(v), ...(key ? { key } : {}), defaultsLike: key === undefined || SAYS_MODEL.test(key) || SAYS_DEFAULT.test(key) });
    } else if (Array.isArray(v)) for (const item of v) visit(item, key, depth + 1);
    else if (v && typeof v === 'object') for (const [k, item] of Object.entries(v)) visit(item, k, depth + 1);
  };
  visit(doc.data, undefined, 0);
  byConfig.set(doc, out);
  return out;
}

/** Whether a configuration path is worth reading for models (settings, not data). */
export function isSettingsFile(path: string): boolean {
  return !/\.json$/i.test(path) || SETTINGS_JSON.test(path);
}

const modelOfText = new WeakMap<Catalog, Map<string, ModelEntry | null>>();

/** The catalog model a string names: an id or alias (with or without a `provider:` prefix), else what the resolver strips to one. */
export function catalogModelOf(catalog: Catalog, text: string): ModelEntry | undefined {
  let cache = modelOfText.get(catalog);
  if (!cache) modelOfText.set(catalog, (cache = new Map()));
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const lower = text.toLowerCase();
  const keys = catalogIndex(catalog).keys;
  const bare = lower.replace(/^[a-z0-9_.-]+[:/]/, '');
  let entry = keys.get(lower)?.model ?? keys.get(bare)?.model;
  // Dated snapshots and cloud spellings: the resolver strips them; asked only of ids a vendor's family names (no fuzzy search of every string).
  if (!entry && vendorOfModelId(bare)) {
    const r = resolveModel(catalog, lower);
    if (r.kind === 'resolved') entry = r.model;
  }
  cache.set(text, entry ?? null);
  return entry;
}

const inventories = new WeakMap<RepoStore, { generation: number; catalog: Catalog; models: readonly RepoModel[] }>();

/**
 * The catalog models the repository's runtime files name, most defaults-like first. `runtime` says
 * which files count (tests, examples and docs name models they do not run).
 */
export function repositoryModels(store: RepoStore, catalog: Catalog, runtime: (path: string) => boolean): readonly RepoModel[] {
  const cached = inventories.get(store);
  if (cached && cached.generation === store.generation && cached.catalog === catalog) return cached.models;
  const byId = new Map<string, { entry: ModelEntry; count: number; defaults: number; configured: number; named: number; at: SourceRef; key?: string; atDefault: boolean; atNamed: boolean }>();
  const add = (path: string, m: RawMention, config = false): void => {
    const entry = catalogModelOf(catalog, m.text);
    if (!entry) return;
    const seen = byId.get(entry.id);
    const at = { path, line: m.line };
    const configured = config && m.defaultsLike ? 1 : 0;
    const named = !config && m.named ? 1 : 0;
    if (!seen) return void byId.set(entry.id, { entry, count: 1, defaults: m.defaultsLike ? 1 : 0, configured, named, at, ...(m.key ? { key: m.key } : {}), atDefault: m.defaultsLike, atNamed: named > 0 });
    seen.count++;
    if (!m.defaultsLike) return;
    seen.defaults++;
    seen.configured += configured;
    seen.named += named;
    // Where it is shown: the first place that names it the default, else the first defaults-like place.
    const better = named ? !seen.atNamed || earlier(at, seen.at) : !seen.atNamed && (!seen.atDefault || earlier(at, seen.at));
    if (better) Object.assign(seen, { at, key: m.key, atDefault: true, atNamed: named > 0 });
  };
  for (const stored of store.files()) {
    if (!runtime(stored.file.path)) continue;
    for (const m of mentionsOfFacts(stored.facts)) add(stored.file.path, m);
  }
  for (const path of store.configPaths()) {
    if (!runtime(path) || !isSettingsFile(path)) continue;
    const doc = store.config(path);
    if (doc && doc.text.length <= MAX_CONFIG_CHARS) for (const m of mentionsOfConfig(doc)) add(path, m, true);
  }
  // A configuration file's setting first (it overrides the code's fallback at run time), then a name that says it is the
  // default model (the repository's own statement), then defaults-like places, then mentions.
  const models = [...byId.values()]
    .map(({ atDefault: _, atNamed: __, ...m }) => m)
    .sort((a, b) => b.configured - a.configured || b.named - a.named || b.defaults - a.defaults || b.count - a.count || (earlier(a.at, b.at) ? -1 : 1));
  inventories.set(store, { generation: store.generation, catalog, models });
  return models;
}

function earlier(a: SourceRef, b: SourceRef): boolean {
  return a.path < b.path || (a.path === b.path && a.line < b.line);
}
