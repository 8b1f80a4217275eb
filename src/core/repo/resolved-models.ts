/**
 * From an evaluated value to the model a call uses: the string a repository's own LM wrapper was built
 * with, a `ResolvedModel` with where it was found, and a detection `ValueRef` as an expression to follow.
 * Pure helpers of the repository index (index.ts).
 */
import type { Expr } from './facts';
import type { Evaluator, Val } from './evaluate';
import { exprText } from './extract';
import { looksLikeModel } from './model-flow';
import type { ResolvedModel } from './types';

/** A repository class that wraps an LM (`LitellmModel(model="gpt-4o", …)`): the model it was built with. */
export function modelInstance(evaluator: Evaluator, v: Val | undefined): Val | undefined {
  if (v?.t !== 'inst') return v;
  // A model a caller set on the object before handing it on wins over what it was built with (caller-sets.ts).
  const set = ['model', 'model_name', 'model_id', 'deployment_name'].map((k) => v.sets?.[k]).find((s) => s?.t === 'str');
  if (set) return set;
  if (!v.ctx) return v;
  for (const key of ['model', 'model_name', 'model_id']) {
    let got: Val | undefined;
    try {
      got = evaluator.member(v, key, 0);
    } catch {
      got = undefined;
    }
    if (got?.t === 'str') return got;
  }
  return v;
}

export function modelOf(v: Val | undefined, expr: Expr): ResolvedModel | undefined {
  if (v?.t !== 'str' || !looksLikeModel(v.v)) return undefined;
  const from = v.via === 'code' ? 'code' : v.via;
  const detail = v.detail ?? `${exprText(expr)} → ${JSON.stringify(v.v)}`;
  return { model: v.v, source: { from, at: v.at, detail } };
}

/** A ValueRef's text (`settings.llm.model`, `get_model`, `MODEL`) as an expression to follow. */
export function refExpr(text: string, kind: string, line: number): Expr {
  if (kind === 'env') return { k: 'env', name: text, line };
  const parts = text.replace(/\(.*$/, '').split('.');
  let e: Expr = { k: 'name', v: parts[0], line };
  for (const p of parts.slice(1)) e = { k: 'member', obj: e, prop: p, line };
  if (kind === 'call') e = { k: 'call', callee: e, text, args: [], kw: {}, line };
  return e;
}
