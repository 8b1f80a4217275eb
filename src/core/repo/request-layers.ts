/**
 * A request layer: functions whose only requests are behind a dispatch table of provider functions keyed by the
 * model's name (`method = model_info[llm_kwargs['llm_model']]["fn_without_ui"]`; `return method(inputs, …)`),
 * and the functions above them that only pass their own input on (`def request_with_ui(inputs, llm_kwargs, …)`
 * submitting a closure that calls the dispatcher with `inputs=inputs`). The request is made where its input is:
 * the first caller outside the layer, the call that hands it a text of its own (`i_say = f"…"`), is the site
 * (binary-husky/gpt_academic's plugins calling `request_gpt_model_in_new_thread_with_ui_alive(i_say, …)`). A
 * dispatcher no code calls (bound to a UI event) keeps its dispatch as the site. The provider functions' own
 * requests are the layer's implementation: listed, not billed again.
 *
 * The model is the dispatch key followed from the site down the layer; where the key is a field of a kwargs dict
 * no code fills (`llm_kwargs['llm_model']`, from a UI dropdown), it is the setting of the same name
 * (`LLM_MODEL = "gpt-3.5-turbo-16k"` in config.py) when the repository has one and only one.
 */
import type { DetectedCall } from '../detect/types';
import type { CalleeFact, Expr, FunctionFact } from './facts';
import type { Bound, Ctx, Evaluator, Val } from './evaluate';
import type { Edge } from './graph';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';
import type { SourceRef } from '../report/types';
import { tryEval } from './eval-args';
import { modelOf } from './resolved-models';
import { exprText } from './extract';
import { scopeOfPath } from '../report/scope';
import { attempt } from './values';
import { looksLikeModel } from './model-flow';

export interface LayerGraph {
  callers(path: string, fn: string): readonly Edge[];
  outgoing(path: string, fn: string | undefined): readonly Edge[];
}

interface Seed {
  readonly path: string;
  readonly fn: FunctionFact;
  readonly line: number;
  readonly key?: Expr;
  /** The request the dispatch reaches first (its framework names the site's). */
  readonly sample: DetectedCall;
  /** The provider functions the dispatch calls that hold requests. */
  readonly targets: readonly { readonly path: string; readonly fn: string }[];
}

interface LayerFn {
  readonly seed: Seed;
  /** The parameter the input comes in by. */
  readonly input: string;
  /** The edge from this function to the next one down the layer (undefined for the seed). */
  readonly down?: Edge;
}

interface LayerSite {
  readonly call: DetectedCall;
  readonly chain: readonly Edge[];
  readonly seed: Seed;
}

/** At most this many functions in the layers of one repository (a guard on odd graphs). */
const MAX_LAYER = 60;
/** Keywords that name the input when the dispatch passes none by position. */
const INPUT_KW = /^(inputs?|prompt|messages|query|text)$/;
/** A module of settings: `config.py`, `settings.py`, `conf/base.py`. */
const SETTINGS_MODULE = /(^|\/)(config|settings|conf)(\w*\.py$|\/)/;

export class RequestLayers {
  private built?: { sites: Map<string, LayerSite[]>; implementation: Set<string> };

  constructor(
    private readonly store: RepoStore,
    private readonly graph: LayerGraph,
    private readonly evaluator: Evaluator,
    private readonly readText: (path: string) => string | undefined = () => undefined,
  ) {}

  revealed(path: string): readonly DetectedCall[] {
    return (this.build().sites.get(path) ?? []).map((s) => s.call);
  }

  isImplementation(path: string, callId: string): boolean {
    return this.build().implementation.has(`${path}#${callId}`);
  }

  modelOf(path: string, callId: string): ResolvedModel | undefined {
    const site = this.build().sites.get(path)?.find((s) => s.call.id === callId);
    if (!site?.seed.key) return undefined;
    const key = site.seed.key;
    // The caller's arguments bound down the chain: the dispatcher's key read with what the site passes.
    let bound: Bound | undefined;
    for (const e of site.chain) bound = { ...e.bound, ctx: { ...e.bound.ctx, ...(bound ? { bound } : {}) } };
    const ctx: Ctx = { path: site.seed.path, fn: site.seed.fn, ...(bound ? { bound } : {}) };
    const found = modelOf(this.splitKey(site.seed, tryEval(this.evaluator, key, ctx)), key);
    return found ?? this.setBefore(site, path) ?? this.settingOf(key, site.seed.fn);
  }

