/**
 * Python: requests through the repository's own chat-model class family. An application that wraps its
 * providers in classes of its own (`class BaseLLM(ABC)` with `gen`/`gen_stream`, `OpenAILLM`,
 * `AnthropicLLM`… sending the SDK requests in `_raw_gen`) asks the model where it calls such a method on
 * an object of the family: `self.llm.gen(…)` after `self.llm = LLMCreator.create_llm(…)`. That call is the
 * site (priced with the application's prompts and traffic); the SDK requests inside the family are its
 * implementation, listed but not billed again (model-invokes.ts).
 *
 * - A class family: the classes that send a request in one of their methods, with their bases and
 *   subclasses. A method of a family class is a request method when it sends one itself, reaches one
 *   through `self.x(…)`/`super().x(…)` or a method named by a string (`self._run("_raw_gen")` dispatching
 *   by `getattr`), or is overridden by a subclass whose version does (dynamic dispatch).
 * - A producer of the family: its constructor, or a repository function returning one (a factory:
 *   `plugin.llm_class(…)` where a registry class holds `llm_class = OpenAILLM`, or a family constructor).
 * - A receiver holds the family when its name (`llm` of `self.llm`, `agent.llm`, a local `llm`) is a name
 *   the repository assigns from a producer: the repository's own naming of its chat-model objects, the
 *   only link Python's untyped parameters leave.
 * - The model: the class the factory picks under the default configuration (its key parameter followed to
 *   a settings default, matched against the registry's string keys), whose override passes a model of its
 *   own to `super()` (`super()._raw_gen(baseself, DOCSGPT_MODEL, …)`); else the `model` the site passes.
 *
 * Built once per repository generation from the files' facts; every step is bounded (receivers are
 * matched by name first, the evaluator is asked only about their assignments).
 */
import type { DetectedCall } from '../detect/types';
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { exprText } from './extract';
import { attempt, type CallerLookup } from './values';
import type { RepoStore } from './store';
import type { ResolvedModel } from './types';
import { scopeOfPath } from '../report/scope';
import { looksLikeModel } from './model-flow';
import { HolderNames } from './py-family-holders';
import { typedHolder } from './py-typed-holders';
import { InjectedHolders } from './py-injected-holders';
import { FrontClasses } from './py-front-classes';
import { addTo, bare, descendantOverrides, holderName, registryAttributes, selfReferences, withSelf } from './py-family-helpers';
import { builtFromPassedClass, RegistryHolders } from './py-registry-holders';
import { type FamilyLookup, modelClientMethod, overriddenModel, passedModel, PostingMethods } from './py-family-models';

export interface ClassAt {
  readonly path: string;
  readonly cls: ClassFact;
}

interface FamilySite {
  readonly call: DetectedCall;
  readonly cls?: ClassAt;
  readonly method: string;
  readonly expr: Extract<Expr, { k: 'call' }>;
  readonly ctx: { path: string; fn?: FunctionFact };
  /** The family classes the receiver may hold. */
  readonly roots: readonly string[];
  /** A call of a model-server client's method (py-family-models.ts): the model is the one it passes. */
  readonly client?: boolean;
  /** A class picked from a table of classes (py-registry-holders.ts): the table, its default key, the other entries. */
  readonly note?: string;
}

const MAX_SITES = 400;

export class PyFamilies implements FamilyLookup {
  private readonly classes = new Map<string, ClassAt>();
  /** Classes of one name declared in several files (two `OllamaClient`s, one per service): the later ones. */
  private readonly sameName = new Map<string, ClassAt[]>();
  private readonly posts = new PostingMethods();
  private readonly children = new Map<string, Set<string>>();
  /** `Class.method` whose requests are all embeddings. */
  private readonly embedding = new Set<string>();
  private readonly chat = new Set<string>();
  /** Class → methods in which it sends a request itself. */
  private readonly sending = new Map<string, Set<string>>();
  /** Classes of a family: senders and their ancestors and descendants. */
  private readonly family = new Set<string>();
  private readonly reachMemo = new Map<string, boolean>();
  readonly byFile = new Map<string, FamilySite[]>();
  private readonly implementing = new Set<string>();
  /** Names of the family's request methods: a call of another name is never looked at. */
  private readonly requestMethods = new Set<string>();
  private holders?: HolderNames;

