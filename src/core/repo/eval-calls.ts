/**
 * What a call evaluates to, for the evaluator (evaluate.ts): a pydantic `Field(default=…)`, a dict's
 * `.get(key, default)`, a file a loader reads, a list pick (`MODELS.find(…)`), an exact string
 * operation (string-ops.ts), a constructed instance, what a repository function returns for the
 * arguments given, and the model an SDK factory names. Split from evaluate.ts along the call seam.
 */
import type { Expr, FunctionFact } from './facts';
import { clientInputArg, loaderFileArg } from './eval-args';
import { isListMethod, pickItems } from './list-values';
import { pickByKey } from './client-picks';
import { factoryModelArg, isRequestBody, splatModelKeys, wrappedModel } from './model-flow';
import { libraryModelArg } from './library-model-args';
import { isProviderInstance } from './provider-instances';
import { typerOptionDefault } from './cli-options';
import { typedGetterValue } from './config-getters';
import { settingsObject } from './settings-objects';
import { zippedFirst } from './zipped-items';
import { splitParts } from './split-values';
import { preferCodeDefault } from './run-config';
import { stringOp } from './string-ops';
import { returnsInDefaultOrder } from './env-pickers';
import { byBranchTests } from './branch-locals';
import type { RepoStore } from './store';
import { keyOf, propertyValue, SAME_FILE } from './value-methods';
import { firstOf, type Ctx, type Val } from './values';
import { contextVarValue } from './context-vars';
import { storeCreation, storeRead } from './state-stores';
import { pickKeyed, type KeyedReturns } from './keyed-returns';
import { aliasCall } from './provider-aliases';
import { rotatedPick } from './rotated-lists';
import { exprText } from './extract';

/** python-injector's builders: `injector.create_object(Cls, additional_kwargs=…)`, `injector.get(Cls)`. */
const INJECTED = /(^|\.)\w*injector\.(create_object|get)$/i;

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The evaluator's steps a call's value is built from. */
export interface CallHost {
  readonly store: RepoStore;
  eval(e: Expr, ctx: Ctx, depth?: number): Val | undefined;
  member(obj: Val, key: string, d: number): Val | undefined;
  once<T>(key: string, run: () => T | undefined): T | undefined;
  splatted(kw: Readonly<Record<string, Expr>>, key: string, ctx: Ctx, d: number): Val | undefined;
  read(pathExpr: Expr, ctx: Ctx, line: number, d: number): Val | undefined;
}

