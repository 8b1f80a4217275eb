/**
 * The repository's call graph: which of its own functions, methods and constructors
 * each call reaches (resolved through imports, `self`, instances and modules; a
 * method name unique to one or two classes as a last resort). Built lazily, once
 * per repository generation.
 */
import type { CalleeFact, ClassFact, Expr, FunctionFact } from './facts';
import type { Bound, Evaluator } from './evaluate';
import { callableParamEdges } from './callable-params';
import { heldCallableEdges } from './held-callables';
import { closureOwner, enclosingFunction } from './closures';
import { Dispatch } from './dispatch';
import { BARE_BUILTINS } from './extract-shared';
import { withPassedCalls } from './passed-callables';
import { paramCall, resolveParamCalls, type ParamCall } from './late-edges';
import { selfStubTargets } from './self-dispatch';
import { routeEdges, routeIndex } from './route-callers';
import type { RepoStore, StoredFile } from './store';

export interface Edge {
  readonly path: string;
  /** Calling function; undefined at module level. */
  readonly from?: string;
  readonly line: number;
  readonly callee: string;
  readonly bound: Bound;
  readonly target: { readonly path: string; readonly fn: string };
  /** The call runs only on some runs of its function (CalleeFact.branch). */
  readonly branch?: boolean;
  /** The call as written when it runs the function through a method of it (CalleeFact.writtenAs). */
  readonly writtenAs?: string;
}

const COMMON = new Set(['get', 'set', 'run', 'call', 'append', 'update', 'format', 'items', 'keys', 'values', 'join', 'split', 'strip', 'close', 'open', 'read', 'write', 'send', 'start', 'stop', 'copy', 'load', 'dump', 'dumps', 'loads', 'print', 'info', 'debug', 'error', 'warning', 'main', 'init', 'reset', 'add', 'pop', 'push', 'map', 'filter', 'then', 'catch', 'log']);