  constructor(
    private readonly store: RepoStore,
    private readonly evaluator: Evaluator,
    private readonly callers: CallerLookup,
    /** The model of a detected request, as the repository resolves it (the picked class's own request). */
    private readonly requestModel?: (path: string, call: DetectedCall) => ResolvedModel | undefined,
  ) {
    this.indexClasses();
    if (!this.sending.size) return;
    for (const name of this.family) {
      for (const at of this.declared(name)) for (const fn of this.store.get(at.path)?.functions.keys() ?? []) {
        const [cls, method] = fn.split('.');
        if (cls === name && method && !method.startsWith('__') && this.reaches(name, method)) this.requestMethods.add(method);
      }
    }

    if (this.requestMethods.size) this.findSites();
  }

  /** The family calls of a file: requests the repository reveals. */
  revealed(path: string): readonly DetectedCall[] {
    return (this.byFile.get(path) ?? []).map((s) => s.call);
  }

  /** `Class.method` of the family's sending methods that some site reaches: their requests are listed, not billed. */
  implementations(): ReadonlySet<string> {
    return this.implementing;
  }

  /** The model of a revealed call: the picked class's own model, else the `model` the site passes. */
  modelOf(path: string, callId: string): ResolvedModel | undefined {
    const site = this.byFile.get(path)?.find((s) => s.call.id === callId);
    if (!site) return undefined;
    if (site.client) return passedModel(this, this.evaluator, site.roots, site.method, site.expr, site.ctx);
    const functions = site.cls ? this.store.get(site.cls.path)?.functions : undefined;
    const own = site.cls && functions ? overriddenModel(this, this.evaluator, functions, site.cls.path, site.cls.cls, site.method) : undefined;
    if (own) return own;
    if (site.note !== undefined) return site.cls ? this.pickedModel(site.cls, site.method, site.note) : undefined;
    const arg = site.expr.kw.model ?? site.expr.kw.model_name;
    const v = arg ? attempt(() => this.evaluator.eval(arg, site.ctx)) : undefined;
    return v?.t === 'str' && looksLikeModel(v.v) && scopeOfPath(v.at.path) === 'runtime' ? { model: v.v, source: { from: v.via === 'code' ? 'code' : v.via, at: v.at, detail: `${exprText(arg!)} → ${JSON.stringify(v.v)}` } } : undefined;
  }

  /** The model of the picked class's own request on the method's path (its class or a base sends it). */
  private pickedModel(at: ClassAt, method: string, note: string): ResolvedModel | undefined {
    const lineage = new Set<string>();
    for (let c: string | undefined = at.cls.name; c && !lineage.has(c) && lineage.size < 9; c = this.basesOf(c)[0]) lineage.add(c);
    for (const sender of this.sendersFor(at.cls.name, method)) {
      const [owner] = sender.split('.');
      const holder = lineage.has(owner) ? this.classes.get(owner) : undefined;
      const stored = holder ? this.store.get(holder.path) : undefined;
      if (!holder || !stored) continue;
      const ids = new Set(stored.facts.calls.filter((f) => f.fn === sender).map((f) => f.id));
      for (const call of stored.file.calls) {
        if (!ids.has(call.id)) continue;
        const m = this.requestModel?.(holder.path, call);
        if (m) return { model: m.model, source: { ...m.source, detail: `${note}: ${sender} sends ${m.source.detail ?? JSON.stringify(m.model)}` } };
      }
    }
    return undefined;
  }

