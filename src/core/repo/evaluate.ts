/**
 * Following a value across the repository: names through local assignments, parameters (defaults, the arguments a
 * caller binds, else the callers'), module constants and imports (re-exports included), attributes of classes and
 * instances (`self.x`, pydantic/settings defaults, constructor keywords), dicts and registries keyed by name or by a
 * constant (keyed-tables.ts), helpers that return a value (a few hops), env defaults, configuration files, files
 * read at run time and Streamlit's session state (session-values.ts).
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import { keyLine } from './config-files';
import { fromUserDir } from './user-config';
import { clientField } from './model-flow';
import { readPicked } from './client-picks';
import { dotenvValue, repositoryFile } from './repo-files';
import { joinedPath } from './eval-args';
import { evalCall } from './eval-calls';
import { runConfigField } from './run-config';
import { fieldOf, spreadMember } from './spreads';
import { decide, evalInDefaultOrder } from './conditions';
import { plainConstant } from './plain-constants';
import type { RepoStore } from './store';
import { setterCalls, setterCtx, type Receiver } from './instance-setters';
import { parsedArgDefault } from './cli-options';
import { agreedArgument, passingCallers } from './passed-args';
import { closureOwner, closureParam } from './closures';
import { modelInstance } from './resolved-models';
import { fieldSetBefore, withFieldSet } from './caller-sets';
import { settingsMember } from './settings-objects';
import { entryAttr } from './py-setattr-attrs';
import { laterAttr, propertyValue, refinedFallback } from './value-methods';
import { enclosingMethod, entryFirst, firstOf, typeExpr, withVia, type Bound, type CallerLookup, type Ctx, type Inst, type Val } from './values';
import { boundOf, extraKeywords } from './bound-keywords';
import { keyedMember } from './keyed-tables';
import { sessionStateValue } from './session-values';

export type { Bound, CallerLookup, Ctx, Inst, Val, Via } from './values';

/**
 * How deep one evaluation follows. 17 (was 15): a store's model handed through a spread settings object, a local
 * factory, a hook's provider builder and a factory keyed on the provider (`{ ...await settingsFor(model) }` →
 * `createModel(model)` → `createModelProvider(model)` → `createAIProvider(options)`) needs two levels more; DocsGPT's
 * scan showed no measurable cost from them (it did from earlier levels: a few percent each).
 */
const MAX_DEPTH = 17;
const NO_FUNCTIONS: ReadonlyMap<string, FunctionFact> = new Map();
const SETTINGS = /(BaseSettings|BaseModel|Settings|Config|Configuration)$/;

export class Evaluator {
  private active = new Set<string>();

  constructor(
    readonly store: RepoStore,
    private readonly callers: CallerLookup,
  ) {}