export function evalCall(h: CallHost, e: CallExpr, ctx: Ctx, d: number): Val | undefined {
  const last = e.text.split('.').pop() ?? '';
  if (last === 'Field' || last === 'field') return e.kw.default ? h.eval(e.kw.default, ctx, d) : e.args[0] ? h.eval(e.args[0], ctx, d) : undefined;
  if (e.text === 'dict') return { t: 'dict', entries: e.kw, ctx };
  if (last === 'get' && e.callee.k === 'member' && e.args.length <= 1) {
    // `SESSION.get()` on a context variable: the type it is declared to hold (context-vars.ts).
    const held = contextVarValue(h.store, e, ctx, (x, c) => h.eval(x, c, d));
    if (held) return held;
  }
  if (last === 'get' && e.callee.k === 'member' && e.args[0]) {
    // `cfg.get("model")`, and a key held by a name (`configs.get(config_name, configs["default"])`).
    const key = e.args[0].k === 'str' ? e.args[0].v : keyOf(h.eval(e.args[0], ctx, d));
    const obj = key === undefined ? undefined : propertyValue(h.eval(e.callee.obj, ctx, d), (r, c) => h.eval(r, c, d));
    const hit = obj && key !== undefined ? h.member(obj, key, d) : undefined;
    const fallback = e.args[1];
    if (hit || e.args[0].k === 'str' || key !== undefined) return preferCodeDefault(hit, fallback && (() => h.eval(fallback, ctx, d)));
  }
  // `path.open("rb")`, `path.read_text()` of a file or configuration the code reads: that file.
  if (e.callee.k === 'member' && SAME_FILE.test(e.callee.prop)) {
    const obj = h.eval(e.callee.obj, ctx, d);
    if (obj?.t === 'cfg' || obj?.t === 'file') return obj;
  }
  if (isRequestBody(e)) return { t: 'client', path: ctx.path, line: e.line };
  if (e.callee.k === 'member' && isListMethod(e.callee.prop)) {
    const list = h.eval(e.callee.obj, ctx, d);
    if (list?.t === 'list') {
      // `MODELS.find((m) => !m.hidden)`, `MODELS.at(0)`: the item; `filter(…)`: the items kept (list-values.ts).
      const items = pickItems(list.items, e.callee.prop, e.args);
      // `models.find((m) => m.id === modelId)`: the option a key picks, or the client's pick of one (client-picks.ts).
      if (!items) return e.callee.prop === 'find' ? pickByKey(list.items, list.ctx, e.args[0], ctx, (x, c) => h.eval(x, c, d)) : undefined;
      return e.callee.prop === 'filter' ? { t: 'list', items, ctx: list.ctx } : items[0] ? h.eval(items[0], list.ctx, d) : undefined;
    }
  }
  // `spec.split(":", 1)`: the parts of a known string (split-values.ts).
  const parts = splitParts(e, (x) => h.eval(x, ctx, d));
  if (parts) return parts;
  // `name.replace("azure/", "")`, `id.trim()`: computed exactly, or not at all (string-ops.ts).
  const op = stringOp(e, ctx.path, (x) => h.eval(x, ctx, d));
  if (op.handled) return op.value;
  // `togetherClientAISDK("openai/gpt-oss-20b")`: a provider instance the repository named itself, called with the id.
  if (e.callee.k === 'name' && e.args[0] && isProviderInstance(h.store, ctx.path, e.callee.v, ctx.fn)) return h.eval(e.args[0], ctx, d);
  // An application state store: its creation is its initial state; `getState()`, its hook and selectors read it (state-stores.ts).
  const state = storeCreation(h, e, ctx, d) ?? storeRead(h, e, ctx, d);
  if (state) return state;
  // `customProvider({…})`, and `scira.languageModel("scira-fast")` on one: the model its alias names (provider-aliases.ts).
  const aliased = aliasCall(h, e, ctx, d);
  if (aliased) return aliased;
  // `self.injector.create_object(Planner, …)`, `injector.get(Service)` (python-injector): an instance of the class passed.
  if (e.callee.k === 'member' && INJECTED.test(exprText(e.callee)) && e.args[0]) {
    const cls = h.eval(e.args[0], ctx, d);
    if (cls?.t === 'class') return { t: 'inst', path: cls.path, cls: cls.cls, args: [], kw: {}, ctx };
  }
  const callee = h.eval(e.callee, ctx, d);
  if (callee?.t === 'dict' && callee.store) return storeRead(h, e, ctx, d, callee);
  const option = callee ? undefined : typerOptionDefault(e, h.store.get(ctx.path));
  if (option) return h.eval(option, ctx, d);
  if (!callee) {
    // `next(itertools.cycle(MODELS))`, `random.choice(MODELS)`: the list's first model, the others its range (rotated-lists.ts).
    const rotated = rotatedPick(e, (x) => h.eval(x, ctx, d));
    if (rotated) return rotated;
    // `copy.deepcopy(config)`: the same value.
    if (/^(copy\.)?(deep)?copy$/.test(e.text) && e.args[0]) return h.eval(e.args[0], ctx, d);
    // `defaults.copy()` of a dict or settings table: the same keys.
    if (e.callee.k === 'member' && e.callee.prop === 'copy' && !e.args.length) return h.eval(e.callee.obj, ctx, d);
    // `Dynaconf(settings_files=[…])`: the settings its files hold (settings-objects.ts); `zip(a, b)`: its first tuple.
    const builtin = settingsObject(e, ctx.path, h.store) ?? zippedFirst(e, ctx);
    if (builtin) return builtin;
    // `self.src.get_str("llm.model", "gpt-4")` on a source loaded at run time: the shipped file's value, else the default.
    const got = typedGetterValue(e, h.store, (x) => h.eval(x, ctx, d));
    if (got) return got;
    const inner = wrappedModel(e);
    if (inner) return h.eval(inner, ctx, d);
    const factory = factoryModelArg(e) ?? libraryModelArg(h.store, ctx.path, e);
    const splat = factory ? undefined : splatModelKeys(e);
    const fromSplat = splat ? firstOf(splat, (k) => h.splatted(e.kw, k, ctx, d)) : undefined;
    const v = factory ? h.eval(factory, ctx, d) : (fromSplat ?? loaderArg(h, e, ctx, d));
    return v ?? clientArg(h, e, ctx, d);
  }
  if (callee.t === 'class') return { t: 'inst', path: callee.path, cls: callee.cls, args: e.args, kw: e.kw, ctx };
  if (callee.t === 'fn') {
    const fn = callee.fn;
    const bound = { args: e.args, kw: e.kw, ctx };
    // A factory keyed on a subject (`if (provider === "google") return google(model)`): the branch the call selects.
    const keyed = fn.keyedReturns && h.once(`kr:${callee.path}:${fn.name}:${e.line}:${ctx.path}`, () => keyedReturn(h, fn.keyedReturns!, { path: callee.path, fn, self: callee.self, bound }, d));
    if (keyed) return keyed;
    const v = h.once(`r:${callee.path}:${fn.name}:${e.line}:${ctx.path}`, () => {
      // A long builder's returns are not kept, only the object literals it returns (`{ modelName, provider }`): read
      // those. Python: the returns whose branch the default configuration takes first, those it does not take left out.
      const returns = testedReturns(fn, returnsInDefaultOrder(fn, callee.path, h.store), (x) => h.eval(x, { path: callee.path, fn, self: callee.self, bound }, d));
      for (const r of returns) {
        const got = h.eval(r, { path: callee.path, fn, self: callee.self, bound }, d);
        // `return None, None` on a guard (`if spec is None:`) gives nothing to follow: the next return may.
        if (got && !onlyNone(got)) return got;
      }
      return undefined;
    });
    return v ?? clientArg(h, e, ctx, d);
  }
  return undefined;
}

