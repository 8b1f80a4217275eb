/**
 * Application state held in a store library's store (TypeScript): the model a UI request uses is often a
 * field of the store's initial state, read where the request is built.
 *
 *   export const useSettings = create(persist((set) => ({ ...defaultValues, update: (v) => set(v) }), { name: 's' }));
 *   const { model } = useSettings.getState();          // outside React
 *   const model = useSettings((s) => s.model);          // a selector in a component
 *   const { model } = useSettings();                    // the whole state
 *
 * The store is created by a function of the store library (zustand's `create`, `createStore`,
 * `createWithEqualityFn`, curried as `create<T>()(…)`) from an initializer `(set, get) => ({ … })`, often
 * wrapped in middleware (`persist`, `devtools`, `immer`, `subscribeWithSelector`, `combine`). Its state is
 * the object the initializer returns (with what it spreads), and under the repository's defaults nothing
 * has called `set` yet: each read gives the initial field. Extraction keeps the initializer's returned object
 * in place of the arrow function (`initializerObject`); the evaluator turns a creation call whose function is
 * imported from a store library into that state (`storeCreation`), and reads it through `getState()`, a call
 * of the hook, or a selector arrow (`storeRead`).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { RepoStore } from './store';
import type { Ctx, Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;
type ExprOf = (n: SyntaxNode, depth: number) => Expr;

/** Functions of a store library that build a store from an initializer, and middleware that wraps one. */
const CREATORS = /^(create|createStore|createWithEqualityFn|persist|devtools|immer|subscribeWithSelector|combine|redux)$/;
/** Modules whose `create*` functions make state stores. */
const STORE_LIBRARY = /^zustand(\/|$)/;
const FUNCTION_NODE = /^(arrow_function|function_expression|function)$/;

/** The function a call names, without type arguments or a curried `()` (`create<State>()(…)` → `create`). */
function creatorName(calleeText: string): string {
  return calleeText.replace(/<[^<>]*>/g, '').replace(/\(\)$/, '').split('.').pop() ?? '';
}

/**
 * An argument of a store creator that is the state initializer (`(set, get) => ({ model: "x", … })`, or a
 * block ending in `return { … }`): the object it returns, as an expression; undefined for anything else.
 */
export function initializerObject(calleeText: string, arg: SyntaxNode, depth: number, expr: ExprOf): Expr | undefined {
  if (!FUNCTION_NODE.test(arg.type) || !CREATORS.test(creatorName(calleeText))) return undefined;
  let body: SyntaxNode | null | undefined = arg.childForFieldName('body');
  while (body?.type === 'parenthesized_expression' && body.namedChildren[0]) body = body.namedChildren[0];
  if (body?.type === 'statement_block') {
    const last = body.namedChildren.filter((c) => c?.type === 'return_statement').pop();
    body = last?.namedChildren[0] ?? undefined;
    while (body?.type === 'parenthesized_expression' && body.namedChildren[0]) body = body.namedChildren[0];
  }
  return body?.type === 'object' ? expr(body, depth + 1) : undefined;
}

/** Where the evaluator's steps come from (eval-calls.ts's host). */
interface StoreHost {
  readonly store: RepoStore;
  eval(e: Expr, ctx: Ctx, depth?: number): Val | undefined;
  member(obj: Val, key: string, d: number): Val | undefined;
}

/** The name a callee starts from (`create` in `create<T>()`, `zustand.create`'s `zustand`). */
function rootName(e: Expr): string | undefined {
  if (e.k === 'name') return e.v;
  if (e.k === 'call' || e.k === 'member') return rootName(e.k === 'call' ? e.callee : e.obj);
  return undefined;
}

/** Whether `name` in module `path` is imported from a store library (`import { create } from "zustand"`). */
function fromStoreLibrary(store: RepoStore, path: string, name: string): boolean {
  const imports = store.get(path)?.facts.imports ?? [];
  return imports.some((i) => i.local === name && STORE_LIBRARY.test(i.module));
}

/** `create(persist(init, opts))`, `create<T>()(init)`: the store's initial state, marked as a store; undefined when the call is not one. */
export function storeCreation(h: StoreHost, e: CallExpr, ctx: Ctx, d: number): Val | undefined {
  if (!CREATORS.test(creatorName(e.text)) || !e.args[0]) return undefined;
  const root = rootName(e.callee);
  if (!root || !fromStoreLibrary(h.store, ctx.path, root)) return undefined;
  // Middleware wrapping the initializer (`persist(init, opts)`) is read through without a step of depth;
  // `combine(initialState, (set) => ({ actions }))`: the first argument is the state itself.
  let init = e.args[0];
  for (let hops = 0; init.k === 'call' && CREATORS.test(creatorName(init.text)) && init.args[0] && hops < 4; hops++) init = init.args[0];
  const state = h.eval(init, ctx, d);
  return state?.t === 'dict' ? { ...state, store: true } : undefined;
}

/** A selector arrow as written (`(s) => s.settings.model`, `state => state.model`): the path it reads, else undefined. */
function selectorPath(arg: Expr): string[] | undefined {
  if (arg.k !== 'unknown') return undefined;
  const m = /^\(?\s*(\w+)\s*(?::\s*[\w.<>[\]]+)?\s*\)?\s*=>\s*\1((?:\??\.\w+)+)\s*$/.exec(arg.text);
  return m ? m[2].split('.').map((p) => p.replace(/\?$/, '')).filter(Boolean) : undefined;
}

/**
 * A read of a store's state: `useStore.getState()`, `useStore()` (the hook, whole state), `useStore((s) => s.a.b)`
 * (a selector). `callee` is the callee's value where the evaluator already has it. Undefined when it is not one.
 */
export function storeRead(h: StoreHost, e: CallExpr, ctx: Ctx, d: number, callee?: Val): Val | undefined {
  if (e.callee.k === 'member' && e.callee.prop === 'getState' && !e.args.length) {
    const obj = h.eval(e.callee.obj, ctx, d);
    return obj?.t === 'dict' && obj.store ? obj : undefined;
  }
  if (callee?.t !== 'dict' || !callee.store) return undefined;
  if (!e.args.length) return callee;
  const path = e.args.length === 1 ? selectorPath(e.args[0]) : undefined;
  let v: Val | undefined = path ? callee : undefined;
  for (const key of path ?? []) v = v ? h.member(v, key, d) : undefined;
  return v;
}