export class CallGraph {
  private byFrom?: Map<string, Edge[]>;
  private byTarget?: Map<string, Edge[]>;
  private building = false;
  /** Each file's outgoing edges, with the stored version they were built from: only changed files (and their callers) are redone. */
  private readonly perFile = new Map<string, { readonly stored: StoredFile; readonly edges: Edge[]; readonly paramCalls: ParamCall[] }>();
  /**
   * Each file's edges through parameters (late-edges.ts), with the stored version they were found from. An edit
   * redoes them only for the files whose base edges were redone and the files those call or reach: the others'
   * parameters get their values from callers that did not change. (Resolving every file's on each keystroke was
   * most of a warm re-analysis.)
   */
  private readonly lateByFile = new Map<string, { readonly stored: StoredFile; readonly edges: Edge[] }>();
  /** Files whose base edges the last refresh redid. */
  private redone = new Set<string>();

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: () => Evaluator,
  ) {}

  invalidate(): void {
    this.byFrom = undefined;
    this.byTarget = undefined;
  }

  /** Calls into `path`'s function `fn` (`Class.__init__` for constructors). */
  callers(path: string, fn: string): readonly Edge[] {
    if (this.building) return [];
    this.build();
    return this.byTarget!.get(`${path}#${fn}`) ?? [];
  }

  /** Edges out of a function (undefined: module-level code). */
  outgoing(path: string, fn: string | undefined): readonly Edge[] {
    if (this.building) return [];
    this.build();
    return this.byFrom!.get(`${path}#${fn ?? ''}`) ?? [];
  }

  private build(): void {
    if (this.byFrom) return;
    this.building = true;
    try {
      this.refreshFiles();
    } finally {
      this.building = false;
    }
    const byFrom = new Map<string, Edge[]>();
    const byTarget = new Map<string, Edge[]>();
    for (const { edges } of this.perFile.values()) {
      for (const edge of edges) {
        push(byFrom, `${edge.path}#${edge.from ?? ''}`, edge);
        push(byTarget, `${edge.target.path}#${edge.target.fn}`, edge);
      }
    }
    this.byFrom = byFrom;
    this.byTarget = byTarget;
    this.addParamEdges();
    // `fetch('/api/x', …)` runs the handler of the app's own route (route-callers.ts).
    for (const edge of routeEdges(this.store, routeIndex(this.store))) this.addEdge(edge);
    // `send_inference(partial(self._run, …))` then `await f(model)` in the helper: the function passed runs there,
    // bound to the helper's arguments (callable-params.ts); loops reach its requests through that edge.
    const ev = this.evaluator();
    for (const edge of callableParamEdges(this.store, ev, new Dispatch(this.store, ev), (p, fn) => this.callers(p, fn))) this.addEdge(edge);
    // `self.execute_node_func(node)`, the callable a constructor stored, runs what its callers passed (held-callables.ts).
    for (const edge of heldCallableEdges(this.store, ev, new Dispatch(this.store, ev), (p, fn) => this.callers(p, fn))) this.addEdge(edge);
  }

  /**
   * Calls through a parameter's attributes (late-edges.ts): resolved with the callers the edges above give,
   * in up to two rounds (a round's edges can give the next round's parameters their callers).
   */
  private addParamEdges(): void {
    const dirty = this.lateDirty();
    let pending: ParamCall[] = [];
    for (const [path, { stored, paramCalls }] of this.perFile) {
      const cached = this.lateByFile.get(path);
      if (!dirty.has(path) && cached?.stored === stored) {
        for (const edge of cached.edges) this.addEdge(edge);
        continue;
      }
      this.lateByFile.set(path, { stored, edges: [] });
      pending.push(...paramCalls);
    }
    for (const path of [...this.lateByFile.keys()]) if (!this.perFile.has(path)) this.lateByFile.delete(path);
    for (let round = 0; round < 2 && pending.length; round++) {
      const ev = this.evaluator();
      const found = resolveParamCalls(pending, ev, new Dispatch(this.store, ev));
      if (!found.length) return;
      const done = new Set<ParamCall>();
      for (const { call, target } of found) {
        const c = call.fact;
        if (c.expr.k !== 'call') continue;
        const edge: Edge = { path: call.path, from: call.fn.name, line: c.line, callee: c.callee, bound: { args: c.expr.args, kw: c.expr.kw, ctx: { path: call.path, fn: call.fn } }, target, ...(c.branch ? { branch: true } : {}) };
        this.addEdge(edge);
        this.lateByFile.get(call.path)?.edges.push(edge);
        done.add(call);
      }
      pending = pending.filter((c) => !done.has(c));
    }
  }

  private addEdge(edge: Edge): void {
    push(this.byFrom!, `${edge.path}#${edge.from ?? ''}`, edge);
    push(this.byTarget!, `${edge.target.path}#${edge.target.fn}`, edge);
  }

  /**
   * Files whose parameter edges are redone: those whose base edges were, the files they call (their parameters'
   * values come from those calls), and the files whose parameter edges reached one of them.
   */
  private lateDirty(): Set<string> {
    const dirty = new Set(this.redone);
    for (const path of this.redone) for (const e of this.perFile.get(path)?.edges ?? []) dirty.add(e.target.path);
    for (const [path, { edges }] of this.lateByFile) if (edges.some((e) => this.redone.has(e.target.path))) dirty.add(path);
    return dirty;
  }

  /** Rebuilds the edges of files that changed, and of the files whose calls reached them. */
  private refreshFiles(): void {
    this.redone = new Set();
    const current = new Map<string, StoredFile>();
    for (const f of this.store.files()) current.set(f.file.path, f);
    const added = [...current.keys()].some((p) => !this.perFile.has(p));
    const removed = [...this.perFile.keys()].some((p) => !current.has(p));
    // A new or deleted file can change what any import resolves to: everything is redone.
    if (added || removed) this.perFile.clear();
    const changed = new Set<string>();
    for (const [path, entry] of this.perFile) if (current.get(path) !== entry.stored) changed.add(path);
    if (changed.size) {
      for (const [path, entry] of this.perFile) if (entry.edges.some((e) => changed.has(e.target.path))) changed.add(path);
      for (const path of changed) this.perFile.delete(path);
    }
    if ([...current.keys()].every((p) => this.perFile.has(p))) return;
    const names = new Set<string>();
    const attrNames = new Set<string>();
    const methods = new Map<string, { path: string; fn: string }[]>();
    const seen = new Set<string>();
    for (const f of current.values()) {
      for (const fn of f.facts.functions) {
        const short = fn.name.slice(fn.name.lastIndexOf('.') + 1);
        names.add(short);
        // One method written several times under one name (`@overload` signatures, then the body) is one candidate.
        const key = `${f.file.path}#${fn.name}`;
        if (fn.name.includes('.') && !seen.has(key)) push(methods, short, { path: f.file.path, fn: fn.name });
        seen.add(key);
      }
      // Attributes too: calling one that holds an instance (`self.writer(…)`) runs its `__call__`/`forward`.
      for (const c of f.facts.classes) {
        names.add(c.name);
        for (const a of Object.keys(c.attrs)) attrNames.add(a);
      }
    }
    // A function imported under another name (`from .openai_backend import stream as stream_openai`) is called by that name.
    for (const f of current.values()) for (const imp of f.facts.imports) if (imp.name && imp.local !== imp.name && names.has(imp.name)) names.add(imp.local);
    const ev = this.evaluator();
    const dispatch = new Dispatch(this.store, ev);
    for (const [path, f] of current) {
      if (this.perFile.has(path)) continue;
      const edges: Edge[] = [];
      const paramCalls: ParamCall[] = [];
      const add = (from: FunctionFact | undefined, calls: readonly CalleeFact[]): void => {
        for (const c of withPassedCalls(calls)) {
          const short = c.callee.slice(c.callee.lastIndexOf('.') + 1);
          // `tool_class = pick_tool(name)` then `tool_class(model)`: a local holding what a repository function returns.
          const local = c.expr.k === 'call' && !c.callee.includes('.') && from ? heldByLocal(closureOwner(f.functions, from, short) ?? from, short, names) : false;
          if (c.expr.k !== 'call' || !(names.has(short) || attrNames.has(short) || local)) continue;
          const param = paramCall(path, from, c);
          if (!names.has(short) && !SELF_ATTR.test(c.callee) && !param && !local) continue;
          const call = c.expr;
          const ctx = { path, fn: from };
          const before = edges.length;
          for (const target of this.targets(ev, dispatch, call.callee, c, ctx, short, methods, attrNames)) {
            edges.push({ path, from: from?.name, line: c.line, callee: c.callee, bound: { args: call.args, kw: call.kw, ctx }, target, ...(c.branch ? { branch: true } : {}), ...(c.writtenAs ? { writtenAs: c.writtenAs } : {}) });
          }
          // Through a parameter: what it holds comes from the callers, known once the first edges are built.
          if (edges.length === before && param) paramCalls.push(param);
        }
      };
      add(undefined, f.facts.moduleCalls);
      for (const fn of f.facts.functions) add(fn, fn.calls);
      this.perFile.set(path, { stored: f, edges, paramCalls });
      this.redone.add(path);
    }
  }

  private targets(ev: Evaluator, dispatch: Dispatch, callee: Expr, fact: CalleeFact, ctx: { path: string; fn?: FunctionFact }, short: string, methods: ReadonlyMap<string, { path: string; fn: string }[]>, attrNames: ReadonlySet<string>): { path: string; fn: string }[] {
    callee = revived(callee);
    // A function written inside the caller and called by its name (`asyncio.create_task(_run_and_close())`): that def.
    const functions = ctx.fn && callee.k === 'name' ? this.store.get(ctx.path)?.functions : undefined;
    const nested = functions?.get(callee.k === 'name' ? callee.v : '');
    if (functions && nested && enclosingFunction(functions, nested) === ctx.fn) return [{ path: ctx.path, fn: nested.name }];
    let v;
    try {
      v = ev.eval(callee, ctx);
    } catch {
      v = undefined;
    }
    if (v?.t === 'fn') return selfStubTargets(this.store, dispatch, callee, { path: v.path, fn: v.fn.name });
    if (v?.t === 'class') {
      const file = this.store.get(v.path);
      if (file?.functions.has(`${v.cls.name}.__init__`)) return [{ path: v.path, fn: `${v.cls.name}.__init__` }];
      // No constructor of its own: the one it inherits runs (`class Code(Tool)` built as `Code(model, lang)`).
      const inherited = inheritedInit(ev, this.store, v.path, v.cls);
      return [inherited ?? { path: v.path, fn: `${v.cls.name}.constructor` }];
    }
    if (v?.t === 'inst') return dispatch.callable({ path: v.path, cls: v.cls });
    // A method call through an object: the classes it is typed or built as, with their subclasses' overrides.
    // Expressions are kept a few levels deep: a long receiver chain (`self.model.query`) is rebuilt from its text.
    const full = callee.k === 'member' && rootIsUnknown(callee) && DOTTED.test(fact.callee) ? dottedExpr(fact.callee, fact.line) : callee;
    // A name one or two classes define is taken as theirs (cheap); a commoner one needs the receiver's type.
    const candidates = methods.get(short) ?? [];
    // A method named like a builtin function (`ai.next(…)`) is as common a name as `send`.
    const common = COMMON.has(short) || BARE_BUILTINS.has(short);
    // `self._client.chat.completions.create(…)`: a receiver reached through an attribute no repository class sets is
    // a library's namespace object (an SDK client's), not one of the classes defining a method of that name.
    const foreign = full.k === 'member' && full.obj.k === 'member' && !attrNames.has(full.obj.prop);
    const unique = callee.k === 'member' && !common && !foreign && short.length >= 4 && candidates.length > 0 && candidates.length <= 2;
    if (unique) return candidates;
    // A common name (`send`, `run`) only on an attribute of the object itself or a typed parameter: its class is written down.
    return full.k === 'member' && candidates.length && (!common || typedHolder(full.obj, ctx.fn)) ? dispatch.methodsOn(full.obj, full.prop, ctx) : [];
  }
}

