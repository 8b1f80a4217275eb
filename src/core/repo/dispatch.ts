/**
 * Which of the repository's methods a call on an object may run. The object's classes come from
 * what the code says it holds: an attribute's annotation (`model: AbstractModel`,
 * `self._agent: DefaultAgent | None`), the constructor or factory assigned to it (a factory's
 * `-> AbstractModel` return annotation first, since its first `return` is only one branch), a
 * parameter's annotation. A method is looked up on the class and its bases (across files), and the
 * overrides of its subclasses are added: a call through a base type may run any of them. Calling an
 * instance runs its `__call__`, else its `forward` (DSPy and PyTorch modules).
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { exprText } from './extract';
import { keyedHolder, MAX_KEYED } from './keyed-instances';
import type { RepoStore } from './store';
import { enclosingMethod } from './values';

export interface ClassRef {
  readonly path: string;
  readonly cls: ClassFact;
}

export interface MethodRef {
  readonly path: string;
  readonly fn: string;
}

interface Ctx {
  readonly path: string;
  readonly fn?: FunctionFact;
}

const MAX_TARGETS = 8;
const NOT_A_CLASS = /^(None|str|int|float|bool|list|dict|set|tuple|Any|object|Optional|Union|List|Dict|Type|type|Callable|Iterable|Iterator|Sequence|Mapping|Self)$/;

export class Dispatch {
  private subclasses?: Map<string, ClassRef[]>;
  private readonly memo = new Map<string, ClassRef[]>();

  constructor(
    private readonly store: RepoStore,
    private readonly ev: Evaluator,
  ) {}

  /** The methods `obj.name(…)` may run, given the classes `obj` holds. */
  methodsOn(obj: Expr, name: string, ctx: Ctx): MethodRef[] {
    const classes = this.classesOf(obj, ctx, 0);
    return classes.length ? this.methods(classes, name) : [];
  }

  /** What calling an instance of a class runs: `__call__`, else `forward`. */
  callable(c: ClassRef): MethodRef[] {
    const call = this.methods([c], '__call__');
    return call.length ? call : this.methods([c], 'forward');
  }

  /** The method found on each class or its nearest base, plus the overrides of their subclasses. */
  methods(classes: readonly ClassRef[], name: string): MethodRef[] {
    const out: MethodRef[] = [];
    const add = (m: MethodRef | undefined): void => {
      if (m && out.length < MAX_TARGETS && !out.some((o) => o.path === m.path && o.fn === m.fn)) out.push(m);
    };
    for (const c of classes) {
      add(this.inherited(c, name, 0));
      for (const sub of this.descendants(c)) {
        const own = this.store.get(sub.path)?.functions.get(`${sub.cls.name}.${name}`);
        if (own) add({ path: sub.path, fn: own.name });
      }
    }
    return out;
  }

  private inherited(c: ClassRef, name: string, depth: number): MethodRef | undefined {
    const own = this.store.get(c.path)?.functions.get(`${c.cls.name}.${name}`);
    if (own) return { path: c.path, fn: own.name };
    if (depth > 5) return undefined;
    for (const base of this.bases(c)) {
      const m = this.inherited(base, name, depth + 1);
      if (m) return m;
    }
    return undefined;
  }

  private bases(c: ClassRef): ClassRef[] {
    const out: ClassRef[] = [];
    for (const b of c.cls.bases) {
      const r = this.resolveClass(b.replace(/\[.*$/, ''), c.path);
      if (r) out.push(r);
    }
    return out;
  }

  /** Subclasses of a class, transitively (a few levels). */
  subclassesOf(c: ClassRef): ClassRef[] {
    return this.descendants(c);
  }

  /** Subclasses, transitively (a few levels): classes whose base is written with this class's name. */
  private descendants(c: ClassRef): ClassRef[] {
    const index = this.subclassIndex();
    const out: ClassRef[] = [];
    let frontier = [c];
    for (let level = 0; level < 4 && frontier.length; level++) {
      const next: ClassRef[] = [];
      for (const f of frontier) for (const s of index.get(f.cls.name) ?? []) if (s.cls !== c.cls && !out.includes(s) && out.length < 32) next.push(s);
      out.push(...next);
      frontier = next;
    }
    return out;
  }

  /**
   * Classes by the last name of each base they list (`models.BaseModel` → `BaseModel`): built from names
   * alone, no import is resolved (a name two modules share over-approximates, which dispatch tolerates).
   */
  private subclassIndex(): Map<string, ClassRef[]> {
    if (this.subclasses) return this.subclasses;
    const index = new Map<string, ClassRef[]>();
    for (const f of this.store.files()) {
      for (const cls of f.facts.classes) {
        for (const base of cls.bases) {
          const name = base.replace(/\[.*$/, '').split('.').pop() ?? '';
          if (!name || NOT_A_CLASS.test(name)) continue;
          const list = index.get(name);
          if (list) list.push({ path: f.file.path, cls });
          else index.set(name, [{ path: f.file.path, cls }]);
        }
      }
    }
    this.subclasses = index;
    return index;
  }

  /** A class named in a file (`AbstractModel`, `models.AbstractModel`): through its imports. */
  resolveClass(name: string, path: string): ClassRef | undefined {
    if (!/^[A-Za-z_][\w.]*$/.test(name)) return undefined;
    const parts = name.split('.');
    if (NOT_A_CLASS.test(parts[parts.length - 1])) return undefined;
    let v = this.safe(() => this.ev.global(path, parts[0], 0));
    for (const p of parts.slice(1)) v = v ? this.safe(() => this.ev.member(v!, p, 0)) : undefined;
    return v?.t === 'class' ? { path: v.path, cls: v.cls } : undefined;
  }

  /** Classes an annotation names: `A | None`, `Optional[A]`, `Union[A, B]`, `"A"`. */
  typeClasses(type: string, path: string): ClassRef[] {
    const names = type.replace(/["']/g, '').split(/[|,[\]\s]+/).filter((n) => n && !NOT_A_CLASS.test(n));
    const out: ClassRef[] = [];
    for (const n of names.slice(0, 4)) {
      const c = this.resolveClass(n, path);
      if (c && !out.some((o) => o.cls === c.cls)) out.push(c);
    }
    return out;
  }

  /** The classes an expression holds. */
  classesOf(e: Expr, ctx: Ctx, depth: number): ClassRef[] {
    if (depth > 4) return [];
    const key = `${ctx.path}|${ctx.fn?.name ?? ''}|${exprText(e)}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    this.memo.set(key, []);
    const out = this.compute(e, ctx, depth);
    this.memo.set(key, out);
    return out;
  }

  private compute(e: Expr, ctx: Ctx, depth: number): ClassRef[] {
    if (e.k === 'name') {
      if ((e.v === 'self' || e.v === 'cls' || e.v === 'this') && ctx.fn) {
        // A closure inside a method (`def _send_message(…): self.planner.reply(…)`) sees the method's `self`.
        const method = ctx.fn.name.includes('.') ? ctx.fn : enclosingMethod(this.store.get(ctx.path)?.functions.values() ?? [], ctx.fn);
        const cls = method ? this.store.get(ctx.path)?.classes.get(method.name.split('.')[0]) : undefined;
        if (method) return cls ? [{ path: ctx.path, cls }] : [];
      }
      const local = ctx.fn?.locals[e.v];
      if (local) return this.valueClasses(local, ctx, depth + 1);
      const param = ctx.fn?.params.find((p) => p.name === e.v);
      if (param?.type) return this.typeClasses(param.type, ctx.path);
      return [];
    }
    if (e.k === 'member') {
      const owners = this.classesOf(e.obj, ctx, depth + 1);
      const out: ClassRef[] = [];
      for (const o of owners) for (const c of this.attrClasses(o, e.prop, depth + 1, 0)) if (!out.some((x) => x.cls === c.cls)) out.push(c);
      return out;
    }
    if (e.k === 'call') return this.valueClasses(e, ctx, depth + 1);
    return [];
  }

  /** What an attribute of a class holds: its annotation, else what is assigned to it; else a base's. */
  private attrClasses(owner: ClassRef, attr: string, depth: number, up: number): ClassRef[] {
    const type = owner.cls.attrTypes?.[attr];
    if (type) {
      const typed = this.typeClasses(type, owner.path);
      if (typed.length) return typed;
    }
    const assigned = owner.cls.attrs[attr];
    if (assigned) {
      const fn = assigned.fn ? this.store.get(owner.path)?.functions.get(assigned.fn) : undefined;
      const v = this.valueClasses(assigned.expr, { path: owner.path, fn }, depth);
      if (v.length) return v;
    }
    if (up > 4) return [];
    for (const base of this.bases(owner)) {
      const v = this.attrClasses(base, attr, depth, up + 1);
      if (v.length) return v;
    }
    return [];
  }

  /** The classes of a value: a constructor call, a factory (its return annotation, else what it returns), a typed name. */
  private valueClasses(e: Expr, ctx: Ctx, depth: number): ClassRef[] {
    if (e.k === 'or') return [...this.valueClasses(e.left, ctx, depth), ...this.valueClasses(e.right, ctx, depth)];
    const holder = keyedHolder(e);
    if (holder) return this.keyedClasses(holder, ctx, depth);
    if (e.k === 'name' || e.k === 'member') return this.classesOf(e, ctx, depth);
    if (e.k !== 'call') return [];
    const callee = this.safe(() => this.ev.eval(e.callee, { path: ctx.path, fn: ctx.fn }));
    if (callee?.t === 'class') return [{ path: callee.path, cls: callee.cls }];
    if (callee?.t === 'fn') {
      if (callee.fn.returnType) {
        const typed = this.typeClasses(callee.fn.returnType, callee.path);
        if (typed.length) return typed;
      }
      if (callee.fn.returns && depth < 4) return this.valueClasses(callee.fn.returns, { path: callee.path, fn: callee.fn }, depth + 1);
    }
    const v = this.safe(() => this.ev.eval(e, { path: ctx.path, fn: ctx.fn }));
    return v?.t === 'inst' ? [{ path: v.path, cls: v.cls }] : [];
  }

  /** The classes of a dict's instances (keyed-instances.ts): `clients[name]` may be any of them. */
  private keyedClasses(holder: Expr, ctx: Ctx, depth: number): ClassRef[] {
    const dict = this.safe(() => this.ev.eval(holder, { path: ctx.path, fn: ctx.fn }));
    if (dict?.t !== 'dict') return [];
    const out: ClassRef[] = [];
    for (const entry of Object.values(dict.entries).slice(0, MAX_KEYED)) {
      let classes = this.valueClasses(entry, dict.ctx, depth + 1);
      if (!classes.length) {
        // A module-level instance (`ollama = Ollama()`) named in the dict.
        const v = this.safe(() => this.ev.eval(entry, dict.ctx));
        classes = v?.t === 'inst' ? [{ path: v.path, cls: v.cls }] : [];
      }
      for (const c of classes) if (!out.some((o) => o.cls === c.cls)) out.push(c);
    }
    return out;
  }

  private safe<T>(f: () => T): T | undefined {
    try {
      return f();
    } catch {
      return undefined;
    }
  }
}
