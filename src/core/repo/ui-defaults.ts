/**
 * A model the user picks in the UI: the server route reads it from the request body, so the code
 * path of the request stops at the client. What runs by default is the UI's default: a constant that
 * says so (`DEFAULT_CHAT_MODEL = "google/gemini-2.5-flash-lite"`, `defaultModel`), else the initial
 * value of the state hook that holds the choice (`useLocalStorage("languageModel", { model: "…" })`), or of
 * the settings object the body sends whole (`useState({ model: "…", temperature })` as `chatSettings`,
 * read by the route as `chatSettings.model`).
 * Where several candidates fit equally and disagree, nothing is chosen (the model stays unknown).
 */
import type { SourceRef } from '../report/types';
import { scopeOfPath } from '../report/scope';
import type { Evaluator, Val } from './evaluate';
import { looksLikeModel } from './model-flow';
import type { RepoStore } from './store';
import { attempt } from './values';
import { fitsVendor } from './vendor';
import { aliasNames } from './provider-aliases';

export interface UiDefault {
  readonly model: string;
  readonly at: SourceRef;
  /** The constant or state variable, e.g. `DEFAULT_CHAT_MODEL`. */
  readonly name: string;
  readonly kind: 'constant' | 'state';
  /** A settings object held in UI state (`chatSettings = { model: "…", temperature }`): it answers only for its own fields (`chatSettings.model`). */
  readonly holder?: boolean;
  /** A name of a custom provider's alias table (`'scira-default'`), not a model id: it answers only a route that resolves it there. */
  readonly alias?: true;
}

/** `DEFAULT_CHAT_MODEL`, `DEFAULT_MODEL_ID`, `INITIAL_MODEL`, `defaultModel`, `defaultChatModelId`. */
const DEFAULT_NAME = /^((DEFAULT|INITIAL|FALLBACK)_(\w+_)?MODEL(_ID|_NAME)?|(default|initial|fallback)([A-Z]\w*)?Model(Id|Name)?)$/;
/** Keys of a state object that hold the model id. */
const MODEL_KEYS = ['model', 'modelId', 'model_id', 'id'];

export function collectUiDefaults(store: RepoStore, evaluator: Evaluator): UiDefault[] {
  const out: UiDefault[] = [];
  const aliases = aliasNames(store);
  const named = (v: Val | undefined): { v: string; at: SourceRef; alias?: true } | undefined => (v?.t === 'str' && aliases.has(v.v) ? { v: v.v, at: v.at, alias: true } : undefined);
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (scopeOfPath(path, stored.file.kind) !== 'runtime') continue;
    for (const name of Object.keys(stored.facts.values)) {
      if (!DEFAULT_NAME.test(name)) continue;
      const v = attempt(() => evaluator.global(path, name, 0));
      const hit = v?.t === 'str' && looksLikeModel(v.v) ? v : named(v);
      if (hit) out.push({ model: hit.v, at: hit.at, name, kind: 'constant', ...(hit !== v ? { alias: true as const } : {}) });
    }
    for (const s of stored.facts.stateDefaults ?? []) {
      const holder = !/model/i.test(s.name);
      if (holder && s.value.k !== 'dict') continue;
      const v = attempt(() => evaluator.eval(s.value, { path }));
      const model = modelIn(v, evaluator) ?? named(v);
      if (model) out.push({ model: model.v, at: model.at, name: s.name, kind: 'state', ...(holder ? { holder } : {}), ...('alias' in model ? { alias: true as const } : {}) });
    }
  }
  return out;
}

function modelIn(v: Val | undefined, evaluator: Evaluator): { v: string; at: SourceRef } | undefined {
  if (v?.t === 'str') return looksLikeModel(v.v) ? v : undefined;
  if (v?.t !== 'dict') return undefined;
  for (const key of MODEL_KEYS) {
    const got = v.entries[key] ? attempt(() => evaluator.member(v, key, 0)) : undefined;
    if (got?.t === 'str' && looksLikeModel(got.v)) return got;
  }
  return undefined;
}

/**
 * The default for a request body field (`selectedChatModel`, `model.id`): candidates that share the
 * most words with the field, constants before state hooks; none when the best disagree.
 */
export function pickUiDefault(all: readonly UiDefault[], field: string | undefined, vendor?: string, aliases = false): UiDefault | undefined {
  const head = field?.split('.')[0].toLowerCase();
  // One default serves the routes of every provider: a route of another vendor's SDK never sends it (an Anthropic route
  // is not priced on the UI's `gpt-4…`).
  const candidates = all.filter((c) => (aliases || !c.alias) && (!c.holder || (head === c.name.toLowerCase() && field!.includes('.'))) && fitsVendor(c.model, vendor));
  if (!candidates.length) return undefined;
  const wanted = words(field ?? '');
  const score = (c: UiDefault): number => words(c.name).filter((w) => wanted.includes(w)).length * 2 + (c.kind === 'constant' ? 1 : 0);
  const best = Math.max(...candidates.map(score));
  const scored = candidates.filter((c) => score(c) === best);
  // Equal matches (`modelId` against DEFAULT_MODEL_NAME and DEFAULT_REASONING_MODEL_NAME): the name that says no more than the field.
  const extra = (c: UiDefault): number => words(c.name).filter((w) => !wanted.includes(w)).length;
  const fewest = Math.min(...scored.map(extra));
  const top = new Set(scored.map((c) => c.model)).size === 1 ? scored : scored.filter((c) => extra(c) === fewest);
  return new Set(top.map((c) => c.model)).size === 1 ? top[0] : undefined;
}

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !['default', 'initial', 'fallback', 'selected', 'current', 'id', 'name'].includes(w));
}