  /**
   * The site's function setting the field just before it calls (`llm_kwargs['llm_model'] = MULTI_QUERY_LLM_MODELS`,
   * `= plugin_kwargs.get("advanced_arg", 'chatglm&gpt-3.5-turbo')`): a literal, its name's value, or the read's default.
   */
  private setBefore(site: LayerSite, path: string): ResolvedModel | undefined {
    const fn = site.chain[0]?.bound.ctx.fn;
    const key = site.seed.key;
    const read = key?.k === 'name' ? site.seed.fn.locals[key.v] : key;
    const lines = fn && read?.k === 'index' && read.obj.k === 'name' ? this.readText(path)?.split('\n') : undefined;
    if (!fn || !lines || read?.k !== 'index' || read.obj.k !== 'name') return undefined;
    const set = new RegExp(`^\\s*${read.obj.v}\\[\\s*["']${read.key}["']\\s*\\]\\s*=\\s*(.+?)\\s*(#.*)?$`);
    let rhs: string | undefined;
    let at = 0;
    for (let l = fn.line; l < site.call.line && l <= lines.length; l++) {
      const m = set.exec(lines[l - 1]);
      if (m) [rhs, at] = [m[1], l];
    }
    if (!rhs) return undefined;
    const literal = /^["']([^"']+)["']$/.exec(rhs) ?? /\.get\(\s*["'][^"']*["']\s*,\s*["']([^"']+)["']\s*\)$/.exec(rhs);
    // A name read from the settings by its name (`X = get_conf('X')`): that setting.
    const local = /^\w+$/.test(rhs) ? fn.locals[rhs] : undefined;
    const named = local?.k === 'call' && local.args[0]?.k === 'str' && /^[A-Z][A-Z0-9_]+$/.test(local.args[0].v) ? this.setting(local.args[0].v, true) : undefined;
    const v: Val | undefined = literal
      ? { t: 'str', v: literal[1], at: { path, line: at }, via: 'code' }
      : named
        ? { t: 'str', v: named.model, at: named.at, via: 'code', detail: `${rhs}: the setting ${named.name} (${named.path}) → ${JSON.stringify(named.model)}` }
        : /^\w+$/.test(rhs)
          ? tryEval(this.evaluator, { k: 'name', v: rhs, line: at }, { path, fn })
          : undefined;
    const m = modelOf(this.splitKey(site.seed, v), { k: 'name', v: rhs, line: at });
    return m && { model: m.model, source: { ...m.source, detail: `${read.obj.v}['${read.key}'] set at ${path}:${at}: ${m.source.detail ?? m.model}` } };
  }

  /** A key the dispatcher splits into several models (`models = model.split('&')`): the first part that names one. */
  private splitKey(seed: Seed, v: Val | undefined): Val | undefined {
    const name = seed.key?.k === 'name' ? seed.key.v : Object.keys(seed.fn.locals).find((n) => seed.fn.locals[n] === seed.key);
    if (v?.t !== 'str' || !name) return v;
    const split = Object.values(seed.fn.locals).find((e) => e.k === 'call' && e.callee.k === 'member' && e.callee.prop === 'split' && e.callee.obj.k === 'name' && e.callee.obj.v === name);
    const sep = split?.k === 'call' && split.args[0]?.k === 'str' ? split.args[0].v : undefined;
    if (!sep || !v.v.includes(sep)) return v;
    const part = v.v.split(sep).find((x) => looksLikeModel(x.trim()));
    return part ? { ...v, v: part.trim() } : v;
  }

