/**
 * The names a repository holds its chat-model family objects under (py-families.ts), and which class of the
 * family each holds under the default configuration: `self.llm = LLMCreator.create_llm(settings.LLM_PROVIDER)`
 * holds the class the factory's registry keys by the settings default.
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import type { ClassAt, PyFamilies } from './py-families';
import type { RepoStore } from './store';
import { attempt, type CallerLookup, type Val } from './values';
import { scopeOfPath } from '../report/scope';
import { bareType } from './py-typed-holders';

/**
 * Names the repository assigns a family object to, with the class it holds: `self.llm = LLMCreator.create_llm(…)`
 * (attribute `llm`), `llm = OpenAILLM(…)` (local `llm`).
 */
export class HolderNames {
  private readonly names = new Map<string, Expr[]>();
  private readonly memo = new Map<string, { cls?: ClassAt; roots: string[] } | null>();
  private readonly factories = new Map<string, { classes: string[]; fn: FunctionFact; path: string; picked?: ClassAt | null } | null>();
  private registry?: Map<string, { holder: ClassFact; target: string }[]>;
  private readonly where = new Map<Expr, { path: string; fn?: FunctionFact }>();

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: Evaluator,
    private readonly callers: CallerLookup,
    private readonly families: PyFamilies,
    private readonly family: ReadonlySet<string>,
  ) {
    for (const s of store.files()) {
      if (s.file.language !== 'python' || scopeOfPath(s.file.path) === 'test') continue;
      for (const fn of s.functions.values()) {
        for (const [name, e] of Object.entries(fn.locals)) this.note(name, e, s.file.path, fn);
        for (const [name, list] of Object.entries(fn.moreLocals ?? {})) for (const e of list) this.note(name, e, s.file.path, fn);
      }
      for (const cls of s.facts.classes) {
        for (const [name, a] of Object.entries(cls.attrs)) this.note(name, a.expr, s.file.path, a.fn ? s.functions.get(a.fn) : undefined);
        for (const [name, list] of Object.entries(cls.moreAttrs ?? {})) for (const e of list) this.note(name, e, s.file.path, ctorOf(s.functions, cls.name));
      }
    }
  }

  private note(name: string, e: Expr, path: string, fn: FunctionFact | undefined): void {
    if (e.k !== 'call') return;
    const list = this.names.get(name) ?? [];
    if (list.length >= 24) return;
    list.push(e);
    this.names.set(name, list);
    this.where.set(e, { path, fn });
  }

  /** The family class a receiver named `name` holds when `method` is one of its request methods. */
  classOf(name: string, method: string): { cls?: ClassAt; roots: string[] } | undefined {
    const key = `${name}.${method}`;
    if (this.memo.has(key)) return this.memo.get(key) ?? undefined;
    let found: { cls?: ClassAt; roots: string[] } | undefined;
    for (const e of this.names.get(name) ?? []) {
      const produced = this.produced(e);
      if (!produced || !produced.roots.some((r) => this.families.reaches(r, method))) continue;
      // One concrete class: a wrapper, whose callers are its uses (graph.ts), not a chat-model object whose request
      // a subclass or a factory's pick decides (wrapperClass).
      if (produced.roots.length === 1 && wrapperClass(this.families, produced.roots[0], method)) continue;
      found = { cls: produced.picked, roots: produced.roots };
      if (produced.picked) break;
    }
    this.memo.set(key, found ?? null);
    return found;
  }

  /** A parameter's annotation naming a model-server client class whose `method` is a request method (py-family-models.ts). */
  declaredClient(type: string, method: string): { cls?: ClassAt; roots: string[] } | undefined {
    const name = bareType(type);
    const at = name ? this.families.classAt(name) : undefined;
    return at && this.families.modelClient(name!, method) ? { cls: at, roots: [name!] } : undefined;
  }

  /**
   * The family class an expression written at `ctx` builds when `method` is one of its request methods (the same
   * tests as a name's assignments): an argument a caller passes for an injected parameter (py-injected-holders.ts).
   */
  builtAt(e: Expr, ctx: { path: string; fn?: FunctionFact }, method: string): { cls?: ClassAt; roots: string[] } | undefined {
    const produced = e.k === 'call' ? this.produced(e, ctx) : undefined;
    if (!produced || !produced.roots.some((r) => this.families.reaches(r, method))) return undefined;
    if (produced.roots.length === 1 && wrapperClass(this.families, produced.roots[0], method)) return undefined;
    return { cls: produced.picked, roots: produced.roots };
  }

  /** What a call expression builds: family classes it may return, and the one picked under the defaults. */
  private produced(e: Expr, at?: { path: string; fn?: FunctionFact }): { roots: string[]; picked?: ClassAt } | undefined {
    if (e.k !== 'call') return undefined;
    const ctx = at ?? this.where.get(e);
    if (!ctx) return undefined;
    const callee = attempt(() => this.evaluator.eval(e.callee, ctx));
    if (callee?.t === 'class' && this.family.has(callee.cls.name)) return { roots: [callee.cls.name], picked: this.families.classAt(callee.cls.name) };
    if (callee?.t !== 'fn') return undefined;
    const factory = this.factory(callee);
    if (!factory) return undefined;
    if (factory.picked === undefined) factory.picked = this.pick(factory) ?? null;
    return { roots: factory.classes, picked: factory.picked ?? undefined };
  }

  /** A repository function returning a family object: the classes it may build. */
  private factory(v: Extract<Val, { t: 'fn' }>): { classes: string[]; fn: FunctionFact; path: string; picked?: ClassAt | null } | undefined {
    const key = `${v.path}#${v.fn.name}`;
    if (this.factories.has(key)) return this.factories.get(key) ?? undefined;
    const classes = new Set<string>();
    const returns = [v.fn.returns, ...(v.fn.moreReturns ?? [])].filter((r): r is Expr => Boolean(r));
    // A function too long for its returns to be kept: what its locals build.
    const built = returns.length
      ? returns.flatMap((r) => (r.k === 'name' ? [v.fn.locals[r.v], ...(v.fn.moreLocals?.[r.v] ?? [])] : [r]))
      : [...Object.values(v.fn.locals), ...Object.values(v.fn.moreLocals ?? {}).flat()];
    for (const b of built) if (b?.k === 'call') for (const c of this.built(b, v)) classes.add(c);
    const out = classes.size ? { classes: [...classes], fn: v.fn, path: v.path } : undefined;
    this.factories.set(key, out ?? null);
    return out;
  }

  /** `OpenAILLM(…)` → it; `plugin.llm_class(…)` → every family class a registry holds under `llm_class`. */
  private built(call: Extract<Expr, { k: 'call' }>, v: Extract<Val, { t: 'fn' }>): string[] {
    if (call.callee.k === 'name' && this.family.has(call.callee.v)) return [call.callee.v];
    if (call.callee.k === 'member') {
      this.registry ??= this.families.registries();
      const entries = this.registry.get(call.callee.prop);
      if (entries?.length) return entries.map((e) => e.target);
    }
    const c = attempt(() => this.evaluator.eval(call.callee, { path: v.path, fn: v.fn }));
    return c?.t === 'class' && this.family.has(c.cls.name) ? [c.cls.name] : [];
  }

  /**
   * The class the factory builds under the default configuration: its parameters followed to their values
   * (a settings default, what its callers pass), matched against the string keys of the registry entries
   * (`name = "docsgpt"` beside `llm_class = DocsGPTAPILLM`) or of the classes themselves.
   */
  private pick(factory: { classes: string[]; fn: FunctionFact; path: string }): ClassAt | undefined {
    if (factory.classes.length === 1) return this.families.classAt(factory.classes[0]);
    const keys = new Map<string, string>();
    this.registry ??= this.families.registries();
    for (const entries of this.registry.values()) for (const e of entries) for (const k of stringAttrs(e.holder)) if (!keys.has(k)) keys.set(k, e.target);
    for (const c of factory.classes) for (const k of stringAttrs(this.families.classAt(c)?.cls)) if (!keys.has(k)) keys.set(k, c);
    let picked: ClassAt | undefined;
    // What the application's own callers pass (tests and examples pick providers of their own).
    const runtime = this.callers(factory.path, factory.fn.name).filter((b) => scopeOfPath(b.ctx.path) === 'runtime').slice(0, 40);
    factory.fn.params.slice(0, 4).forEach((p, index) => {
      if (picked) return;
      const votes = new Map<string, number>();
      for (const b of runtime) {
        const arg = b.kw[p.name] ?? b.args[index];
        const v = arg ? attempt(() => this.evaluator.eval(arg, b.ctx)) : undefined;
        const hit = v?.t === 'str' ? keys.get(v.v.toLowerCase()) : undefined;
        if (hit && factory.classes.includes(hit)) votes.set(hit, (votes.get(hit) ?? 0) + 1);
      }
      const best = [...votes].sort((a, b) => b[1] - a[1])[0];
      if (best) picked = this.families.classAt(best[0]);
    });
    if (picked) return picked;
    return undefined;
  }
}

