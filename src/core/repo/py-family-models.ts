/**
 * Python: the model of a call on the repository's own chat-model class family (py-families.ts), where the
 * class fixes it or the caller hands it in.
 *
 * - A class fixing its model: one of its methods on the request path hands `super()` a value of its own at the
 *   base method's model parameter (`super()._raw_gen(baseself, DOCSGPT_MODEL, messages)`).
 * - A model-server client: a class of the repository whose own methods post to a model server by hand
 *   (`requests.post(f"{self.api_url}/generate", json={"model": model, …})`, `self.api_url = f"{host}/api"` from a
 *   constructor parameter: Ollama, vLLM, llama.cpp, LM Studio, TGI) and take the model as a parameter
 *   (`generate_completion(self, model, prompt)`, `chat(self, message, model=DEFAULT_MODEL)`). The caller picks the
 *   model per call, so each call of such a method is the request site, on the model it passes (by keyword or by
 *   position, else the parameter's default); the posts inside are the implementation. An SDK wrapper of the same
 *   shape (`chat_completion(self, model, …)` around `litellm.acompletion`) stays a wrapper whose callers are uses:
 *   only a hand-written post makes the class a client of its own.
 */
import type { DetectedCall } from '../detect/types';
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { exprText } from './extract';
import { attempt } from './values';
import type { ResolvedModel } from './types';
import { scopeOfPath } from '../report/scope';
import { looksLikeModel } from './model-flow';
import { bare } from './py-family-helpers';

export const MODEL_PARAM = /^(model|model_name|model_id|engine)$/;

/** What these readers need of the family (py-families.ts). */
export interface FamilyLookup {
  lookup(cls: string, method: string): { owner: string; fn: FunctionFact; path: string } | undefined;
  pathOf(cls: string, method: string): Set<string>;
  sendersFor(cls: string, method: string): ReadonlySet<string>;
}

/** `Class.method` of the family whose requests are hand-written HTTP posts only (no SDK request beside them). */
export class PostingMethods {
  private readonly posting = new Set<string>();
  private readonly other = new Set<string>();

  note(cls: string, method: string, call: DetectedCall): void {
    (call.framework === 'http' ? this.posting : this.other).add(`${cls}.${method}`);
  }

  postsOnly(sender: string): boolean {
    return this.posting.has(sender) && !this.other.has(sender);
  }
}

/** The model parameter of `method` on `cls` (its index among the named parameters), where the method has one. */
export function modelParam(family: FamilyLookup, cls: string, method: string): { index: number; fn: FunctionFact; path: string } | undefined {
  const impl = family.lookup(cls, method);
  const index = impl ? impl.fn.params.findIndex((p) => MODEL_PARAM.test(p.name)) : -1;
  return impl && index >= 0 ? { index, fn: impl.fn, path: impl.path } : undefined;
}

/**
 * A model-server client's request method: `method` on `cls` takes the model as a parameter and ends only in
 * hand-written HTTP posts of the class's own methods.
 */
export function modelClientMethod(family: FamilyLookup, posts: PostingMethods, cls: string, method: string): boolean {
  if (!modelParam(family, cls, method)) return false;
  const senders = family.sendersFor(cls, method);
  return senders.size > 0 && [...senders].every((s) => posts.postsOnly(s));
}

/** The model a call of a model-server client's method passes: the argument at the model parameter, else its default. */
export function passedModel(
  family: FamilyLookup,
  evaluator: Evaluator,
  roots: readonly string[],
  method: string,
  expr: Extract<Expr, { k: 'call' }>,
  ctx: { path: string; fn?: FunctionFact },
): ResolvedModel | undefined {
  for (const root of roots) {
    const param = modelParam(family, root, method);
    if (!param) continue;
    const p = param.fn.params[param.index];
    const arg = expr.kw[p.name] ?? (expr.args.some((a) => a.k === 'unknown' && a.text.startsWith('*')) ? undefined : expr.args[param.index]);
    const at = arg ? ctx : { path: param.path, fn: param.fn };
    const value = arg ?? p.default;
    const v = value ? attempt(() => evaluator.eval(selfIn(value), at)) : undefined;
    // The application's value, or one the call's own file writes (an evaluation script's argparse default).
    if (v?.t === 'str' && looksLikeModel(v.v) && (scopeOfPath(v.at.path) === 'runtime' || v.at.path === ctx.path)) {
      return { model: v.v, source: { from: v.via === 'code' ? 'code' : v.via, at: v.at, detail: `${exprText(value!)} → ${JSON.stringify(v.v)}` } };
    }
  }
  return undefined;
}

/** `self` as a call's arguments keep it deep in an expression (unknown text), read as the name again. */
function selfIn(e: Expr): Expr {
  if (e.k === 'unknown' && e.text === 'self') return { k: 'name', v: 'self', line: e.line };
  if (e.k === 'member' || e.k === 'index') return { ...e, obj: selfIn(e.obj) };
  if (e.k === 'call') return { ...e, callee: selfIn(e.callee) };
  if (e.k === 'or') return { ...e, left: selfIn(e.left), right: selfIn(e.right) };
  return e;
}

/**
 * A model the class fixes itself: one of its methods on the request path hands `super()` a value of its own
 * at the base method's model parameter (`super()._raw_gen(baseself, DOCSGPT_MODEL, messages)`).
 */
export function overriddenModel(family: FamilyLookup, evaluator: Evaluator, functions: ReadonlyMap<string, FunctionFact>, path: string, cls: ClassFact, method: string): ResolvedModel | undefined {
  const onPath = family.pathOf(cls.name, method);
  for (const [name, fn] of functions) {
    if (!name.startsWith(`${cls.name}.`)) continue;
    const own = name.slice(cls.name.length + 1);
    if (!onPath.has(own)) continue;
    for (const c of fn.calls) {
      const m = /^super\(\)\.(\w+)$/.exec(c.callee);
      if (!m || c.expr.k !== 'call') continue;
      const base = cls.bases.map((b) => family.lookup(bare(b), m[1])).find(Boolean);
      if (!base) continue;
      const index = base.fn.params.findIndex((p) => MODEL_PARAM.test(p.name));
      if (index < 0) continue;
      const arg = c.expr.kw[base.fn.params[index].name] ?? c.expr.args[index];
      if (!arg || arg.k === 'name' && fn.params.some((p) => p.name === (arg as { v: string }).v)) continue;
      const v = attempt(() => evaluator.eval(arg, { path, fn }));
      if (v?.t === 'str' && looksLikeModel(v.v)) {
        return { model: v.v, source: { from: v.via === 'code' ? 'code' : v.via, at: v.at, detail: `${cls.name}.${own} sends ${exprText(arg)} → ${JSON.stringify(v.v)} (the class the repository picks by default)` } };
      }
    }
  }
  return undefined;
}
