/**
 * A request priced on a parameter's signature default (`class Agent: def __init__(self, model_name="gpt-3.5-turbo")`
 * then `ChatOpenAI(model_name=model_name)`, TypeScript `constructor(model = "gpt-4o-mini")`) runs on what the
 * application passes in its place: `Agent(model_name=cfg_model)` built by the application runs on `cfg_model`.
 * Detection reads the default as if it were written at the call (the file cannot see the callers); this asks the
 * repository's runtime callers of the function that declares the parameter:
 *
 * - every one of them passes it, or omits it only to build a fallback object (passed-args.ts), and the values
 *   they pass resolve to one model: that model;
 * - they pass different models, or some omit it (the default is then one of them): the callers on the entry path
 *   (entry-paths.ts: the CLI's `main(model=args.model)` → `plan(…, model=model)`) decide when they agree on one
 *   model; the others' models widen the site's range. Without one entry answer the default stays, the callers'
 *   models widening its range;
 * - none passes it, or one passes a value that cannot be followed: the default stays.
 */
import type { ValueRef } from '../detect/types';
import { looksLikeModel } from '../detect/model-resolve';
import type { ModelSource, SourceRef } from '../report/types';
import { onEntryPath } from './entry-paths';
import type { Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import type { FunctionFact } from './facts';
import { passes, passingCallers } from './passed-args';
import { modelInstance } from './resolved-models';
import type { RepoStore } from './store';
import { entryFirst, type Bound, type Ctx } from './values';
import { scopeOfPath } from '../report/scope';

/** Another model some callers pass (or the default some leave in place): the site's range, not its price. */
export interface OtherPassedModel {
  readonly model: string;
  readonly at?: SourceRef;
}

export type PassedDefault =
  | { readonly model: string; readonly source: ModelSource; readonly others?: readonly OtherPassedModel[] }
  | { readonly disagree: readonly string[]; readonly others?: readonly OtherPassedModel[] };

/** Callers read for one parameter; past this many the answer is no single model we can vouch for. */
const MAX_CALLERS = 8;

type Callers = (path: string, fn: string) => readonly (Bound & { readonly line?: number })[];

export function passedInsteadOfDefault(store: RepoStore, evaluator: Evaluator, callers: Callers, path: string, ref: ValueRef): PassedDefault | undefined {
  const fn = ref.param ? store.get(path)?.functions.get(ref.param.function) : undefined;
  const index = fn ? fn.params.findIndex((p) => p.name === ref.param!.name && p.fromObject === undefined) : -1;
  if (!fn || index < 0) return undefined;
  const all = callers(path, fn.name);
  const passing = passingCallers(store, fn, index, all);
  if (!passing) return entryPathModel(evaluator, callers, fn, index, path, all);
  if (!passing.length || passing.length > MAX_CALLERS) return undefined;
  const found = new Map<string, { path: string; line?: number }>();
  for (const b of entryFirst(passing, path)) {
    const model = passedValue(evaluator, fn, index, b);
    if (!model) return undefined;
    if (!found.has(model)) found.set(model, { path: b.ctx.path, line: b.line });
  }
  if (found.size > 1) return { disagree: [...found.keys()], others: othersOf(found) };
  const [[model, at]] = [...found];
  return { model, source: { from: 'code', at: { path: at.path, line: at.line ?? 1 }, detail: `${fn.name}(${ref.param!.name}=…) is called with ${JSON.stringify(model)} (${where(at)}) in place of its default` } };
}

/** The model a caller passes for argument number `index`, when it resolves to one. */
function passedValue(evaluator: Evaluator, fn: FunctionFact, index: number, b: Bound): string | undefined {
  const position = fn.params.slice(0, index).filter((q) => q.fromObject === undefined).length;
  const arg = b.kw[fn.params[index].name] ?? b.args[position];
  const v = arg ? modelInstance(evaluator, tryEval(evaluator, arg, b.ctx)) : undefined;
  return v?.t === 'str' && looksLikeModel(v.v) ? v.v : undefined;
}

/**
 * Some runtime callers omit the argument (they run on the default) and others pass one: the models of the callers
 * on the entry path price the site when they are one, the rest make its range.
 */
function entryPathModel(evaluator: Evaluator, callers: Callers, fn: FunctionFact, index: number, path: string, all: readonly (Bound & { readonly line?: number })[]): PassedDefault | undefined {
  const runtime = all.filter((b) => scopeOfPath(b.ctx.path) === 'runtime');
  if (runtime.length < 2 || runtime.length > MAX_CALLERS) return undefined;
  const p = fn.params[index];
  const ctx: Ctx = { path, fn };
  const fallback = p.default ? modelInstance(evaluator, tryEval(evaluator, p.default, ctx)) : undefined;
  const byDefault = fallback?.t === 'str' && looksLikeModel(fallback.v) ? fallback.v : undefined;
  const entry = new Map<string, { path: string; line?: number }>();
  const every = new Map<string, { path: string; line?: number }>();
  for (const b of runtime) {
    const model = passes(fn, index, p, b) ? passedValue(evaluator, fn, index, b) : byDefault;
    if (!model) return undefined;
    const at = { path: b.ctx.path, line: b.line };
    if (!every.has(model)) every.set(model, at);
    if (onEntryPath(callers, b) && !entry.has(model)) entry.set(model, at);
  }
  if (every.size < 2) return undefined;
  if (entry.size !== 1 || entry.has(byDefault ?? '')) return { disagree: [...every.keys()], others: othersOf(every, byDefault) };
  const [[model, at]] = [...entry];
  const others = othersOf(every, model);
  const rest = others.map((o) => `${o.model}${o.at ? ` (${where(o.at)})` : ''}`).join(', ');
  const detail = `${fn.name}(${p.name}=…) is called with ${JSON.stringify(model)} (${where(at)}) on the path the application starts from, in place of its default; other callers run it on ${rest}`;
  return { model, source: { from: 'code', at: { path: at.path, line: at.line ?? 1 }, detail }, others };
}

function othersOf(found: ReadonlyMap<string, { path: string; line?: number }>, except?: string): OtherPassedModel[] {
  return [...found].filter(([m]) => m !== except).map(([model, at]) => ({ model, at: { path: at.path, line: at.line ?? 1 } }));
}

function where(at: { path: string; line?: number }): string {
  return at.line !== undefined ? `${at.path}:${at.line}` : at.path;
}