  /** `kwargs['llm_model']` nothing fills in code: the repository's one setting named `LLM_MODEL`. */
  private settingOf(key: Expr, fn: FunctionFact): ResolvedModel | undefined {
    const field = keyField(key, fn);
    const hit = field ? this.setting(field.toUpperCase()) : undefined;
    return hit && { model: hit.model, source: { from: 'code', at: hit.at, detail: `${exprText(key)}: a kwargs field no code sets; the setting ${hit.name} (${hit.path}) → ${JSON.stringify(hit.model)}` } };
  }

  /** The repository's one model-valued constant named `want`, a settings module's (config.py, settings.py) first. */
  private setting(want: string, anyText = false): { name: string; path: string; model: string; at: SourceRef } | undefined {
    const found: { name: string; path: string; model: string; at: SourceRef }[] = [];
    for (const stored of this.store.files()) {
      const path = stored.file.path;
      if (stored.file.language !== 'python' || !(want in stored.facts.values) || scopeOfPath(path, stored.file.kind) !== 'runtime') continue;
      const v = attempt(() => this.evaluator.global(path, want, 0));
      if (v?.t !== 'str' || !(anyText || looksLikeModel(v.v))) continue;
      found.push({ name: want, path, model: v.v, at: v.at });
    }
    const settings = found.filter((f) => SETTINGS_MODULE.test(f.path));
    const pick = settings.length ? settings : found;
    return new Set(pick.map((f) => f.model)).size === 1 ? pick[0] : undefined;
  }

  private seedList?: Seed[];

  private seeds(): Seed[] {
    if (this.seedList) return this.seedList;
    const out: Seed[] = [];
    for (const stored of this.store.files()) {
      if (stored.file.language !== 'python') continue;
      const path = stored.file.path;
      for (const fn of stored.facts.functions) {
        const tables = fn.calls.filter((c) => c.table);
        if (!tables.length || this.holdsRequest(path, fn.name)) continue;
        for (const line of new Set(tables.map((c) => c.line))) {
          const seed = this.seedAt(path, fn, line, tables.filter((c) => c.line === line));
          if (seed) out.push(seed);
        }
      }
    }
    return (this.seedList = out);
  }

  /** A dispatch reaching requests in two provider functions or more. */
  private seedAt(path: string, fn: FunctionFact, line: number, copies: readonly CalleeFact[]): Seed | undefined {
    const names = new Set(copies.map((c) => c.callee));
    const targets: { path: string; fn: string }[] = [];
    let sample: DetectedCall | undefined;
    for (const e of this.graph.outgoing(path, fn.name)) {
      if (e.line !== line || !names.has(e.callee)) continue;
      const req = this.requestIn(e.target.path, e.target.fn);
      if (!req || targets.some((t) => t.path === e.target.path && t.fn === e.target.fn)) continue;
      targets.push(e.target);
      sample ??= req;
    }
    if (targets.length < 2 || !sample) return undefined;
    const original = fn.calls.find((c) => c.line === line && !c.table && c.expr.k === 'call');
    const key = original?.expr.k === 'call' ? dispatchKey(original.expr.callee, fn.locals) : undefined;
    return { path, fn, line, sample, targets, ...(key ? { key } : {}) };
  }