  eval(e: Expr, ctx: Ctx, depth = 0): Val | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const d = depth + 1;
    switch (e.k) {
      case 'str':
        return { t: 'str', v: e.v, at: { path: ctx.path, line: e.line }, via: 'code' };
      case 'num':
        return { t: 'num', v: e.v, at: { path: ctx.path, line: e.line }, via: 'code' };
      case 'name':
        return this.name(e.v, ctx, d);
      case 'member':
      case 'index': {
        const key = e.k === 'member' ? e.prop : e.key;
        const obj = this.eval(e.obj, ctx, d);
        const option = obj || e.k !== 'member' ? undefined : parsedArgDefault(e, ctx.fn, this.store.get(ctx.path));
        return obj ? this.member(obj, key, d) : option ? this.eval(option, ctx, d) : (runConfigField(e, ctx.path) ?? sessionStateValue(this.store, e, ctx, (x, c) => this.eval(x, c, d + 1), (k, run) => this.once(k, run)));
      }
      case 'or': {
        const taken = e.test ? decide(e.test, ctx, { store: this.store, value: (x, c) => this.eval(x, c, d) }) : undefined; // the branch the default configuration takes
        if (taken !== undefined) return this.eval(taken ? e.left : e.right, ctx, d);
        return evalInDefaultOrder(e, (x) => this.eval(x, ctx, d)); // `flag ? 'special' : configured`: the default arm first (ternary-default.ts)
      }
      case 'lookup': {
        const key = this.eval(e.key, ctx, d);
        const obj = key?.t === 'str' || key?.t === 'num' ? this.eval(e.obj, ctx, d) : undefined;
        return obj && (key?.t === 'str' || key?.t === 'num') ? (this.member(obj, String(key.v), d) ?? keyedMember(obj, key.v, (x, c) => this.eval(x, c, d))) : undefined;
      }
      case 'env':
        return this.env(e.name, e.def, ctx, d);
      case 'dict':
        return { t: 'dict', entries: e.entries, ctx, ...(e.spreads ? { spreads: e.spreads } : {}), ...(e.keyed ? { keyed: e.keyed } : {}) };
      case 'list':
        return { t: 'list', items: e.items, ctx };
      case 'call':
        return evalCall(this, e, ctx, d);
      case 'read':
        return this.read(e.path, ctx, e.line, d);
      case 'path': {
        const p = this.pathOf(e, ctx, d);
        return p ? this.fileVal(p, ctx, e.line, fromUserDir(e)) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Guard against cycles (a value defined through itself across files). */
  once<T>(key: string, run: () => T | undefined): T | undefined {
    if (this.active.has(key)) return undefined;
    this.active.add(key);
    try {
      return run();
    } finally {
      this.active.delete(key);
    }
  }

  private name(name: string, ctx: Ctx, d: number): Val | undefined {
    if (name === 'cls' && ctx.fn?.name.includes('.')) {
      // A classmethod's `cls(**values)`: the class itself.
      const cls = this.store.get(ctx.path)?.classes.get(ctx.fn.name.split('.')[0]);
      if (cls) return { t: 'class', path: ctx.path, cls };
    }
    if ((name === 'self' || name === 'this') && ctx.fn) {
      if (ctx.self) return ctx.self;
      // A closure inside a method (`def wrapper(): self._completion(…)`) sees the method's `self`.
      const method = ctx.fn.name.includes('.') ? ctx.fn : enclosingMethod(this.store.get(ctx.path)?.functions.values() ?? [], ctx.fn);
      const cls = method ? this.store.get(ctx.path)?.classes.get(method.name.split('.')[0]) : undefined;
      if (cls) return { t: 'inst', path: ctx.path, cls, args: [], kw: {} };
    }
    const fn = ctx.fn;
    if (fn) {
      // A parameter the body fills in when nothing is passed: its assignments are the fallback (param()), not locals.
      const local = fn.params.some((p) => p.name === name && p.fallback) ? undefined : fn.locals[name];
      if (local) {
        const v = this.once(`l:${ctx.path}:${fn.name}:${name}`, () => this.eval(local, ctx, d));
        if (v?.t === 'inst' && local.k === 'call' && v.ctx === ctx) return { ...v, recv: { name, path: ctx.path, fn } };
        if (v) return v;
        // Assigned again on other branches (`if x: model = x` / `else: model = cfg.get("model", "…")`): the first that resolves.
        for (const [i, more] of (fn.moreLocals?.[name] ?? []).entries()) {
          const w = this.once(`l${i + 1}:${ctx.path}:${fn.name}:${name}`, () => this.eval(more, ctx, d));
          if (w) return w;
        }
      }
      const index = fn.params.findIndex((p) => p.name === name);
      if (index >= 0) return this.param(fn, index, ctx, d);
      if (name === fn.kwargs) return extraKeywords(fn, boundOf(fn, ctx)) ?? (ctx.sentBody ? this.passedKeywords(fn, ctx) : undefined);
      // A request's forwarded `**kwargs` (forwarded-kwargs.ts): with no call bound, what the first caller passing keywords forwards.
      if (name === `**${fn.kwargs}`) return extraKeywords(fn, boundOf(fn, ctx) ?? entryFirst(this.callers(ctx.path, fn.name), ctx.path).find((b) => Object.keys(b.kw).length > 0));
      // A closure's free name: bound by the function it is written in (closures.ts).
      const owner = closureOwner(this.store.get(ctx.path)?.functions ?? NO_FUNCTIONS, fn, name);
      if (owner) return this.name(name, { path: ctx.path, fn: owner, ...(ctx.self ? { self: ctx.self } : {}) }, d);
      // A closure factory's parameter: what the factory's callers agree on passing (passed-args.ts).
      const factory = closureParam(this.store.get(ctx.path)?.functions ?? NO_FUNCTIONS, fn, name);
      if (factory) return this.factoryArg(factory.owner, factory.index, ctx.path, d);
    }
    return this.global(ctx.path, name, d);
  }

  /** A parameter: what the bound caller passes, else its default, else what the repository's callers pass. */
  private param(fn: FunctionFact, index: number, ctx: Ctx, d: number): Val | undefined {
    const p = fn.params[index];
    const bound = boundOf(fn, ctx);
    const fromBound = (b: Bound): Val | undefined => this.boundArg(fn, index, b, d);
    if (bound) {
      const v = fromBound(bound);
      if (v) return v;
    }
    if (p.fallback) {
      // `cfg = cfg or config.llm` then `cfg = cfg.get(name, cfg["default"])`: the refined value.
      const refined = refinedFallback(fn, p.name, p.fallback, (e) => this.once(`f+:${ctx.path}:${fn.name}:${p.name}`, () => this.eval(e, ctx, d)));
      if (refined) return refined;
      const v = this.once(`f:${ctx.path}:${fn.name}:${p.name}`, () => this.eval(p.fallback!, ctx, d));
      if (v) return v;
    }
    // What the application passes beats the default when only fallbacks omit it (passed-args.ts).
    const passing = !bound && p.default ? passingCallers(this.store, fn, index, this.callers(ctx.path, fn.name)) : undefined;
    const passed = passing && this.once(`a:${ctx.path}:${fn.name}:${p.name}`, () => firstOf(entryFirst(passing, ctx.path).slice(0, 8), fromBound));
    if (passed) return passed;
    if (p.default) {
      const v = this.eval(p.default, ctx, d);
      if (v) return v;
    }
    if (bound) return undefined;
    return this.once(`p:${ctx.path}:${fn.name}:${p.name}`, () => {
      for (const b of entryFirst(this.callers(ctx.path, fn.name), ctx.path).slice(0, 8)) {
        const v = fromBound(b);
        if (v) return v;
      }
      // `config: LLMConfig` that no caller's argument can be followed to: the class with its defaults.
      const cls = p.type ? this.eval(typeExpr(p.type, fn.line), ctx, d) : undefined;
      return cls?.t === 'class' ? { t: 'inst', path: cls.path, cls: cls.cls, args: [], kw: {} } : undefined;
    });
  }

  /** `**kwargs` of a helper sending the body it is given, read with no call bound: what the first caller passing keywords passes. */
  private passedKeywords(fn: FunctionFact, ctx: Ctx): Val | undefined {
    return this.once(`k:${ctx.path}:${fn.name}`, () => {
      for (const b of entryFirst(this.callers(ctx.path, fn.name), ctx.path).slice(0, 8)) {
        // `super().send(**kwargs)` taken for a call of itself passes on the very keywords asked for: nothing learned.
        if (b.ctx.path === ctx.path && b.ctx.fn?.name === fn.name) continue;
        const v = extraKeywords(fn, b);
        if (v?.t === 'dict' && (Object.keys(v.entries).length || v.spreads?.length)) return v;
      }
      return undefined;
    });
  }

  /** The argument a caller binds to parameter `index` of `fn` (by keyword, position, dict field or `**kwargs`). */
  private boundArg(fn: FunctionFact, index: number, b: Bound, d: number): Val | undefined {
    const p = fn.params[index];
    let arg: Expr | undefined;
    if (p.fromObject !== undefined) {
      const obj = b.args[p.fromObject];
      arg = obj?.k === 'dict' ? obj.entries[p.name] : undefined;
      // `createProvider(options)`, `f({ ...base })`: the field of the object as evaluated, where the literal does not write it.
      if (!arg && obj) return this.once(`o:${b.ctx.path}:${obj.line}:${p.name}`, () => fieldOf(this.eval(obj, b.ctx, d), p.name, (v, k) => this.member(v, k, d)));
    } else arg = b.kw[p.name] ?? b.args[fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length];
    if (!arg) return this.splatted(b.kw, p.name, b.ctx, d);
    const set = fieldSetBefore(b.ctx.fn, arg, b.line);
    return set ? withFieldSet(this.eval(arg, b.ctx, d), set, this.eval(set.value, b.ctx, d)) : this.eval(arg, b.ctx, d);
  }

  /** A closure factory's parameter read from inside the closure: the argument the factory's callers agree on. */
  private factoryArg(fn: FunctionFact, index: number, path: string, d: number): Val | undefined {
    const modelKey = (v: Val): string | undefined => {
      const m = modelInstance(this, v);
      return m?.t === 'str' ? m.v : undefined;
    };
    return this.once(`c:${path}:${fn.name}:${fn.params[index].name}`, () => agreedArgument(this.callers(path, fn.name), (b) => this.boundArg(fn, index, b, d), modelKey));
  }

  /** A module-level name of a file: constant, function, class, or import. */
  global(path: string, name: string, d: number): Val | undefined {
    const file = this.store.get(path);
    // A module detection did not analyse (no mention of models) still holds constants.
    if (!file) return plainConstant(this.store, path, name);
    const value = file.facts.values[name];
    if (value) {
      const v = this.once(`g:${path}:${name}`, () => this.eval(value, { path }, d));
      if (v) return v;
    }
    const fn = file.functions.get(name);
    if (fn) return { t: 'fn', path, fn };
    const cls = file.classes.get(name);
    if (cls) return { t: 'class', path, cls };
    const imp = file.facts.imports.find((i) => i.local === name) ?? file.facts.lateImports?.find((i) => i.local === name);
    if (!imp) return name.startsWith('_') ? undefined : this.starImport(path, name, d);
    return this.once(`i:${path}:${name}`, () => {
      const target = this.store.modules.resolve(path, imp.module);
      if (target && !this.store.get(target)) return (imp.name !== undefined ? plainConstant(this.store, target, imp.name) : undefined) ?? this.fileVal(target, { path }, imp.line);
      if (imp.name === undefined) return target ? { t: 'module', path: target } : undefined;
      if (target) {
        const v = this.global(target, imp.name, d + 1);
        if (v) return v;
      }
      // `from pkg import submodule`
      const sub = this.store.modules.resolve(path, /\.pyi?$/.test(path) ? `${imp.module}${imp.module.endsWith('.') ? '' : '.'}${imp.name}` : `${imp.module}/${imp.name}`);
      return sub ? { t: 'module', path: sub } : undefined;
    });
  }

  /** A name brought in by `from pkg import *` (package `__init__` re-exports). */
  private starImport(path: string, name: string, d: number): Val | undefined {
    for (const imp of this.store.get(path)?.facts.imports ?? []) {
      if (imp.local !== '*') continue;
      const target = this.store.modules.resolve(path, imp.module);
      const v = target ? this.once(`*:${target}:${name}`, () => this.global(target, name, d + 1)) : undefined;
      if (v) return v;
    }
    return undefined;
  }

  member(obj: Val, key: string, d: number): Val | undefined {
    // A property read as a value (`config.llm["default"]`): what its getter returns.
    if (obj.t === 'fn') obj = propertyValue(obj, (r, c) => this.eval(r, c, d)) ?? obj;
    switch (obj.t) {
      case 'module':
        return this.global(obj.path, key, d);
      case 'dict': {
        const e = obj.entries[key];
        // A key not written in the literal: the objects spread into it, the last one first (`{ ...defaults, ...overrides }`).
        const v = e ? this.eval(e, obj.ctx, d) : spreadMember(obj, key, (x) => this.eval(x, obj.ctx, d), (o) => this.member(o, key, d));
        return v && obj.via ? withVia(v, obj.via) : v;
      }
      case 'cfg': {
        const data = obj.data as Record<string, unknown> | undefined;
        const v = data && typeof data === 'object' ? data[key] : undefined;
        if (v === undefined || v === null) return undefined;
        const at = { path: obj.doc.path, line: keyLine(obj.doc, key) };
        if (typeof v === 'string') return { t: 'str', v, at, via: 'config' };
        if (typeof v === 'number') return { t: 'num', v, at, via: 'config' };
        return { t: 'cfg', data: v, doc: obj.doc, key };
      }
      case 'settings':
        return settingsMember(obj, key);
      case 'list': {
        const item = /^\d+$/.test(key) ? obj.items[Number(key)] : undefined;
        return item ? this.eval(item, obj.ctx, d) : undefined;
      }
      case 'inst':
      case 'class':
        return this.attr(obj, key, d);
      case 'client':
        return readPicked(obj, key) ?? clientField(obj, key);
      default:
        return undefined;
    }
  }

  /** An attribute of a class or instance: a constructor keyword, a field default or `self.x = …`, a method, or the base classes'. */
  private attr(obj: Inst | { t: 'class'; path: string; cls: ClassFact }, key: string, d: number, seen = 0): Val | undefined {
    const { cls, path } = obj;
    const settings = SETTINGS.test(cls.name) || cls.bases.some((b) => SETTINGS.test(b));
    const mark = (v: Val | undefined): Val | undefined => (v && settings ? withVia(v, 'config') : v);
    if (obj.t === 'inst' && obj.sets?.[key]) return obj.sets[key];
    if (obj.t === 'inst' && obj.ctx && obj.kw[key]) {
      const v = this.eval(obj.kw[key], obj.ctx, d);
      if (v) return v;
    } else if (obj.t === 'inst' && obj.ctx) {
      const v = this.splatted(obj.kw, key, obj.ctx, d);
      if (v) return v;
    }
    const inst: Inst = obj.t === 'inst' ? obj : { t: 'inst', path, cls, args: [], kw: {} };
    if (inst.recv) {
      const v = this.setByCall(inst, inst.recv, key, d);
      if (v) return mark(v);
    }
    const attr = cls.attrs[key];
    if (attr) {
      const fn = attr.fn ? this.store.get(path)?.functions.get(attr.fn) : undefined;
      const v = this.once(`a:${path}:${cls.name}:${key}`, () => this.eval(attr.expr, { path, fn, self: inst }, d));
      if (v) return mark(v);
      // `self._config = None` in the constructor, the value set by a loader method later (facts.ts moreAttrs).
      const later = laterAttr(this.store.get(path)?.functions, cls, key, (e, f) => this.once(`a+:${path}:${cls.name}:${key}:${e.line}`, () => this.eval(e, { path, fn: f, self: inst }, d)));
      if (later) return mark(later);
    }
    const method = this.store.get(path)?.functions.get(`${cls.name}.${key}`);
    if (method) return { t: 'fn', path, fn: method, self: inst };
    // `setattr(self, key.lower(), value)` over a dict's items: that dict's entry (py-setattr-attrs.ts).
    const spread = cls.attrs['**'];
    const fromDict = spread && key !== '**' ? this.once(`a*:${path}:${cls.name}:${key}`, () => entryAttr(this.eval(spread.expr, { path, fn: spread.fn ? this.store.get(path)?.functions.get(spread.fn) : undefined, self: inst }, d), key, (x, v) => this.eval(x, v.ctx, d))) : undefined;
    if (fromDict) return mark(fromDict);
    if (seen > 4) return undefined;
    for (const base of cls.bases) {
      const b = this.global(path, base.replace(/\[.*$/, ''), d);
      if (b?.t === 'class') {
        const v = this.attr({ ...inst, path: b.path, cls: b.cls }, key, d, seen + 1);
        if (v) return mark(v);
      }
    }
    return this.declaredType(cls, path, key, d);
  }

  /** A field declared with its type and no value to follow anywhere (`config: Config = attr.field()`): that type, with its defaults. */
  private declaredType(cls: ClassFact, path: string, key: string, d: number): Val | undefined {
    const declared = cls.attrTypes?.[key]?.replace(/^Optional\[(.*)\]$|\s*\|\s*None$/, '$1');
    if (!declared || !/^[\w.]+$/.test(declared)) return undefined;
    const c = this.once(`t:${path}:${cls.name}:${key}`, () => this.eval(typeExpr(declared, cls.line), { path }, d));
    return c?.t === 'class' ? { t: 'inst', path: c.path, cls: c.cls, args: [], kw: {} } : undefined;
  }

  /** A keyword passed inside a splatted dict (`Model(**kwargs)` with `kwargs = {"model": …}`). */
  splatted(kw: Readonly<Record<string, Expr>>, key: string, ctx: Ctx, d: number): Val | undefined {
    const splat = kw['**'];
    if (!splat || key === '**') return undefined;
    const dict = this.once(`**:${ctx.path}:${splat.line}:${key}`, () => this.eval(splat, ctx, d));
    return dict?.t === 'dict' ? this.member(dict, key, d) : undefined;
  }

  /** What the last method call on the instance that sets `key` put there (`configs.set_lm(Model(…))`). */
  private setByCall(inst: Inst, recv: Receiver, key: string, d: number): Val | undefined {
    const functions = this.store.get(inst.path)?.functions;
    const calls = setterCalls(inst.cls, key, recv, (name) => functions?.get(name));
    // The latest call decides; the ones it overrode are not a fallback (that would be a guess).
    const last = calls[0];
    if (!last) return undefined;
    const self: Inst = { ...inst, recv: undefined };
    return this.once(`s:${recv.path}:${last.at.line}:${key}`, () => this.eval(last.expr, setterCtx(last, inst.path, recv, self), d));
  }

  private env(name: string, def: Expr | undefined, ctx: Ctx, d: number): Val | undefined {
    if (def) {
      const v = this.eval(def, ctx, d);
      if (v && (v.t === 'str' || v.t === 'num')) return { ...v, via: 'env-default', detail: `env ${name}, default` };
      if (v) return v;
    }
    return dotenvValue(this.store, name);
  }

  read(pathExpr: Expr, ctx: Ctx, line: number, d: number): Val | undefined {
    const direct = this.eval(pathExpr, ctx, d);
    if (direct?.t === 'file' || direct?.t === 'cfg') return direct;
    const p = direct?.t === 'str' ? direct.v : this.pathOf(pathExpr, ctx, d);
    return p ? this.fileVal(p, ctx, line) : undefined;
  }

  private pathOf(e: Expr, ctx: Ctx, d: number): string | undefined {
    return joinedPath(e, (x) => (d < MAX_DEPTH ? this.eval(x, ctx, d + 1) : undefined));
  }

  private fileVal(p: string, ctx: Ctx, line: number, userDir = false): Val | undefined {
    return repositoryFile(this.store, p, { path: ctx.path, line }, userDir);
  }
}
