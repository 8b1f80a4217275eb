/**
 * The values the evaluator (evaluate.ts) follows across the repository, the context it evaluates
 * them in, and the small pure helpers on them.
 */
import type { SourceRef } from '../report/types';
import { scopeOfPath } from '../report/scope';
import type { ConfigDoc } from './config-files';
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Receiver } from './instance-setters';
import type { ClientValue } from './model-flow';
import type { AliasProvider } from './provider-aliases';

export type Via = 'code' | 'config' | 'env-default';

export interface Inst {
  readonly t: 'inst';
  readonly path: string;
  readonly cls: ClassFact;
  readonly args: readonly Expr[];
  readonly kw: Readonly<Record<string, Expr>>;
  readonly ctx?: Ctx;
  /** The local name it was built into (`configs = LMConfigs()`): later method calls on it set attributes (instance-setters.ts). */
  readonly recv?: Receiver;
  /** Fields a caller set on it before handing it on (`self.model.model_name = "…"`, caller-sets.ts): they win. */
  readonly sets?: Readonly<Record<string, Val>>;
}

export type Val =
  | { readonly t: 'str'; readonly v: string; readonly at: SourceRef; readonly via: Via; readonly detail?: string }
  | { readonly t: 'num'; readonly v: number; readonly at: SourceRef; readonly via: Via; readonly detail?: string }
  /** `store`: the state of an application state store (state-stores.ts), read by `getState()`, its hook or a selector. */
  /** `aliases`: an AI SDK provider that maps names to models, `customProvider`'s options or a registry's providers (provider-aliases.ts). */
  | { readonly t: 'dict'; readonly entries: Readonly<Record<string, Expr>>; readonly ctx: Ctx; readonly via?: Via; readonly spreads?: readonly Expr[]; readonly store?: boolean; readonly aliases?: AliasProvider; readonly keyed?: readonly (readonly [Expr, Expr])[] }
  | { readonly t: 'list'; readonly items: readonly Expr[]; readonly ctx: Ctx }
  | { readonly t: 'cfg'; readonly data: unknown; readonly doc: ConfigDoc; readonly key?: string }
  /** A settings object merged from several configuration files, read from `keys` on (settings-objects.ts). */
  | { readonly t: 'settings'; readonly docs: readonly ConfigDoc[]; readonly keys: readonly string[] }
  | { readonly t: 'module'; readonly path: string }
  | { readonly t: 'fn'; readonly path: string; readonly fn: FunctionFact; readonly self?: Inst }
  | { readonly t: 'class'; readonly path: string; readonly cls: ClassFact }
  | Inst
  /** A file the code reads at run time (a prompt or template). */
  | { readonly t: 'file'; readonly path: string; readonly from: SourceRef }
  /** What a client sends with a request (model-flow.ts). */
  | ClientValue;

export interface Bound {
  readonly args: readonly Expr[];
  readonly kw: Readonly<Record<string, Expr>>;
  readonly ctx: Ctx;
  /** The line of the call, where the caller lookup knows it (passed-args.ts tells fallback constructions apart by it). */
  readonly line?: number;
}

export interface Ctx {
  readonly path: string;
  readonly fn?: FunctionFact;
  readonly self?: Inst;
  readonly bound?: Bound;
  /** A request body read where a helper sends it (body-models.ts): its unbound `**kwargs` are what its callers pass. */
  readonly sentBody?: boolean;
}

/** Callers of a function or constructor (`Class.__init__`), with the arguments they pass. */
export type CallerLookup = (path: string, fnName: string) => readonly Bound[];

/**
 * The application's own callers before examples and scripts: the default entry path decides. A test's calls are
 * left out of a function that is not itself a test's (`fnPath`): a test passes values of its own (fakes such as
 * `model="whisper-2"`), not the repository's configuration.
 */
export function entryFirst(callers: readonly Bound[], fnPath?: string): readonly Bound[] {
  // A module's own top-level code calling its function (an `if __name__ == "__main__":` demo) is run by hand;
  // where other files call it too, they are the application.
  const ownDemo = (b: Bound): boolean => fnPath !== undefined && b.ctx.path === fnPath && b.ctx.fn === undefined;
  const runtime = callers.filter((b) => scopeOfPath(b.ctx.path) === 'runtime');
  const ordered = runtime.some(ownDemo) && runtime.some((b) => !ownDemo(b)) ? [...runtime.filter((b) => !ownDemo(b)), ...runtime.filter(ownDemo)] : runtime;
  if (ordered.length === callers.length) return ordered === runtime ? callers : ordered;
  const tests = fnPath !== undefined && scopeOfPath(fnPath) !== 'test' ? [] : callers.filter((b) => scopeOfPath(b.ctx.path) === 'test');
  return [...ordered, ...callers.filter((b) => !['runtime', 'test'].includes(scopeOfPath(b.ctx.path))), ...tests];
}

export function typeExpr(type: string, line: number): Expr {
  const [head, ...rest] = type.split('.');
  return rest.reduce<Expr>((obj, prop) => ({ k: 'member', obj, prop, line }), { k: 'name', v: head, line });
}

/** The name or attribute path an expression reads (`messages`, `self.history`, `run.llm`): `typeExpr`'s inverse; undefined for anything computed. */
export function dottedPath(e: Expr): string | undefined {
  if (e.k === 'name') return e.v;
  if (e.k !== 'member') return undefined;
  const obj = dottedPath(e.obj);
  return obj ? `${obj}.${e.prop}` : undefined;
}

export function withVia(v: Val, via: Via): Val {
  if ((v.t === 'str' || v.t === 'num') && v.via === 'code') return { ...v, via };
  if (v.t === 'dict') return { ...v, via };
  return v;
}

/** A step of the evaluator that may throw on code it cannot follow (a cycle, a depth cap): no value, not a failure. */
export function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

/** The first item's value that is defined. */
export function firstOf<T, V>(items: readonly T[], get: (item: T) => V | undefined): V | undefined {
  for (const item of items) {
    const v = get(item);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The method a closure is written in (`def wrapper(): self._completion(…)` inside a method): the innermost around it. */
export function enclosingMethod(functions: Iterable<FunctionFact>, fn: FunctionFact): FunctionFact | undefined {
  let best: FunctionFact | undefined;
  for (const f of functions) {
    if (f.name.includes('.') && f.line < fn.line && fn.endLine <= f.endLine && (!best || f.line > best.line)) best = f;
  }
  return best;
}
