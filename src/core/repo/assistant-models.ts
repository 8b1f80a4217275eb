/**
 * The model an OpenAI Assistants API run executes on (detect/assistant-runs.ts). A run names its assistant, not a
 * model (`runs.stream(threadId, { assistant_id })`): the model is the assistant's, set where the assistant is made or
 * changed, often in another route or a setup script:
 *
 *   // app/api/assistants/route.ts                          // app/api/assistants/threads/[threadId]/messages/route.ts
 *   const assistant = await openai.beta.assistants.create({   const stream = openai.beta.threads.runs.stream(threadId, {
 *     instructions: 'You are a helpful assistant.',              assistant_id: assistantId,   // process.env.OPENAI_ASSISTANT_ID
 *     model: 'gpt-4o', tools: [...] });                        });
 *
 * The id is a run-time value (returned by the create, then kept in an env variable or a config file), so the link is
 * the repository's own assistants: the model its `beta.assistants.create`/`update` calls name, when they agree (a
 * clear majority). Where none names one (the assistant is made in OpenAI's dashboard), nothing is guessed: pricing
 * leaves the run unpriced and says so (pricing.ts), never on another request's model.
 */
import type { DetectedCall } from '../detect/types';
import { ASSISTANT_MODEL_SETTER, isAssistantRun } from '../detect/assistant-runs';
import type { CalleeFact, Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import { exprText } from './extract';
import { modelOf } from './resolved-models';
import type { RepoStore } from './store';
import { clearMajority } from './type-defaults';
import type { ResolvedModel } from './types';

export { isAssistantRun };

interface SetModel {
  readonly model: ResolvedModel;
  readonly path: string;
  readonly line: number;
}

/** Every model the repository's assistant creates and updates name. */
export function assistantSetModels(store: RepoStore, ev: Evaluator): SetModel[] {
  const out: SetModel[] = [];
  for (const f of store.files()) {
    const path = f.file.path;
    const scopes: { fn?: FunctionFact; calls: readonly CalleeFact[] }[] = [{ calls: f.facts.moduleCalls }, ...f.facts.functions.map((fn) => ({ fn, calls: fn.calls }))];
    for (const { fn, calls } of scopes) {
      for (const c of calls) {
        if (!ASSISTANT_MODEL_SETTER.test(c.callee)) continue;
        const expr = optionOf(c.expr, 'model');
        const model = expr ? modelOf(tryEval(ev, expr, { path, fn }), expr) : undefined;
        if (model && !out.some((o) => o.path === path && o.line === expr!.line)) out.push({ model, path, line: expr!.line });
      }
    }
  }
  return out;
}

/** The model of an assistant run that names none: the one the repository's assistants are set to. */
export function assistantModel(sets: readonly SetModel[]): ResolvedModel | undefined {
  const pick = clearMajority(sets.map((s) => s.model.model));
  const hit = pick ? sets.find((s) => s.model.model === pick.value) : undefined;
  if (!hit || !pick) return undefined;
  const share = pick.count < sets.length ? ` (${pick.count} of the ${sets.length} assistant models it sets)` : '';
  return { model: hit.model.model, source: { from: 'code', at: { path: hit.path, line: hit.line }, detail: `the run executes on its assistant's model: beta.assistants.create/update at ${hit.path}:${hit.line} sets ${JSON.stringify(hit.model.model)}${share}` } };
}

/** Why an assistant run that names no model is left unpriced (undefined for any other call, or one the repository's assistants price): the assistant it names, and that no assistant of the repository names a model. */
export function unnamedAssistantReason(store: RepoStore, path: string, call: DetectedCall, sets: readonly SetModel[]): string | undefined {
  if (call.model || call.modelRef || !isAssistantRun(call.callee) || assistantModel(sets)) return undefined;
  const id = runCallOf(store, path, call);
  const named = id ? optionOf(id, 'assistant_id') : undefined;
  const which = named ? `assistant_id ${exprText(named)}` : 'its assistant';
  const none = sets.length ? `the repository's assistants are set to several models (${[...new Set(sets.map((s) => s.model.model))].join(', ')})` : 'no beta.assistants.create in the repository names a model (the assistant is made elsewhere, e.g. in the OpenAI dashboard)';
  return `the run executes on the model of ${which}, and ${none}`;
}

/** The run's own call expression (its arguments), from the facts of its function. */
function runCallOf(store: RepoStore, path: string, call: DetectedCall): Expr | undefined {
  const f = store.get(path);
  if (!f) return undefined;
  for (const calls of [f.facts.moduleCalls, ...f.facts.functions.map((fn) => fn.calls)]) {
    const hit = calls.find((c) => c.line === call.line && c.callee === call.callee);
    if (hit) return hit.expr;
  }
  return undefined;
}

/** A keyword (Python) or a key of an object argument (TypeScript) of a call. */
function optionOf(e: Expr, key: string): Expr | undefined {
  if (e.k !== 'call') return undefined;
  if (e.kw[key]) return e.kw[key];
  for (const a of e.args) if (a.k === 'dict' && a.entries[key]) return a.entries[key];
  return undefined;
}
