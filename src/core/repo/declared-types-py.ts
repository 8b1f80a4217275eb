/**
 * Python: the library class a receiver holds, known from how the repository declares or builds it rather than
 * from its name. An application that takes its model from a registry the repository pass cannot follow
 * (`component.get_llm(model_id)` over models listed by an endpoint at startup, a dependency injector) still
 * writes what it is:
 * - a parameter annotated with the library's class (`def summarize(llm: LLM)`, `embed_model: BaseEmbedding`);
 * - an attribute annotated so on its class (`self.llm: BaseChatModel`, a dataclass field `llm: FunctionCallingLLM`
 *   read as `run.llm` where `run: _Run`), or assigned from such a parameter (`self._llm = llm` in `__init__`);
 * - a local assigned from the library's constructor (on either branch of an `if`), or from a function or a
 *   method of a repository class annotated to return the class (`self.component.get_embed(m)` with
 *   `def get_embed(…) -> BaseEmbedding`);
 * - an object of a repository class that subclasses the library's class without overriding the method called.
 *
 * The annotation is qualified through the imports of the file it is written in (`LLM` with `from
 * llama_index.core.llms import LLM` → `llama_index.core.llms.LLM`), so a repository class of the same name is
 * never taken for the library's. Each question follows a bounded number of hops.
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { RepoStore } from './store';
import { dottedPath, type Ctx } from './values';
import { enclosingMethod } from './values';
import { closureOwner } from './closures';
import { libraryTypeOf, type LibraryType } from './library-surfaces';

const MAX_HOPS = 8;

/** Runnable wrappers of a LangChain model (langchain_core BaseChatModel/Runnable): what they return still sends on it. */
const MODEL_WRAPPERS = /^(with_structured_output|bind_tools|bind|with_config|with_retry|with_fallbacks)$/;

/** A type as far as this needs it: a library class by its qualified name, or a class of the repository. */
type Declared = { readonly library: string } | { readonly cls: ClassFact; readonly path: string };

export class PyDeclaredTypes {
  constructor(private readonly store: RepoStore) {}

  /** The table's library type of a receiver, where the method called is one of its requests. */
  requestType(receiver: Expr, ctx: Ctx, method: string): LibraryType | undefined {
    const t = this.typeOf(receiver, ctx, 0);
    if (!t) return undefined;
    if ('library' in t) {
      const lt = libraryTypeOf(t.library);
      return lt?.methods.test(method) ? lt : undefined;
    }
    return this.inherited(t.cls, t.path, method, 0);
  }