const SELF_ATTR = /^(self|this)\.[\w$]+$/;

/**
 * Whether `name` is a local of `fn` assigned the result of a repository function (a class it picks), or of
 * calling such a local (`client_class = pick(p)`, `client = client_class(cfg)`: an instance of what it picked).
 */
function heldByLocal(fn: FunctionFact, name: string, names: ReadonlySet<string>, depth = 0): boolean {
  const value = fn.locals[name];
  if (value?.k !== 'call') return false;
  const short = value.text.slice(value.text.lastIndexOf('.') + 1);
  return names.has(short) || (depth < 2 && !value.text.includes('.') && short !== name && heldByLocal(fn, short, names, depth + 1));
}

/** The nearest base class's `__init__` (a few levels up), for a Python class that defines none. */
function inheritedInit(ev: Evaluator, store: RepoStore, path: string, cls: ClassFact, depth = 0): { path: string; fn: string } | undefined {
  if (depth > 3) return undefined;
  for (const base of cls.bases) {
    let b;
    try {
      b = ev.global(path, base.replace(/\[.*$/, ''), 0);
    } catch {
      b = undefined;
    }
    if (b?.t !== 'class') continue;
    if (store.get(b.path)?.functions.has(`${b.cls.name}.__init__`)) return { path: b.path, fn: `${b.cls.name}.__init__` };
    const up = inheritedInit(ev, store, b.path, b.cls, depth + 1);
    if (up) return up;
  }
  return undefined;
}
const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){1,5}$/;