  private indexClasses(): void {
    for (const s of this.store.files()) {
      if (s.file.language !== 'python' || scopeOfPath(s.file.path) === 'test') continue;
      for (const cls of s.facts.classes) {
        if (!this.classes.has(cls.name)) this.classes.set(cls.name, { path: s.file.path, cls });
        else this.sameName.set(cls.name, [...(this.sameName.get(cls.name) ?? []), { path: s.file.path, cls }]);
        for (const b of cls.bases) addTo(this.children, bare(b), cls.name);
      }
      const requests = new Map(s.file.calls.map((c) => [c.id, c]));
      for (const fact of s.facts.calls) {
        const call = requests.get(fact.id);
        // A vector store's search embeds through the store: the class using it is an application part, not a model wrapper.
        if (!call || call.agent || call.role || !fact.fn || call.rule === 'store-query') continue;
        const [cls, method] = fact.fn.split('.');
        if (!method || !s.classes.has(cls)) continue;
        // `self.translate_model.batch()` on an object the constructor builds from a class passed in: a use of the picked family object.
        if (call.rule === 'model-named-value' && builtFromPassedClass(s, cls, call.callee)) continue;
        addTo(this.sending, cls, method);
        this.posts.note(cls, method, call);
        (call.kind === 'embedding' ? this.embedding : this.chat).add(`${cls}.${method}`);
      }
    }
    for (const cls of this.sending.keys()) this.addWithBases(cls, 0);
    for (const cls of [...this.family]) this.addDescendants(cls);
  }

  private addWithBases(name: string, depth: number): void {
    if (depth > 8 || !this.classes.has(name)) return;
    this.family.add(name);
    for (const b of this.classes.get(name)!.cls.bases) this.addWithBases(bare(b), depth + 1);
  }

  private addDescendants(name: string): void {
    const queue = [name];
    while (queue.length && this.family.size < 2000) {
      const n = queue.shift()!;
      for (const c of this.children.get(n) ?? []) if (!this.family.has(c)) (this.family.add(c), queue.push(c));
    }
  }

  /** The class of that name, and those of the same name declared in other files. */
  private declared(cls: string): ClassAt[] {
    const at = this.classes.get(cls);
    return at ? [at, ...(this.sameName.get(cls) ?? [])] : [];
  }

