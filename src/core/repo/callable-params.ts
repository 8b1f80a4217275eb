/**
 * A function handed to a helper that calls it: `retry_with_fallback_models(self._prepare_prediction)` or
 * `send_inference(functools.partial(self._run, problem=p))`, where the helper runs `await f(model)` for each model
 * of its fallback list. Calling the parameter runs what the callers passed (a function, a bound method, a partial of
 * one, a callable instance), so the call graph gets an edge from the helper's call to it, bound to the arguments the
 * helper passes there: the function's parameters take the helper's values (`model`, the loop's first item), as a
 * direct call would give them. A partial's own positional arguments come first, held as unknowns; its keywords are
 * the stage's values, which the helper's call cannot carry, so they are left out.
 *
 * Python only: TypeScript callbacks are mostly inline arrows, and a named one is a callback of a UI event as often
 * as a step of a request. Found once per graph build, after the first edges exist (the callers give the values).
 */
import { closureParam, enclosingFunction } from './closures';
import type { Expr, FunctionFact } from './facts';
import type { Dispatch } from './dispatch';
import type { Evaluator, Val } from './evaluate';
import type { Edge } from './graph';
import type { RepoStore } from './store';
import { attempt, type Ctx } from './values';

const PARTIAL = /^(functools\.)?partial$/;
/** Callers read per helper: a fallback helper is shared by every stage of an application. */
const MAX_CALLERS = 40;

type Target = { readonly path: string; readonly fn: string };

/** Edges from helpers' calls of a parameter to the functions their callers pass in that parameter. */
export function callableParamEdges(store: RepoStore, ev: Evaluator, dispatch: Dispatch, callers: (path: string, fn: string) => readonly Edge[]): Edge[] {
  const out: Edge[] = [];
  for (const file of store.files()) {
    const path = file.file.path;
    if (!/\.pyi?$/.test(path)) continue;
    for (const fn of file.facts.functions) {
      for (const c of fn.calls) {
        const call = c.expr;
        if (call.k !== 'call' || call.callee.k !== 'name' || fn.locals[call.callee.v]) continue;
        const name = call.callee.v;
        // The parameter of the function itself, or of the one a closure is written in (`await producer(handler)`
        // inside `async def _wrapped(…)`, `producer` the enclosing method's parameter).
        const own = fn.params.findIndex((p) => p.name === name && p.fromObject === undefined);
        const taker = own >= 0 ? { owner: fn, index: own } : closureParam(file.functions, fn, name);
        if (!taker || taker.owner.params[taker.index].fromObject !== undefined) continue;
        const { owner, index } = taker;
        const seen = new Set<string>();
        for (const picked of pickedThrough(owner, index, path, store, ev, dispatch, callers, 0)) {
          const held: Expr[] = Array.from({ length: picked.held }, () => ({ k: 'unknown', text: '', line: c.line }));
          for (const target of picked.targets) {
            const key = `${target.path}#${target.fn}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ path, from: fn.name, line: c.line, callee: c.callee, bound: { args: [...held, ...call.args], kw: call.kw, ctx: { path, fn } }, target, ...(c.branch ? { branch: true } : {}) });
          }
        }
      }
    }
  }
  return out;
}

/**
 * What the callers of `owner` pass in its parameter `index`; where a caller hands on its own parameter
 * (`self._execute_sequential_batch(items, executor_func)` inside `execute_items_parallel(self, items, executor_func)`),
 * what that caller's callers pass, up to three functions up.
 */
function pickedThrough(owner: FunctionFact, index: number, path: string, store: RepoStore, ev: Evaluator, dispatch: Dispatch, callers: (path: string, fn: string) => readonly Edge[], depth: number): { targets: Target[]; held: number }[] {
  const out: { targets: Target[]; held: number }[] = [];
  for (const edge of callers(path, owner.name).slice(0, MAX_CALLERS)) {
    const passed = passedArg(owner, index, edge);
    if (!passed) continue;
    const from = edge.bound.ctx.fn;
    const handed = passed.k === 'name' && from && !from.locals[passed.v] ? from.params.findIndex((p) => p.name === passed.v && p.fromObject === undefined) : -1;
    if (from && handed >= 0) {
      if (depth < 3) out.push(...pickedThrough(from, handed, edge.bound.ctx.path, store, ev, dispatch, callers, depth + 1));
      continue;
    }
    const picked = functionPassed(passed, edge.bound.ctx, ev, dispatch, store);
    if (picked) out.push(picked);
  }
  return out;
}

/** The argument a caller passes to parameter `index` (by keyword or position). */
export function passedArg(fn: FunctionFact, index: number, edge: Edge): Expr | undefined {
  const p = fn.params[index];
  return edge.bound.kw[p.name] ?? edge.bound.args[fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length];
}

/** The functions a passed value runs when called, and how many positional arguments a partial already holds. */
export function functionPassed(arg: Expr, ctx: Ctx, ev: Evaluator, dispatch: Dispatch, store: RepoStore): { targets: Target[]; held: number } | undefined {
  // A closure the caller writes and hands on by name (`producer=_run_and_close`): that def.
  const functions = arg.k === 'name' && ctx.fn ? store.get(ctx.path)?.functions : undefined;
  const nested = arg.k === 'name' ? functions?.get(arg.v) : undefined;
  if (functions && nested && enclosingFunction(functions, nested) === ctx.fn) return { targets: [{ path: ctx.path, fn: nested.name }], held: 0 };
  // `f = functools.partial(self._run, …)` then `helper(f)`: the local's construction.
  const local = arg.k === 'name' ? ctx.fn?.locals[arg.v] : undefined;
  const built = local?.k === 'call' && PARTIAL.test(local.text) ? local : arg;
  const partial = built.k === 'call' && PARTIAL.test(built.text) ? built : undefined;
  const fnExpr = partial ? partial.args[0] : arg;
  if (!fnExpr) return undefined;
  const v: Val | undefined = attempt(() => ev.eval(fnExpr, ctx));
  const held = partial ? partial.args.length - 1 : 0;
  if (v?.t === 'fn') return { targets: [{ path: v.path, fn: v.fn.name }], held };
  if (v?.t === 'inst') {
    const targets = dispatch.callable({ path: v.path, cls: v.cls });
    return targets.length ? { targets, held } : undefined;
  }
  return undefined;
}