/** Lower-cased string class attributes (`name = "docsgpt"`, `provider_name = "openai"`). */
function stringAttrs(cls: ClassFact | undefined): string[] {
  if (!cls) return [];
  return Object.values(cls.attrs).flatMap((a) => (!a.fn && a.expr.k === 'str' ? [a.expr.v.toLowerCase()] : []));
}

function ctorOf(functions: ReadonlyMap<string, FunctionFact>, cls: string): FunctionFact | undefined {
  return functions.get(`${cls}.__init__`);
}

/**
 * A class built by name whose `method` is a wrapper's: its own methods send the request, or only one class's
 * override sends it (`BrowserAgent._execute_action`, which a `BrowserAgentV2` variant makes send for one action
 * kind): the variant of one wrapper, whose calls are uses of the requests inside it. A family whose pick decides
 * the request has two sending classes or more (an abstract base and its providers, as py-typed-holders.ts counts).
 */
function wrapperClass(families: PyFamilies, cls: string, method: string): boolean {
  // A model-server client whose caller hands it the model (py-family-models.ts): its calls are the sites.
  if (families.modelClient(cls, method)) return false;
  if (families.sendsItself(cls, method)) return true;
  return new Set([...families.sendersFor(cls, method)].map((s) => s.split('.')[0])).size < 2;
}