  /** A repository class subclassing a library class, whose method called is the library's own (not overridden). */
  private inherited(cls: ClassFact, path: string, method: string, depth: number): LibraryType | undefined {
    if (depth > 3 || this.store.get(path)?.functions.has(`${cls.name}.${method}`)) return undefined;
    for (const base of cls.bases) {
      const t = this.qualify(base, path);
      if (!t) continue;
      if ('library' in t) {
        const lt = libraryTypeOf(t.library);
        if (lt?.methods.test(method)) return lt;
      } else {
        const hit = this.inherited(t.cls, t.path, method, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private typeOf(e: Expr, ctx: Ctx, hops: number): Declared | undefined {
    if (hops > MAX_HOPS) return undefined;
    const next = hops + 1;
    switch (e.k) {
      case 'name':
        return this.nameType(e.v, ctx, next);
      case 'member': {
        if ((e.obj.k === 'name' && e.obj.v === 'self') || (e.obj.k === 'unknown' && e.obj.text === 'self')) {
          const owner = this.classOf(ctx);
          return owner ? this.attrType(owner.cls, owner.path, e.prop, next) : undefined;
        }
        const holder = this.typeOf(e.obj, ctx, next);
        return holder && 'cls' in holder ? this.attrType(holder.cls, holder.path, e.prop, next) : undefined;
      }
      case 'call':
        return this.callType(e, ctx, next);
      case 'or':
        return this.typeOf(e.left, ctx, next) ?? this.typeOf(e.right, ctx, next);
      case 'unknown':
        // Call facts keep the head of a deep receiver (`run` in `run.llm.chat(…)`) as its text.
        return /^[A-Za-z_]\w*$/.test(e.text) ? this.typeOf({ k: 'name', v: e.text, line: e.line }, ctx, next) : undefined;
      default:
        return undefined;
    }
  }

  private nameType(name: string, ctx: Ctx, hops: number): Declared | undefined {
    const fn = ctx.fn;
    if (fn) {
      const assigned = [fn.locals[name], ...(fn.moreLocals?.[name] ?? [])].filter((x): x is Expr => Boolean(x));
      for (const a of assigned) {
        const t = this.typeOf(a, ctx, hops);
        if (t) return t;
      }
      if (assigned.length) return undefined;
      const p = fn.params.find((q) => q.name === name);
      if (p) return p.type ? this.qualify(p.type, ctx.path) : undefined;
      const owner = closureOwner(this.store.get(ctx.path)?.functions ?? new Map(), fn, name);
      if (owner) return this.nameType(name, { path: ctx.path, fn: owner }, hops + 1);
    }
    const value = this.store.get(ctx.path)?.facts.values[name];
    return value ? this.typeOf(value, { path: ctx.path }, hops + 1) : undefined;
  }

  /** An attribute: its annotation on the class, else what the class assigns it (in the method that does). */
  private attrType(cls: ClassFact, path: string, prop: string, hops: number): Declared | undefined {
    const written = cls.attrTypes?.[prop];
    if (written) return this.qualify(written, path);
    const stored = this.store.get(path);
    const attr = cls.attrs[prop];
    if (!stored || !attr) return undefined;
    const at: Ctx = { path, fn: attr.fn ? stored.functions.get(attr.fn) : undefined };
    for (const e of [attr.expr, ...(cls.moreAttrs?.[prop] ?? [])]) {
      const t = this.typeOf(e, at, hops + 1);
      if (t) return t;
    }
    return undefined;
  }

  /** A call: a library class built, a repository class built, or what a function or method is annotated to return. */
  private callType(e: Extract<Expr, { k: 'call' }>, ctx: Ctx, hops: number): Declared | undefined {
    const callee = e.callee;
    // A wrapper of the model (`llm.with_structured_output(X)`, `llm.bind_tools(tools)`) sends on the model it wraps.
    if (callee.k === 'member' && MODEL_WRAPPERS.test(callee.prop)) return this.typeOf(callee.obj, ctx, hops + 1);
    if (callee.k === 'member' && !(callee.obj.k === 'name' && this.importOf(ctx.path, callee.obj.v))) {
      const holder = this.typeOf(callee.obj, ctx, hops + 1);
      if (!holder || !('cls' in holder)) return undefined;
      const method = this.store.get(holder.path)?.functions.get(`${holder.cls.name}.${callee.prop}`);
      return method?.returnType ? this.qualify(method.returnType, holder.path) : undefined;
    }
    const text = dottedPath(callee);
    if (!text) return undefined;
    const t = this.qualify(text, ctx.path);
    if (t) return t;
    // A function of the file: its return annotation.
    const fn = this.store.get(ctx.path)?.functions.get(text);
    return fn?.returnType ? this.qualify(fn.returnType, ctx.path) : undefined;
  }

  /** The method's class, for `self.x` (a method, or a function nested in one). */
  private classOf(ctx: Ctx): { cls: ClassFact; path: string } | undefined {
    const stored = this.store.get(ctx.path);
    const fn = ctx.fn;
    if (!stored || !fn) return undefined;
    const owner: FunctionFact | undefined = fn.name.includes('.') ? fn : enclosingMethod(stored.functions.values(), fn);
    const cls = owner ? stored.classes.get(owner.name.split('.')[0]) : undefined;
    return cls ? { cls, path: ctx.path } : undefined;
  }

  /**
   * An annotation or a constructor's name as written in `path` (`LLM`, `Optional[LLM]`, `"BaseEmbedding"`, `llms.LLM`,
   * `LLM | None`): a library class by its qualified name, or a repository class (defined in the file or imported).
   */
  private qualify(written: string, path: string, depth = 0): Declared | undefined {
    const text = bareAnnotation(written);
    if (!text || depth > 3) return undefined;
    const [head, ...rest] = text.split('.');
    const stored = this.store.get(path);
    if (!stored) return undefined;
    const imp = this.importOf(path, head);
    if (!imp) {
      const cls = rest.length ? undefined : stored.classes.get(head);
      return cls ? { cls, path } : undefined;
    }
    const target = this.store.modules.resolve(path, imp.module);
    if (target) {
      // A repository module: its class, or a name it imports in turn (a package `__init__` re-exporting it).
      const name = imp.name ? [imp.name, ...rest] : rest;
      return name.length === 1 ? this.qualify(name[0], target, depth + 1) : undefined;
    }
    if (imp.module.startsWith('.')) return undefined;
    return { library: [imp.module, ...(imp.name ? [imp.name] : []), ...rest].join('.') };
  }

  private importOf(path: string, local: string): { module: string; name?: string } | undefined {
    const facts = this.store.get(path)?.facts;
    return facts?.imports.find((i) => i.local === local && i.local !== '*') ?? facts?.lateImports?.find((i) => i.local === local);
  }
}

/** `Optional[LLM]`, `LLM | None`, `"LLM"`, `llms.LLM` → the class as a dotted name; undefined for anything else (`list[LLM]`, `Union[A, B]`). */
export function bareAnnotation(written: string): string | undefined {
  let text = written.trim().replace(/^["']|["']$/g, '').trim();
  const optional = /^(?:typing\.)?Optional\[(.*)\]$/.exec(text);
  if (optional) text = optional[1].trim();
  text = text.replace(/\s*\|\s*None$/, '').replace(/^None\s*\|\s*/, '').trim();
  return /^([A-Za-z_]\w*\.)*[A-Za-z_]\w*$/.test(text) ? text : undefined;
}