/**
 * A Python function's returns in the order the default configuration takes them (`if LLM_BACKEND.lower() ==
 * "watsonx": return WatsonXClient(…), WATSONX_CONFIG` before `return OllamaClient(…), OLLAMA_CONFIG`): a return
 * whose branch tests fail is dropped, one whose tests hold comes first, undecided ones keep their order.
 */
function testedReturns(fn: FunctionFact, returns: Expr[], value: (e: Expr) => Val | undefined): Expr[] {
  const tests = fn.returnTests;
  if (!tests || !fn.returns || tests.length !== returns.length || returns[0] !== fn.returns) return returns;
  const { taken, open } = byBranchTests(returns, tests, value);
  return taken.length || open.length ? [...taken, ...open] : returns;
}

/** The value of the return whose branch the subject selects under `inner` (the call bound), or undefined where the subject is not known. */
function keyedReturn(h: CallHost, keyed: KeyedReturns, inner: Ctx, d: number): Val | undefined {
  const subject = h.eval(keyed.subject, inner, d);
  if (subject?.t !== 'str') return undefined;
  const ret = pickKeyed(keyed, subject.v, (k) => {
    const v = h.eval(k, inner, d);
    return v?.t === 'str' ? v.v : undefined;
  });
  return ret ? h.eval(ret, inner, d) : undefined;
}

function clientArg(h: CallHost, e: CallExpr, ctx: Ctx, d: number): Val | undefined {
  return clientInputArg(e, ctx.path, (a) => h.eval(a, ctx, d));
}

function loaderArg(h: CallHost, e: CallExpr, ctx: Ctx, d: number): Val | undefined {
  const file = loaderFileArg(e);
  return file ? h.read(file, ctx, e.line, d) : undefined;
}

/** A tuple of `None`s (`return None, None`). */
function onlyNone(v: Val): boolean {
  return v.t === 'list' && v.items.length > 0 && v.items.every((i) => i.k === 'unknown' && i.text === 'None');
}
