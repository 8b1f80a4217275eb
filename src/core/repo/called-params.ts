/**
 * Functions handed to one of the repository's own helpers that calls its parameter: a fallback or retry
 * helper `send_inference(f)` that runs `await f(model)`, a `with_retries(fn)` that runs `fn()`, reached with a
 * bare function (`run_step`), a method read off an object (`self._run`) or a `functools.partial(self._run, …)`
 * (held in a local or written in the call). The helper runs what it is given, so the call that hands it over
 * reaches that function: the graph gets an edge from the caller to it, bound to the partial's arguments.
 * Which helpers call a parameter is read from the helpers themselves (any name, any wrapper): a parameter
 * called as a function whose result the helper returns, or handed on to another helper at a position that one calls (a few levels).
 * Named dispatchers of the standard library (`executor.submit`, `Thread(target=…)`) are passed-callables.ts's.
 */
import type { Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import type { Dispatch } from './dispatch';
import type { Edge } from './graph';
import type { RepoStore } from './store';
import { exprText } from './extract';
import { attempt } from './values';

const PARTIAL = /^(functools\.)?partial$/;
/** Helpers handing a parameter on to a helper that calls it: followed this many levels. */
const MAX_LEVELS = 3;

type FnKey = string;
const keyOf = (path: string, fn: string): FnKey => `${path}#${fn}`;

/**
 * The parameters (by name) a function runs in its own stead: it returns what calling them gives (`return await
 * f(model)`, `result = fn(); return result`). A parameter called only for its side effect (`await on_event(chunk)`
 * beside the function's own request) is a callback the function notifies, not the work it delegates.
 */
function calledHere(fn: FunctionFact): Set<string> {
  const out = new Set<string>();
  const isParam = (name: string): boolean => !fn.locals[name] && fn.params.some((p) => p.name === name && p.fromObject === undefined);
  for (const r of [fn.returns, ...(fn.moreReturns ?? [])]) {
    const value = r?.k === 'name' && fn.locals[r.v] ? fn.locals[r.v] : r;
    if (value?.k === 'call' && value.callee.k === 'name' && isParam(value.callee.v)) out.add(value.callee.v);
  }
  return out;
}

/** The argument an edge's call binds to the target's parameter `name` (by keyword, else by position). */
function argFor(target: FunctionFact, name: string, bound: Edge['bound']): Expr | undefined {
  if (bound.kw[name]) return bound.kw[name];
  const positional = target.params.filter((p) => p.fromObject === undefined);
  const at = positional.findIndex((p) => p.name === name);
  return at >= 0 ? bound.args[at] : undefined;
}

/**
 * Which functions call which of their parameters: those that call it themselves, then those that hand their
 * parameter on (as the argument) to a function that calls it, a few levels up.
 */
function paramCallers(store: RepoStore, edges: readonly Edge[]): Map<FnKey, Set<string>> {
  const calls = new Map<FnKey, Set<string>>();
  for (const f of store.files()) {
    for (const fn of f.facts.functions) {
      const own = calledHere(fn);
      if (own.size) calls.set(keyOf(f.file.path, fn.name), own);
    }
  }
  for (let level = 0; level < MAX_LEVELS; level++) {
    let grew = false;
    for (const e of edges) {
      const wanted = calls.get(keyOf(e.target.path, e.target.fn));
      const from = e.from ? store.get(e.path)?.functions.get(e.from) : undefined;
      const target = store.get(e.target.path)?.functions.get(e.target.fn);
      if (!wanted || !from || !target) continue;
      for (const name of wanted) {
        const arg = argFor(target, name, e.bound);
        if (arg?.k !== 'name' || from.locals[arg.v] || !from.params.some((p) => p.name === arg.v)) continue;
        const mine = calls.get(keyOf(e.path, from.name)) ?? new Set<string>();
        if (mine.has(arg.v)) continue;
        mine.add(arg.v);
        calls.set(keyOf(e.path, from.name), mine);
        grew = true;
      }
    }
    if (!grew) break;
  }
  return calls;
}

/** The function an argument hands over: itself, the local it names, or the function a partial binds (with its arguments). */
function handed(arg: Expr, fn: FunctionFact | undefined): { fn: Expr; args: readonly Expr[]; kw: Readonly<Record<string, Expr>> } | undefined {
  const value = arg.k === 'name' && fn?.locals[arg.v] ? fn.locals[arg.v] : arg;
  if (value.k === 'call' && PARTIAL.test(value.text) && value.args[0]) return functionValue(value.args[0]) ? { fn: value.args[0], args: value.args.slice(1), kw: value.kw } : undefined;
  return functionValue(value) ? { fn: value, args: [], kw: {} } : undefined;
}

/** A function named or read off an object (`run_step`, `self._run`), not a call's result or a literal. */
function functionValue(e: Expr): boolean {
  return e.k === 'name' || (e.k === 'member' && /^[\w.$]+$/.test(exprText(e)));
}

/** Edges from each call that hands a function to a helper calling it, to the function handed over. */
export function handedFunctionEdges(store: RepoStore, ev: Evaluator, dispatch: Dispatch, edges: readonly Edge[]): Edge[] {
  const calls = paramCallers(store, edges);
  const out: Edge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const wanted = calls.get(keyOf(e.target.path, e.target.fn));
    const target = wanted ? store.get(e.target.path)?.functions.get(e.target.fn) : undefined;
    if (!wanted || !target) continue;
    const ctx = e.bound.ctx;
    for (const name of wanted) {
      const arg = argFor(target, name, e.bound);
      const given = arg ? handed(arg, ctx.fn) : undefined;
      if (!given) continue;
      const v = attempt(() => ev.eval(given.fn, ctx));
      const targets = v?.t === 'fn' ? [{ path: v.path, fn: v.fn.name }] : v?.t === 'inst' ? dispatch.callable({ path: v.path, cls: v.cls }) : [];
      for (const t of targets) {
        const key = `${e.path}#${e.from ?? ''}#${e.line}#${t.path}#${t.fn}`;
        if (seen.has(key) || (t.path === e.target.path && t.fn === e.target.fn)) continue;
        seen.add(key);
        out.push({ path: e.path, from: e.from, line: e.line, callee: exprText(given.fn), bound: { args: given.args, kw: given.kw, ctx }, target: t, ...(e.branch ? { branch: true } : {}) });
      }
    }
  }
  return out;
}