  private build(): { sites: Map<string, LayerSite[]>; implementation: Set<string> } {
    if (this.built) return this.built;
    const sites = new Map<string, LayerSite[]>();
    const implementation = new Set<string>();
    const layer = new Map<string, LayerFn>();
    const queue: { path: string; fn: FunctionFact }[] = [];
    for (const seed of this.seeds()) {
      const call = seed.fn.calls.find((c) => c.line === seed.line && !c.table);
      const input = call?.expr.k === 'call' ? inputParam(call.expr, seed.fn) : undefined;
      if (!input) continue;
      const id = `${seed.path}#${seed.fn.name}`;
      if (!layer.has(id)) layer.set(id, { seed, input });
      queue.push({ path: seed.path, fn: seed.fn });
      for (const t of seed.targets) for (const c of this.requestsIn(t.path, t.fn)) implementation.add(`${t.path}#${c.id}`);
    }
    const chainOf = (id: string): Edge[] => {
      const out: Edge[] = [];
      for (let at = layer.get(id); at?.down && out.length < MAX_LAYER; at = layer.get(`${at.down.target.path}#${at.down.target.fn}`)) out.push(at.down);
      return out;
    };
    const add = (path: string, line: number, callee: string, chain: Edge[], seed: Seed): void => {
      const list = sites.get(path) ?? [];
      if (list.some((s) => s.call.line === line)) return;
      list.push({ call: siteCall(seed.sample, line, callee), chain, seed });
      sites.set(path, list);
    };
    for (let i = 0; i < queue.length && layer.size < MAX_LAYER; i++) {
      const { path, fn } = queue[i];
      const me = layer.get(`${path}#${fn.name}`)!;
      const callers = this.graph.callers(path, fn.name).filter((e) => !(e.path === path && e.from === fn.name));
      // A dispatcher no code calls, or one handed to code the repository does not hold (a UI event): its dispatch is the site.
      if (!me.down && (!callers.length || this.handedOn(path, fn.name))) add(path, me.seed.line, me.seed.fn.calls.find((c) => c.line === me.seed.line && !c.table)?.callee ?? 'dispatch', [], me.seed);
      for (const e of callers) {
        const from = e.from ? this.functionAt(e.path, e.from, e.line) : undefined;
        const all = this.store.get(e.path)?.facts.functions ?? [];
        const input = from && (isNested(from, all) || this.shared(e.path, from.name)) ? forwarded(e, fn, me.input, from, all) : undefined;
        const id = from ? `${e.path}#${from.name}` : '';
        if (from && input && !layer.has(id)) {
          layer.set(id, { seed: me.seed, input, down: e });
          queue.push({ path: e.path, fn: from });
        } else if (!from || !input) add(e.path, e.line, e.callee, [e, ...chainOf(`${path}#${fn.name}`)], me.seed);
      }
    }
    return (this.built = { sites, implementation });
  }

  /**
   * Called from two files or more besides its own: a layer function, not one feature's code (a plugin handing the
   * user's text to the layer is where that request is made, however many of its own functions it passes through).
   */
  private shared(path: string, name: string): boolean {
    const files = new Set(this.graph.callers(path, name).map((e) => e.path).filter((p) => p !== path));
    return files.size >= 2;
  }

  /** Passed as a value (`ArgsGeneralWrapper(predict)`, `btn.click(fn=predict)`) where it is imported or defined. */
  private handedOn(path: string, name: string): boolean {
    for (const stored of this.store.files()) {
      if (stored.file.language !== 'python') continue;
      const facts = stored.facts;
      const named = stored.file.path === path || [...facts.imports, ...(facts.lateImports ?? [])].some((i) => i.name === name && i.local === name);
      if (!named) continue;
      const calls = [...facts.moduleCalls, ...facts.functions.flatMap((f) => f.calls)];
      if (calls.some((c) => c.expr.k === 'call' && passesName(c.expr, name, 0))) return true;
    }
    return false;
  }

  /** The function of `name` holding `line` (nested closures may share a name). */
  private functionAt(path: string, name: string, line: number): FunctionFact | undefined {
    const fns = this.store.get(path)?.facts.functions.filter((f) => f.name === name) ?? [];
    return fns.find((f) => f.line <= line && line <= f.endLine) ?? fns[0];
  }

  private requestsIn(path: string, fn: string): DetectedCall[] {
    const stored = this.store.get(path);
    if (!stored) return [];
    const ids = new Set(stored.facts.calls.filter((c) => c.fn === fn).map((c) => c.id));
    return stored.file.calls.filter((c) => ids.has(c.id) && !c.agent && c.role !== 'binding');
  }

  private requestIn(path: string, fn: string): DetectedCall | undefined {
    return this.requestsIn(path, fn)[0];
  }

  private holdsRequest(path: string, fn: string): boolean {
    return this.requestsIn(path, fn).length > 0;
  }
}

