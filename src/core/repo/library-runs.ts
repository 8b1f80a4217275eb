/**
 * Python: requests sent through a well-known library object (library-objects.ts): `coder.run(prompt)` on an
 * aider `Coder`, `llm.complete(…)` on a LlamaIndex LLM. The call is the site, priced on the model the object
 * was built with; the builder (`Coder.create(main_model=Model(model))`) is a binding and sends nothing.
 *
 * The receiver is followed back to where its value is built, across functions and files: locals (the branch
 * the default configuration takes, where the assignments are conditional), parameters (what the bound or the
 * repository's callers pass), `self.x` attributes, module values and imports, and helpers returning the
 * object. It must end at a builder of the table imported from the library itself: a module of the repository
 * of the same name (the library's own source) is the repository's code, whose requests detection sees, and an
 * object of any other class with a method of that name (`subprocess.run`, a job's `run`) is no request.
 *
 * Built once per repository generation; only calls of the table's method names are looked at, each followed
 * a bounded number of hops.
 */
import type { DetectedCall } from '../detect/types';
import type { Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { exprText } from './extract';
import { closureOwner } from './closures';
import { classConstructions, type Construction } from './class-constructions';
import { looksLikeModel } from './model-flow';
import { qualifiedCallee } from './library-model-args';
import { heldValues, readsSessionState } from './held-values';
import { LIBRARY_METHODS, LIBRARY_OBJECTS, type LibraryObject } from './library-objects';
import { libraryOf, sendsConversation, takesModel } from './foreign-clients';
import { pickAssignment } from './branch-locals';
import { argAt, calledModel, foreignCall, orderedCallers, siteCall, withSelf, type CallExpr } from './library-sites';
import { PyDeclaredTypes } from './declared-types-py';
import { DECLARED_METHODS } from './library-surfaces';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';
import { attempt, type Bound, type CallerLookup, type Ctx } from './values';

export { orderedCallers } from './library-sites';

interface Built {
  /** The table's entry; absent for a model object matched by its own builder name (`only`). */
  readonly entry?: LibraryObject;
  readonly call: CallExpr;
  readonly ctx: Ctx;
}

interface LibrarySite {
  readonly call: DetectedCall;
  readonly built: Built;
  /** A client library the table does not know (foreign-clients.ts): the call's own model argument, where it is written. */
  readonly own?: { readonly model: Expr; readonly ctx: Ctx };
}

/** A call with a `model=` not on a table method: a request where its receiver is built by a foreign client. */
interface Pending {
  readonly expr: CallExpr;
  readonly ctx: Ctx;
}

/** Any builder imported from outside the repository. */
const ANY_BUILDER = /./;

const MAX_HOPS = 10;
const MAX_CALLERS = 8;
const MAX_SITES = 400;

export class LibraryRuns {
  private readonly byFile = new Map<string, LibrarySite[]>();
  private constructions?: ReadonlyMap<string, readonly Construction[]>;
  private readonly declared: PyDeclaredTypes;

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: Evaluator,
    private readonly callers: CallerLookup,
  ) {
    this.declared = new PyDeclaredTypes(store);
    let count = 0;
    const pending: Pending[] = [];
    for (const s of this.store.files()) {
      if (s.file.language !== 'python') continue;
      const taken = new Set(s.file.calls.map((c) => c.line));
      // The exclusive branches detection made alternatives of one of its sites (site-groups.ts): not sites again.
      const alternatives = new Set(s.file.calls.flatMap((c) => (c.alternatives ?? []).map((a) => a.line)));
      const sites: LibrarySite[] = [];
      const scopes: { fn?: FunctionFact; calls: FunctionFact['calls'] }[] = [{ calls: s.facts.moduleCalls }, ...[...s.functions.values()].map((fn) => ({ fn, calls: fn.calls }))];
      for (const { fn, calls } of scopes) {
        for (const c of calls) {
          if (c.expr.k !== 'call' || taken.has(c.line)) continue;
          // The object called itself (`self.llm(messages)`): its `__call__`.
          const called = calledModel(c.expr.callee) ? this.origin(withSelf(c.expr.callee), { path: s.file.path, fn }, 0) : undefined;
          if (called?.entry?.methods.test('__call__')) {
            taken.add(c.line);
            sites.push({ call: siteCall(c.expr, called.entry.library), built: called });
            if (++count >= MAX_SITES) break;
            continue;
          }
          if (c.expr.callee.k !== 'member') continue;
          const method = c.expr.callee.prop;
          // A method no library object or type sends with may still be a foreign client's, given a model.
          const objectMethod = LIBRARY_METHODS.test(method);
          if (!objectMethod && !DECLARED_METHODS.test(method)) {
            if (takesModel(c.expr)) pending.push({ expr: c.expr, ctx: { path: s.file.path, fn } });
            continue;
          }
          const receiver = withSelf(c.expr.callee.obj);
          const ctx: Ctx = { path: s.file.path, fn };
          const built = objectMethod ? this.origin(receiver, ctx, 0) : undefined;
          // Not followed to a builder (a registry getter, an injected object): what the receiver is declared as.
          const kind = built?.entry ? (built.entry.methods.test(method) ? built.entry : undefined) : built || alternatives.has(c.line) ? undefined : this.declared.requestType(receiver, ctx, method);
          if (!kind) {
            if (!objectMethod && takesModel(c.expr)) pending.push({ expr: c.expr, ctx });
            continue;
          }
          taken.add(c.line);
          sites.push({ call: { ...siteCall(c.expr, kind.library), ...(kind.kind ? { kind: kind.kind } : {}) }, built: built ?? { call: c.expr, ctx } });
          if (++count >= MAX_SITES) break;
        }
      }
      if (sites.length) this.byFile.set(s.file.path, sites);
      if (count >= MAX_SITES) break;
    }
    this.foreignClients(pending, MAX_SITES - count);
  }

  /**
   * Calls on objects of client libraries the table does not know (foreign-clients.ts): first those handing the
   * object a model and a conversation, which make its builder a request client; then the other methods of that
   * builder's objects given a model.
   */
  private foreignClients(pending: readonly Pending[], room: number): void {
    const clients = new Set<string>();
    const builderOf = (p: Pending): string | undefined => {
      if (p.expr.callee.k !== 'member') return undefined;
      const built = this.origin(withSelf(p.expr.callee.obj), p.ctx, 0, ANY_BUILDER);
      return built ? this.qualified(built.call.callee, built.ctx.path) : undefined;
    };
    const later: { p: Pending; builder: string }[] = [];
    const add = (p: Pending, builder: string): void => {
      const site: LibrarySite = { call: foreignCall(p.expr, libraryOf(builder)), built: { call: p.expr, ctx: p.ctx }, own: { model: p.expr.kw.model, ctx: p.ctx } };
      this.byFile.set(p.ctx.path, [...(this.byFile.get(p.ctx.path) ?? []), site]);
    };
    for (const p of pending) {
      if (room <= 0) return;
      const builder = builderOf(p);
      if (!builder) continue;
      if (!sendsConversation(p.expr)) {
        later.push({ p, builder });
        continue;
      }
      clients.add(builder);
      add(p, builder);
      room--;
    }
    for (const { p, builder } of later) {
      if (room-- <= 0) return;
      if (clients.has(builder)) add(p, builder);
    }
  }

  revealed(path: string): readonly DetectedCall[] {
    return (this.byFile.get(path) ?? []).map((s) => s.call);
  }

  /** The model the object was built with, under the default configuration. */
  modelOf(path: string, callId: string): ResolvedModel | undefined {
    const site = this.byFile.get(path)?.find((s) => s.call.id === callId);
    if (!site) return undefined;
    if (site.own) return this.ownModel(site.own.model, site.own.ctx, site.call);
    const { entry, call, ctx } = site.built;
    if (!entry) return undefined;
    let slot = argAt(call, entry.model);
    let slotCtx = ctx;
    if (slot && entry.model.via) {
      // The slot holds a model object of the library (`main_model=main_model`, built on a branch as `Model(model)`).
      const inner = this.origin(slot, ctx, 0, entry.model.via.builder);
      if (inner) [slot, slotCtx] = [argAt(inner.call, entry.model.via), inner.ctx];
      else if (slot.k !== 'str') slot = undefined;
      // Built without a model (`OpenAIEmbeddings()`): the class's own default.
      const cls = inner && !slot ? exprText(inner.call.callee).split('.').pop() ?? '' : '';
      const byDefault = entry.model.via.defaults?.[cls];
      if (byDefault) return { model: byDefault, source: { from: 'code', at: { path: inner!.ctx.path, line: inner!.call.line }, detail: `${cls}() built without a model: its default ${byDefault}` } };
    }
    if (!slot) return undefined;
    const v = attempt(() => this.evaluator.eval(slot!, slotCtx));
    if (v?.t !== 'str' || !looksLikeModel(v.v)) return undefined;
    return { model: v.v, source: { from: v.via === 'code' ? 'code' : v.via, at: v.at, detail: `${entry.library} ${exprText(call.callee)}(…) built at ${ctx.path}:${call.line}: ${exprText(slot)} → ${JSON.stringify(v.v)}` } };
  }

  /** The model a foreign client's call passes itself (`model=model`, followed to what the wrapper's callers pass). */
  private ownModel(model: Expr, ctx: Ctx, call: DetectedCall): ResolvedModel | undefined {
    const v = attempt(() => this.evaluator.eval(model, ctx));
    if (v?.t !== 'str' || !looksLikeModel(v.v)) return this.libraryConstant(model, ctx.path, call);
    return { model: v.v, source: { from: v.via === 'code' ? 'code' : v.via, at: v.at, detail: `${call.framework} ${call.callee}(…): ${exprText(model)} → ${JSON.stringify(v.v)}` } };
  }

  /**
   * A model constant of the client library itself (`model=WHISPER_1` with `from spice.models import WHISPER_1`):
   * its value is in the library, not the repository; such constants are the model's id in capitals, so the id
   * is the name in lower case with hyphens (`whisper-1`).
   */
  private libraryConstant(model: Expr, path: string, call: DetectedCall): ResolvedModel | undefined {
    if (model.k !== 'name' || !/^[A-Z][A-Z0-9_]*\d[A-Z0-9_]*$/.test(model.v)) return undefined;
    const imp = this.store.get(path)?.facts.imports.find((i) => i.local === model.v && i.name);
    if (!imp || libraryOf(imp.module) !== call.framework || this.store.modules.resolve(path, imp.module)) return undefined;
    const id = model.v.toLowerCase().replace(/_/g, '-');
    return looksLikeModel(id) ? { model: id, source: { from: 'code', at: { path, line: model.line }, detail: `${model.v} of ${imp.module} (the library's model constant) → ${JSON.stringify(id)}` } } : undefined;
  }

  /**
   * Where the value of `e` is built by a builder of the table (or, with `only`, by a builder of that qualified
   * name): the call and the context it is written in.
   */
  private origin(e: Expr, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    if (hops > MAX_HOPS) return undefined;
    const next = hops + 1;
    switch (e.k) {
      case 'call': {
        const fromHolder = this.held(e, ctx, next, only);
        if (fromHolder) return fromHolder;
        const name = this.qualified(e.callee, ctx.path);
        if (name) {
          if (only) return only.test(name) ? { call: e, ctx } : undefined;
          const entry = LIBRARY_OBJECTS.find((o) => o.builder.test(name));
          return entry ? { entry, call: e, ctx } : undefined;
        }
        // A helper of the repository returning the object.
        const callee = attempt(() => this.evaluator.eval(e.callee, ctx));
        if (callee?.t !== 'fn') return undefined;
        const bound: Bound = { args: e.args, kw: e.kw, ctx };
        for (const r of [callee.fn.returns, ...(callee.fn.moreReturns ?? [])]) {
          const hit = r ? this.origin(r, { path: callee.path, fn: callee.fn, bound }, next, only) : undefined;
          if (hit) return hit;
        }
        return undefined;
      }
      case 'or':
        return this.origin(e.left, ctx, next, only) ?? this.origin(e.right, ctx, next, only);
      case 'name':
        return this.name(e.v, ctx, next, only);
      case 'member':
        if (e.obj.k === 'name' && e.obj.v === 'self') return this.selfAttr(e.prop, ctx, next, only);
        // Streamlit's session state (`st.session_state.llm.complete(…)`); other fields are the attributes' (instanceAttr).
        return this.instanceAttr(e.obj, e.prop, ctx, next, only) ?? (readsSessionState(e) ? this.held(e, ctx, next, only) : undefined);
      case 'index':
        return this.held(e, ctx, next, only);
      default:
        return undefined;
    }
  }

  /** A holder read (Streamlit's session state, a field a construction passes, an item of a returned tuple): what was put there (held-values.ts). */
  private held(e: Expr, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    for (const h of heldValues(this.store, this.evaluator, e, ctx) ?? []) {
      const hit = this.origin(h.expr, h.ctx, hops + 1, only);
      if (hit) return hit;
    }
    return undefined;
  }

  private name(name: string, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    const fn = ctx.fn;
    if (fn) {
      const assigned = [fn.locals[name], ...(fn.moreLocals?.[name] ?? [])].filter((x): x is Expr => Boolean(x));
      if (assigned.length) {
        // Assigned on exclusive branches: the one the default configuration takes, else the first that leads somewhere.
        const picked = pickAssignment(fn, name, assigned, (x) => attempt(() => this.evaluator.eval(x, ctx)));
        for (const a of picked) {
          const hit = this.origin(a, ctx, hops, only);
          if (hit) return hit;
        }
        return undefined;
      }
      const index = fn.params.findIndex((p) => p.name === name);
      if (index >= 0) return this.param(fn, index, ctx, hops, only);
      const owner = closureOwner(this.store.get(ctx.path)?.functions ?? new Map(), fn, name);
      if (owner) return this.name(name, { path: ctx.path, fn: owner }, hops + 1, only);
    }
    return this.global(ctx.path, name, hops, only);
  }

  private param(fn: FunctionFact, index: number, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    const p = fn.params[index];
    const fromBound = (b: Bound): Built | undefined => {
      const arg = b.kw[p.name] ?? b.args[index];
      return arg ? this.origin(arg, b.ctx, hops + 1, only) : undefined;
    };
    if (ctx.bound) return fromBound(ctx.bound) ?? (p.default ? this.origin(p.default, ctx, hops + 1, only) : undefined);
    for (const b of orderedCallers(this.callers(ctx.path, fn.name), ctx.path).slice(0, MAX_CALLERS)) {
      const hit = fromBound(b);
      if (hit) return hit;
    }
    return p.default ? this.origin(p.default, ctx, hops + 1, only) : undefined;
  }

  private selfAttr(prop: string, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    const stored = this.store.get(ctx.path);
    const clsName = ctx.fn?.name.includes('.') ? ctx.fn.name.split('.')[0] : undefined;
    const cls = clsName ? stored?.classes.get(clsName) : undefined;
    const attr = cls?.attrs[prop];
    if (stored && cls && !attr && cls.attrTypes?.[prop]) return this.constructed(cls.name, prop, hops, only);
    if (!stored || !cls || !attr) return undefined;
    const at = { path: ctx.path, fn: attr.fn ? stored.functions.get(attr.fn) : undefined };
    for (const e of [attr.expr, ...(cls.moreAttrs?.[prop] ?? [])]) {
      const hit = this.origin(e, at, hops + 1, only);
      if (hit) return hit;
    }
    return undefined;
  }

  /** A field with no value in its class (`vectorstore: VectorStore`): what the repository's constructions pass for it. */
  private constructed(cls: string, prop: string, hops: number, only?: RegExp): Built | undefined {
    this.constructions ??= classConstructions(this.store);
    for (const c of this.constructions.get(cls) ?? []) {
      const arg = c.kw[prop];
      const hit = arg ? this.origin(arg, c.ctx, hops + 1, only) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }

  /**
   * An attribute of another object (`self.action_agent.llm`, `runner.agent.llm`): the object is evaluated to an
   * instance of a repository class, and the attribute is followed where that class sets it, with the instance's
   * constructor arguments bound (the builder's keywords decide the model, not the class's own defaults).
   */
  private instanceAttr(obj: Expr, prop: string, ctx: Ctx, hops: number, only?: RegExp): Built | undefined {
    const inst = attempt(() => this.evaluator.eval(obj, ctx));
    if (inst?.t !== 'inst') return undefined;
    const attr = inst.cls.attrs[prop];
    const stored = this.store.get(inst.path);
    if (!attr || !stored) return undefined;
    const at: Ctx = { path: inst.path, fn: attr.fn ? stored.functions.get(attr.fn) : undefined, self: inst };
    for (const e of [attr.expr, ...(inst.cls.moreAttrs?.[prop] ?? [])]) {
      const hit = this.origin(e, at, hops + 1, only);
      if (hit) return hit;
    }
    return undefined;
  }

  private global(path: string, name: string, hops: number, only?: RegExp): Built | undefined {
    const file = this.store.get(path);
    if (!file || hops > MAX_HOPS) return undefined;
    const value = file.facts.values[name];
    if (value) return this.origin(value, { path }, hops + 1, only);
    const imp = file.facts.imports.find((i) => i.local === name && i.name);
    const target = imp ? this.store.modules.resolve(path, imp.module) : undefined;
    return target ? this.global(target, imp!.name!, hops + 1, only) : undefined;
  }

  /** A callee's fully qualified name where its head is imported from outside the repository (library-model-args.ts). */
  private qualified(callee: Expr, path: string): string | undefined {
    return qualifiedCallee(this.store, path, callee);
  }
}

