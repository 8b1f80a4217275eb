/**
 * The argument the application passes beats the parameter's default. `class AI: def __init__(self,
 * model_name="gpt-4-turbo")` built by the CLI as `AI(model_name=model)` runs on the CLI's model; the
 * signature's default applies only where a caller omits the argument. When no caller is bound (the request is
 * priced from the class itself), the evaluator asks here before it takes the default:
 *
 * - the application's callers (runtime paths, not tests, examples or scripts) that pass the argument give its value;
 * - it wins only when every runtime caller that omits the argument builds the object as a fallback for one it was
 *   not given (`self.ai = ai or AI()`, `if ai is None: ai = AI()`): such a default is what runs only when the
 *   application's own object is missing. One plain `AI()` elsewhere keeps the default (it is a real choice).
 */
import { scopeOfPath } from '../report/scope';
import type { Expr, FunctionFact, ParamFact } from './facts';
import type { RepoStore } from './store';
import type { Bound, Val } from './values';

/** The caller bindings that pass the parameter, or undefined when the default stays (no caller passes it, or one omits it by choice). */
export function passingCallers(store: RepoStore, fn: FunctionFact, index: number, callers: readonly (Bound & { readonly line?: number })[]): readonly Bound[] | undefined {
  const p = fn.params[index];
  if (p.fromObject !== undefined) return undefined;
  const runtime = callers.filter((b) => scopeOfPath(b.ctx.path) === 'runtime');
  if (!runtime.length) return undefined;
  const passing: Bound[] = [];
  for (const b of runtime) {
    if (passes(fn, index, p, b)) passing.push(b);
    else if (b.line === undefined || !isFallbackConstruction(store, b.ctx.path, b.ctx.fn, b.line)) return undefined;
  }
  return passing.length ? passing : undefined;
}

/** Whether caller `b` passes argument number `index`, by keyword or by position. */
export function passes(fn: FunctionFact, index: number, p: ParamFact, b: Bound): boolean {
  if (b.kw[p.name]) return true;
  // Positions as the evaluator counts them (evaluate.ts param()).
  return b.args.length > fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
}

/** Whether the call at `line` in the caller is the fallback of an `or` (`x or Cls()`, `x ?? new Cls()`) or of a parameter left empty. */
function isFallbackConstruction(store: RepoStore, path: string, fn: FunctionFact | undefined, line: number): boolean {
  if (!fn) return false;
  for (const p of fn.params) if (p.fallback && callAt(p.fallback, line, true)) return true;
  const exprs: Expr[] = [...Object.values(fn.locals), ...Object.values(fn.moreLocals ?? {}).flat()];
  const dot = fn.name.indexOf('.');
  const cls = dot > 0 ? store.get(path)?.classes.get(fn.name.slice(0, dot)) : undefined;
  for (const attr of Object.values(cls?.attrs ?? {})) exprs.push(attr.expr);
  return exprs.some((e) => e.k === 'or' && callAt(e.right, line, false));
}

/** A call expression at `line` (the fallback itself, or inside an `or` chain's right side). */
function callAt(e: Expr, line: number, whole: boolean): boolean {
  if (e.k === 'call') return e.line === line;
  if (!whole && e.k === 'or') return callAt(e.right, line, false);
  return false;
}

/** How many callers of a closure factory are checked for agreement; more is not one answer we can vouch for. */
const MAX_FACTORY_CALLERS = 8;

/**
 * A closure factory's parameter (closures.ts closureParam): the argument its runtime callers pass, when one caller
 * passes it or all of them pass the same model (`create_bull(self.quick_llm)`, `create_bear(self.quick_llm)`).
 * Callers that disagree (`build_judge(fast)` and `build_judge(slow)`), or one whose argument cannot be followed,
 * leave it open: the closure runs on either, so the site keeps its own reading ("chosen at run time").
 * `modelKey` reduces a value to the model it stands for (an LM instance to the id it was built with).
 */
export function agreedArgument(callers: readonly Bound[], argOf: (b: Bound) => Val | undefined, modelKey: (v: Val) => string | undefined): Val | undefined {
  const runtime = callers.filter((b) => scopeOfPath(b.ctx.path) === 'runtime');
  if (!runtime.length || runtime.length > MAX_FACTORY_CALLERS) return undefined;
  const values: Val[] = [];
  for (const b of runtime) {
    const v = argOf(b);
    if (!v) return undefined;
    values.push(v);
  }
  if (values.length === 1) return values[0];
  const keys = values.map(modelKey);
  return keys[0] !== undefined && keys.every((k) => k === keys[0]) ? values[0] : undefined;
}
