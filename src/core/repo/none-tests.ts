/**
 * Conditional expressions that test for None: `limit if limit is not None else default`,
 * `default if self.cap is None else self.cap` (Python), `limit === undefined ? 10 : limit` (TypeScript, an
 * equality with `undefined` or `null`, conditions.ts). The evaluator used to take the first branch that resolves,
 * which is the default whichever way it is written when the value is unset, but also the default in the
 * second spelling when the value is set (a class attribute `cap = 6`, a parameter `limit=7`), so the
 * bound read was the fallback instead of the value. The test is kept on the `or` Expr (`Cond` `none`) and
 * decided here: a value the code shows is not None; a name, parameter default or attribute written as
 * `None` is None; anything else is left undecided (both branches stay candidates, as before).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Cond, Expr } from './facts';
import type { CondHooks } from './conditions';
import type { Ctx } from './values';

const MAX_HOPS = 4;

/** The `x is None` / `x is not None` test of a conditional expression (either side may be the None). */
export function pyNoneTest(node: SyntaxNode, expr: (n: SyntaxNode) => Expr): Cond | undefined {
  if (node.type === 'parenthesized_expression' && node.namedChildren[0]) return pyNoneTest(node.namedChildren[0], expr);
  if (node.type !== 'comparison_operator' || node.namedChildren.length !== 2) return undefined;
  const [left, right] = node.namedChildren;
  if (!left || !right) return undefined;
  const op = node.text.slice(left.endIndex - node.startIndex, right.startIndex - node.startIndex).trim().replace(/\s+/g, ' ');
  if (op !== 'is' && op !== 'is not') return undefined;
  const value = left.type === 'none' ? right : right.type === 'none' ? left : undefined;
  if (!value || value.type === 'none') return undefined;
  return { k: 'none', e: expr(value), ...(op === 'is not' ? { not: true } : {}) };
}

const NULLISH = new Set(['None', 'undefined', 'null']);

/** Python `None`, TypeScript `undefined` / `null` as written. */
export const isNullish = (e: Expr): boolean => (e.k === 'unknown' && NULLISH.has(e.text)) || (e.k === 'name' && NULLISH.has(e.v));

/** true: the value is None under the default configuration; false: it holds something; undefined: not known. */
export function isNone(e: Expr, ctx: Ctx, hooks: CondHooks, hops = 0): boolean | undefined {
  if (isNullish(e)) return true;
  if (hops > MAX_HOPS) return undefined;
  let value;
  try {
    value = hooks.value(e, ctx);
  } catch {
    value = undefined;
  }
  if (value) return false;
  // Unresolved: only a binding written as None says it is None.
  if (e.k === 'name') {
    const local = ctx.fn?.locals[e.v];
    if (local) return isNone(local, ctx, hooks, hops + 1);
    const param = ctx.fn?.params.find((p) => p.name === e.v);
    if (param) return param.default ? isNone(param.default, ctx, hooks, hops + 1) : undefined;
    const global = hooks.store.get(ctx.path)?.facts.values[e.v];
    return global ? isNone(global, { path: ctx.path }, hooks, hops + 1) : undefined;
  }
  if (e.k === 'member' && e.obj.k === 'name' && e.obj.v === 'self' && ctx.fn?.name.includes('.')) {
    const cls = hooks.store.get(ctx.path)?.classes.get(ctx.fn.name.split('.')[0]);
    const attr = cls?.attrs[e.prop];
    if (!attr) return undefined;
    const fn = attr.fn ? hooks.store.get(ctx.path)?.functions.get(attr.fn) : undefined;
    return isNone(attr.expr, { path: ctx.path, ...(fn ? { fn } : {}) }, hooks, hops + 1);
  }
  return undefined;
}
