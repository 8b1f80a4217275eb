/**
 * Which branch of a Python `if`/`elif`/`else` the default configuration takes, from the tests the branch runs
 * under (branch-tests-py.ts): the tested value followed to its default (a CLI option's default, what the
 * callers pass) and compared with the branch's literal text. Two uses:
 *
 * - a local assigned on exclusive branches (`if model == "x": m = Model("y")` … `else: m = Model(model)`):
 *   the assignment whose tests hold comes first, those whose tests fail are dropped, undecided ones keep their
 *   order (the older first-that-resolves rule);
 * - a request on a branch of a wrapper that switches on the model it is given (`if "claude" in model:
 *   client.messages.create(model=model, …)`): of the models the callers pass, the first that the branch's
 *   tests accept is the one it runs on.
 *
 * A test that cannot be decided (its value unknown, a condition of another shape) never drops a branch.
 */
import type { BranchTest, Expr, FunctionFact } from './facts';
import type { Bound, Ctx, Val } from './values';
import type { ResolvedModel } from './types';
import { modelOf } from './resolved-models';

const MAX_CALLERS = 8;

/** true when every test holds for the values, false when one fails, undefined when some cannot be decided. */
export function testsHold(tests: readonly BranchTest[], value: (e: Expr) => Val | undefined): boolean | undefined {
  let all: boolean | undefined = true;
  for (const t of tests) {
    const got = holds(t, value);
    if (got === false) return false;
    if (got === undefined) all = undefined;
  }
  return all;
}

function holds(t: BranchTest, value: (e: Expr) => Val | undefined): boolean | undefined {
  if (t.k === 'unknown' || !t.subject || !t.values?.length) return undefined;
  const v = value(t.subject);
  if (v?.t !== 'str') return undefined;
  const got = t.k === 'eq' ? t.values.includes(v.v) : t.values.some((s) => v.v.includes(s));
  return t.not ? !got : got;
}

/**
 * Values written on branches (`tests[i]` guards `items[i]`, null for none), split by the default configuration:
 * those whose tests hold (`taken`), those no test decides (`open`); those whose tests fail are left out.
 */
export function byBranchTests<T>(items: readonly T[], tests: readonly (readonly BranchTest[] | null)[], value: (e: Expr) => Val | undefined): { taken: T[]; open: T[] } {
  const taken: T[] = [];
  const open: T[] = [];
  items.forEach((item, i) => {
    const t = tests[i];
    const got = t ? testsHold(t, value) : undefined;
    if (got === true) taken.push(item);
    else if (got === undefined) open.push(item);
  });
  return { taken, open };
}

/** The assignments of local `name` in the order to try them: the branch taken first, branches not taken left out. */
export function pickAssignment(fn: FunctionFact, name: string, assigned: readonly Expr[], value: (e: Expr) => Val | undefined): readonly Expr[] {
  const tests = fn.localTests?.[name];
  if (!tests?.some(Boolean)) return assigned;
  const { taken, open } = byBranchTests(assigned, tests, value);
  // A first assignment on no branch is the value until a later statement changes it: the order stays (a branch not
  // taken still drops out); only a local set on exclusive branches from the start is read from the branch taken.
  if (!tests[0]) return assigned.filter((e) => taken.includes(e) || open.includes(e));
  return [...taken, ...open];
}

/**
 * The model of a request sent on a branch of a wrapper that switches on a parameter (`if "claude" in model:`):
 * of the callers that fill the function, the first whose values the branch's tests accept, with the model
 * expression read under that caller's arguments. Undefined where the tests name no parameter of the function,
 * or no caller's values decide them true.
 */
export function branchModel(
  tests: readonly BranchTest[] | undefined,
  modelExpr: Expr,
  ctx: Ctx,
  callers: readonly Bound[],
  value: (e: Expr, ctx: Ctx) => Val | undefined,
): ResolvedModel | undefined {
  const fn = ctx.fn;
  if (!tests?.length || !fn || ctx.bound) return undefined;
  const onParam = tests.some((t) => t.subject?.k === 'name' && !fn.locals[t.subject.v] && fn.params.some((p) => p.name === (t.subject as { v: string }).v));
  if (!onParam) return undefined;
  for (const b of callers.slice(0, MAX_CALLERS)) {
    const at: Ctx = { ...ctx, bound: b };
    if (testsHold(tests, (e) => value(e, at)) !== true) continue;
    const m = modelOf(value(modelExpr, at), modelExpr);
    if (m) return { ...m, source: { ...m.source, detail: `${m.source.detail ?? m.model} (the branch its tests take for the caller at ${b.ctx.path}:${b.line ?? '?'})` } };
  }
  return undefined;
}
