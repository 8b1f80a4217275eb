/**
 * `zip(models, deployments)` read by position: a fallback helper walks `for model, deployment in zip(models, …)`
 * and its first pass (the one a default run prices, py-locals.ts) binds the first item of each list. Only that
 * first tuple is written out: item `i` of it is `lists[i][0]`, followed like any other index.
 */
import type { Expr } from './facts';
import type { Ctx, Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The value of a `zip(…)` call as a list holding its first tuple, or undefined for any other call. */
export function zippedFirst(e: CallExpr, ctx: Ctx): Val | undefined {
  if (e.text !== 'zip' || !e.args.length || Object.keys(e.kw).some((k) => k !== 'strict')) return undefined;
  const first: Expr = { k: 'list', items: e.args.map((a) => ({ k: 'index', obj: a, key: '0', line: e.line })), line: e.line };
  return { t: 'list', items: [first], ctx };
}
