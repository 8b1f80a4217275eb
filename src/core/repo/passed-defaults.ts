/**
 * A request priced on a parameter's signature default (`class Agent: def __init__(self, model_name="gpt-3.5-turbo")`
 * then `ChatOpenAI(model_name=model_name)`, TypeScript `constructor(model = "gpt-4o-mini")`) runs on what the
 * application passes in its place: `Agent(model_name=cfg_model)` built by the application runs on `cfg_model`.
 * Detection reads the default as if it were written at the call (the file cannot see the callers); this asks the
 * repository's runtime callers of the function that declares the parameter:
 *
 * - every one of them passes it, or omits it only to build a fallback object (passed-args.ts), and the values
 *   they pass resolve to one model: that model;
 * - they pass different models: the default stays, and the source says the callers disagree;
 * - none passes it, one omits it by choice, or one passes a value that cannot be followed: the default stays.
 */
import type { ValueRef } from '../detect/types';
import { looksLikeModel } from '../detect/model-resolve';
import type { ModelSource } from '../report/types';
import type { Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import { passingCallers } from './passed-args';
import { modelInstance } from './resolved-models';
import type { RepoStore } from './store';
import { entryFirst, type Bound } from './values';

export type PassedDefault = { readonly model: string; readonly source: ModelSource } | { readonly disagree: readonly string[] };

/** Callers read for one parameter; past this many the answer is no single model we can vouch for. */
const MAX_CALLERS = 8;

export function passedInsteadOfDefault(store: RepoStore, evaluator: Evaluator, callers: (path: string, fn: string) => readonly Bound[], path: string, ref: ValueRef): PassedDefault | undefined {
  const fn = ref.param ? store.get(path)?.functions.get(ref.param.function) : undefined;
  const index = fn ? fn.params.findIndex((p) => p.name === ref.param!.name && p.fromObject === undefined) : -1;
  if (!fn || index < 0) return undefined;
  const passing = passingCallers(store, fn, index, callers(path, fn.name));
  if (!passing?.length || passing.length > MAX_CALLERS) return undefined;
  const position = fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
  const found = new Map<string, { path: string; line?: number }>();
  for (const b of entryFirst(passing, path)) {
    const arg = b.kw[fn.params[index].name] ?? b.args[position];
    const v = arg ? modelInstance(evaluator, tryEval(evaluator, arg, b.ctx)) : undefined;
    if (v?.t !== 'str' || !looksLikeModel(v.v)) return undefined;
    if (!found.has(v.v)) found.set(v.v, { path: b.ctx.path, line: b.line });
  }
  if (found.size > 1) return { disagree: [...found.keys()] };
  const [[model, at]] = [...found];
  const where = at.line !== undefined ? `${at.path}:${at.line}` : at.path;
  return { model, source: { from: 'code', at: { path: at.path, line: at.line ?? 1 }, detail: `${fn.name}(${ref.param!.name}=…) is called with ${JSON.stringify(model)} (${where}) in place of its default` } };
}
