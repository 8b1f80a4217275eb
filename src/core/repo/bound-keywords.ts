/**
 * The call an evaluated function is bound to, and the keywords of that call its `**kwargs` parameter collects:
 * what evaluate.ts reads when a function body names its `**kwargs` (py-params.ts records which parameter that is).
 */
import type { FunctionFact } from './facts';
import type { Bound, Ctx, Val } from './values';

/** The call bound to `fn`: the one the context carries, else for a constructor the construction of `self`. */
export function boundOf(fn: FunctionFact, ctx: Ctx): Bound | undefined {
  return ctx.bound ?? (ctx.self?.ctx && /\.(__init__|constructor)$/.test(fn.name) ? { args: ctx.self.args, kw: ctx.self.kw, ctx: ctx.self.ctx } : undefined);
}

/** `**kwargs` of a bound call (py-params.ts): the keywords it passes that no named parameter takes. */
export function extraKeywords(fn: FunctionFact, bound: Bound | undefined): Val | undefined {
  if (!bound) return undefined;
  const entries = Object.fromEntries(Object.entries(bound.kw).filter(([k]) => k !== '**' && !fn.params.some((p) => p.name === k)));
  return { t: 'dict', entries, ctx: bound.ctx, ...(bound.kw['**'] ? { spreads: [bound.kw['**']] } : {}) };
}