  /** The method as `cls` has it: its own, else the nearest base's (a class of that name in any file). */
  lookup(cls: string, method: string, depth = 0): { owner: string; fn: FunctionFact; path: string } | undefined {
    if (depth > 8) return undefined;
    const all = this.declared(cls);
    for (const at of all) {
      const fn = this.store.get(at.path)?.functions.get(`${cls}.${method}`);
      if (fn) return { owner: cls, fn, path: at.path };
    }
    for (const at of all) {
      for (const b of at.cls.bases) {
        const hit = this.lookup(bare(b), method, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private basesOf(cls: string): string[] {
    return (this.classes.get(cls)?.cls.bases ?? []).map(bare).filter((b) => this.family.has(b));
  }

  /** The methods a call of `method` on `cls` runs on its own object, transitively (by name). */
  pathOf(cls: string, method: string): Set<string> {
    const out = new Set<string>([method]);
    const queue = [method];
    while (queue.length && out.size < 60) {
      const impl = this.lookup(cls, queue.shift()!);
      if (!impl) continue;
      for (const name of selfReferences(impl.fn).own) if (!out.has(name) && this.lookup(cls, name)) (out.add(name), queue.push(name));
    }
    return out;
  }

  /**
   * Calling `method` on an object of class `cls` sends a request; with `dispatch`, also where only a subclass's
   * override of it (or of a method it names) does.
   */
  reaches(cls: string, method: string, dispatch = true): boolean {
    const key = `${dispatch ? 'd' : 'o'}:${cls}.${method}`;
    const known = this.reachMemo.get(key);
    if (known !== undefined) return known;
    this.reachMemo.set(key, false);
    const result = this.reachesNow(cls, method, dispatch);
    this.reachMemo.set(key, result);
    return result;
  }

  private reachesNow(cls: string, method: string, dispatch: boolean): boolean {
    if (!this.family.has(cls)) return false;
    const impl = this.lookup(cls, method);
    if (impl) {
      if (this.sending.get(impl.owner)?.has(method)) return true;
      const refs = selfReferences(impl.fn);
      for (const name of refs.own) if (name !== method && this.lookup(cls, name) && this.reaches(cls, name, dispatch)) return true;
      for (const name of refs.supers) if (this.basesOf(impl.owner).some((b) => this.reaches(b, name, dispatch))) return true;
    }
    // Dispatched to a subclass that overrides the method (or a method it names).
    if (dispatch) for (const c of this.children.get(cls) ?? []) if (this.reaches(c, method)) return true;
    return false;
  }

  /** The sending methods a call of `method` on `cls` ends in, as `Class.method`. */
  private sendersOf(cls: string, method: string, into: Set<string>, depth = 0): void {
    if (depth > 12 || !this.reaches(cls, method)) return;
    const impl = this.lookup(cls, method);
    if (impl && this.sending.get(impl.owner)?.has(method)) into.add(`${impl.owner}.${method}`);
    if (impl) for (const name of selfReferences(impl.fn).own) if (name !== method && !into.has(`${cls}.${name}`)) this.sendersOf(cls, name, into, depth + 1);
    for (const c of this.children.get(cls) ?? []) this.sendersOf(c, method, into, depth + 1);
  }

  private findSites(): void {
    const holders = (this.holders = new HolderNames(this.store, this.evaluator, this.callers, this, this.family));
    const injected = new InjectedHolders(this.store, this.callers, holders);
    const registries = new RegistryHolders(this.store, this.evaluator, this.callers, this);
    const fronts = new FrontClasses(this.store, this, holders, this.requestMethods);
    const clients = this.clientMethods();
    let count = 0;
    for (const s of this.store.files()) {
      if (s.file.language !== 'python') continue;
      const taken = new Set(s.file.calls.map((c) => c.line));
      const sites: FamilySite[] = [];
      for (const fn of s.functions.values()) {
        // Inside the family itself (a fallback model's request): the implementation, not a site.
        // A model-server client's method called from another family class (a judge that may also ask Claude) is a site.
        const owner = fn.name.includes('.') ? fn.name.split('.')[0] : undefined;
        const inside = owner !== undefined && (this.family.has(owner) || fronts.heldBy(owner, fn.name.split('.')[1] ?? ''));
        if (inside && (!clients.methods.size || clients.classes.has(owner))) continue;
        for (const c of fn.calls) {
          if (c.expr.k !== 'call' || c.expr.callee.k !== 'member' || taken.has(c.line)) continue;
          const method = c.expr.callee.prop;
          if (inside && !clients.methods.has(method)) continue;
          const name = holderName(c.expr.callee.obj);
          if (!name || !(this.requestMethods.has(method) || fronts.methods.has(method))) continue;
          // The name the repository assigns family objects to, else the receiver's annotation (py-typed-holders.ts),
          // else what the callers of its class's constructor inject (py-injected-holders.ts), else a front class
          // declared to be held that hands the request on to the family (py-front-classes.ts).
          const receiver = withSelf(c.expr.callee.obj);
          const named = this.requestMethods.has(method) ? holders.classOf(name, method) ?? typedHolder(this.store, this, receiver, s.file.path, fn, method) : undefined;
          const injectedHeld = named ?? (this.requestMethods.has(method) ? injected.held(receiver, s.file.path, fn, method) : undefined);
          // A class picked from a table of classes and built by the receiver's constructor (py-registry-holders.ts).
          const picked = injectedHeld || !this.requestMethods.has(method) ? undefined : registries.held(receiver, s.file.path, fn, method);
          const held = injectedHeld ?? picked;
          const front = held ? undefined : fronts.held(receiver, s.file.path, fn, method);
          if (!(held ?? front) || this.heldElse(c.expr.callee.obj, s.file.path, fn, front?.front, clients.methods.has(method) ? method : undefined)) continue;
          taken.add(c.line);
          const rule = named ? 'py-chat-family' : front ? 'py-family-front' : picked ? 'py-family-registry' : 'py-family-injected';
          sites.push({ ...this.site(s.file.path, fn, c.expr, method, (held ?? front)!, rule), ...(picked ? { note: picked.note } : {}) });
          if (++count >= MAX_SITES) break;
        }
      }
      if (sites.length) this.byFile.set(s.file.path, sites);
      if (count >= MAX_SITES) break;
    }
  }

  /** The receiver is known, where it is written, to hold an object of a class outside the family: not this site. */
  private heldElse(receiver: Expr, path: string, fn: FunctionFact, front?: string, client?: string): boolean {
    const v = attempt(() => this.evaluator.eval(withSelf(receiver), { path, fn }));
    // Another backend of a model-server client's interface (`WatsonXClient` beside `OllamaClient`, picked by a
    // factory's first branch) is not an object of another kind: the client stays the site.
    if (v?.t === 'inst' && client && this.store.get(v.path)?.functions.has(`${v.cls.name}.${client}`)) return false;
    return (v?.t === 'inst' && !this.family.has(v.cls.name) && v.cls.name !== front) || v?.t === 'str' || v?.t === 'dict';
  }

  private site(path: string, fn: FunctionFact, expr: Extract<Expr, { k: 'call' }>, method: string, held: { cls?: ClassAt; roots: string[]; front?: string; via?: string }, rule: 'py-chat-family' | 'py-family-injected' | 'py-family-front' | 'py-family-registry'): FamilySite {
    const cls = held.cls;
    const callee = exprText(expr.callee);
    // Every family request the call may end in (the picked class's and the other providers'): listed, not billed.
    const senders = new Set<string>();
    for (const r of held.roots) this.sendersOf(r, held.via ?? method, senders);
    for (const s of senders) this.implementing.add(s);
    const embedding = senders.size > 0 && [...senders].every((s) => this.embedding.has(s) && !this.chat.has(s));
    const call: DetectedCall = {
      id: `c${expr.line}.f`,
      line: expr.line,
      column: 1,
      endLine: expr.line,
      endColumn: 1,
      framework: 'repository',
      callee,
      promptIds: [],
      tools: [],
      agent: false,
      rule,
      inputPlaceholders: [],
      receiverType: { type: held.front ?? cls?.cls.name ?? 'chat model', path: [], method },
      ...(embedding ? { kind: 'embedding' as const } : {}),
    };
    const client = held.roots.some((r) => this.modelClient(r, method));
    return { call, cls, method, expr, ctx: { path, fn }, roots: held.roots, ...(client ? { client } : {}) };
  }

  /** The sending methods (`Class.method`) a call of `method` on an object of `cls` may end in. */
  sendersFor(cls: string, method: string): ReadonlySet<string> {
    const into = new Set<string>();
    this.sendersOf(cls, method, into);
    return into;
  }

  /** Descendants of `cls` that define `method` themselves, with where (py-typed-holders.ts counts providers by them). */
  overridesOf(cls: string, method: string): { at: ClassAt; fn: FunctionFact }[] {
    return descendantOverrides(this.children, this.classes, this.store, cls, method);
  }

  /** The model-server clients' request methods, and their classes. */
  private clientMethods(): { methods: Set<string>; classes: Set<string> } {
    const out = { methods: new Set<string>(), classes: new Set<string>() };
    for (const name of this.family) for (const m of this.requestMethods) if (this.modelClient(name, m)) (out.methods.add(m), out.classes.add(name));
    return out;
  }

  /** `method` of a model-server client: the caller hands it the model, its own methods post (py-family-models.ts). */
  modelClient(cls: string, method: string): boolean {
    return modelClientMethod(this, this.posts, cls, method);
  }

  /** The class's own methods send the request (no subclass involved): a plain wrapper. */
  sendsItself(cls: string, method: string): boolean {
    return this.reaches(cls, method, false);
  }

  /** The family's class of that name (for py-family-holders.ts). */
  classAt(name: string): ClassAt | undefined {
    return this.family.has(name) ? this.classes.get(name) : undefined;
  }

  /** Family classes whose constructor a registry attribute holds, by attribute (`llm_class = OpenAILLM` → `llm_class`). */
  registries(): Map<string, { holder: ClassFact; target: string }[]> {
    return registryAttributes(this.classesAll(), this.family);
  }

  private classesAll(): Iterable<ClassAt> {
    return this.classes.values();
  }
}