/** The key a table lookup reads: `model_info[model]["fn"]` → `model` (its local's value), `handlers.get(kind)` → `kind`. */
function dispatchKey(callee: Expr, locals: Readonly<Record<string, Expr>>, depth = 0): Expr | undefined {
  if (depth > 3) return undefined;
  const follow = (e: Expr): Expr => (e.k === 'name' && locals[e.v] ? locals[e.v] : e);
  if (callee.k === 'name' && locals[callee.v]) return dispatchKey(locals[callee.v], locals, depth + 1);
  if (callee.k === 'index') {
    if (callee.obj.k === 'lookup') return follow(callee.obj.key);
    // `model_info[llm_kwargs['llm_model']]["fn"]`, read as text: `name['field']` is the key.
    const m = callee.obj.k === 'unknown' ? /^\w+\[\s*(\w+)\[\s*["'](\w+)["']\s*\]\s*\]$/.exec(callee.obj.text) : null;
    if (m) return { k: 'index', obj: { k: 'name', v: m[1], line: callee.line }, key: m[2], line: callee.line };
  }
  if (callee.k === 'lookup') return follow(callee.key);
  if (callee.k === 'call' && callee.callee.k === 'member' && callee.callee.prop === 'get' && callee.args[0]) return follow(callee.args[0]);
  return undefined;
}

/** The field of a kwargs dict a key reads (`llm_kwargs['llm_model']` → `llm_model`), through one local. */
function keyField(key: Expr, fn: FunctionFact): string | undefined {
  const read = key.k === 'name' ? fn.locals[key.v] : key;
  return read?.k === 'index' ? read.key : undefined;
}

/** The dispatcher's parameter its input comes in by: the first argument (or an input keyword) when it names one. */
function inputParam(call: Extract<Expr, { k: 'call' }>, fn: FunctionFact): string | undefined {
  const first = call.args[0] ?? Object.entries(call.kw).find(([k]) => INPUT_KW.test(k))?.[1];
  return first?.k === 'name' && fn.params.some((p) => p.name === first.v) ? first.v : undefined;
}

/**
 * The caller's parameter a call into the layer passes on as the input, when it only passes one on: the argument
 * bound to the callee's input parameter is one of the caller's parameters, not rebuilt as a text in the caller
 * (`inputs = f"…{inputs}"`); a closure of the callee's own enclosing function passes its input on too.
 */
function forwarded(e: Edge, callee: FunctionFact, input: string, from: FunctionFact, all: readonly FunctionFact[]): string | undefined {
  const nested = all.filter((f) => f.name === callee.name).find((f) => from.line < f.line && f.endLine <= from.endLine);
  const target = nested ?? callee;
  const index = target.params.findIndex((p) => p.name === input);
  const arg = e.bound.kw[input] ?? (index >= 0 ? e.bound.args[index] : undefined);
  // A closure run by its own enclosing function (`executor.submit(_req_gpt, …)`) is that function's body: the
  // enclosing function passes on the parameter the closure's input is named after (`inputs` of `inputs_array`).
  if (nested && arg?.k === 'name') return from.params.find((p) => p.name === arg.v)?.name ?? from.params.find((p) => p.name.includes(arg.v))?.name ?? from.params[0]?.name;
  if (arg?.k !== 'name' || !from.params.some((p) => p.name === arg.v)) return undefined;
  const local = from.locals[arg.v];
  return !local || local.k === 'call' ? arg.v : undefined;
}

/** A closure: a function defined inside another of the file (judged with the function it is part of). */
function isNested(fn: FunctionFact, all: readonly FunctionFact[]): boolean {
  return all.some((f) => f !== fn && f.line < fn.line && fn.endLine <= f.endLine);
}

/** A call passing the function `name` itself as an argument, at any depth of nested calls. */
function passesName(call: Extract<Expr, { k: 'call' }>, name: string, depth: number): boolean {
  if (depth > 3) return false;
  return [...call.args, ...Object.values(call.kw)].some((a) => (a.k === 'name' && a.v === name) || (a.k === 'call' && passesName(a, name, depth + 1)));
}

function siteCall(sample: DetectedCall, line: number, callee: string): DetectedCall {
  const call: DetectedCall = {
    id: `c${line}.layer`,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    framework: sample.framework,
    callee,
    promptIds: [],
    tools: [],
    agent: false,
    inputPlaceholders: [],
    rule: 'py-request-layer',
  };
  return call;
}