/** `self.model` / `this.model`, or a parameter with a class annotation: a receiver whose class the code names. */
function typedHolder(e: Expr, fn: FunctionFact | undefined): boolean {
  if (e.k === 'member') return e.obj.k === 'name' && /^(self|this)$/.test(e.obj.v);
  // A typed parameter, or a local built by a call (`agent = self.create_agent(r)`): dispatch reads its classes
  // from the constructor or the factory's return annotation, and finds nothing where neither is written.
  return e.k === 'name' && Boolean(fn?.params.some((p) => p.name === e.v && p.type) || fn?.locals[e.v]?.k === 'call');
}

/**
 * The receiver chain with the names that were cut off for depth put back: `LLM(model_id=m).inference` keeps the
 * constructor's name only as text (`unknown` "LLM"), which is a plain name again here.
 */
function revived(e: Expr): Expr {
  if (e.k === 'member' && e.obj.k === 'call' && e.obj.callee.k === 'unknown' && NAME_CHAIN.test(e.obj.callee.text)) {
    return { ...e, obj: { ...e.obj, callee: dottedExpr(e.obj.callee.text, e.obj.line) } };
  }
  return e;
}

const NAME_CHAIN = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){0,5}$/;

function rootIsUnknown(e: Expr): boolean {
  return e.k === 'member' ? rootIsUnknown(e.obj) : e.k === 'unknown';
}

function dottedExpr(text: string, line: number): Expr {
  const parts = text.split('.');
  let e: Expr = { k: 'name', v: parts[0], line };
  for (const p of parts.slice(1)) e = { k: 'member', obj: e, prop: p, line };
  return e;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
