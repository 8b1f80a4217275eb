/**
 * Invoking a chat-model object (`self.llm.ainvoke(messages)`, `judge_llm.invoke(…)`) is a request site, even
 * where the object is one of the repository's own chat-model classes whose method holds the HTTP or SDK
 * request: the invoke is where the application decides to ask the model, with its prompts and traffic. It is
 * never a use of that method (uses are callers of plain helper functions, `call_model(…)`).
 *
 * And where a call's model ref is read (refCtx below).
 */
import type { DetectedCall } from '../detect/types';
import type { FunctionFact } from './facts';
import type { RepoStore } from './store';
import type { Ctx } from './values';

const INVOKE = /\.(invoke|ainvoke|stream|astream|batch|abatch)$/;

export function isModelInvoke(call: DetectedCall): boolean {
  return !call.agent && call.framework === 'langchain' && INVOKE.test(call.callee) && call.role !== 'binding';
}

/**
 * The context a call's model ref is read in: the call's own function, unless detection followed the value into
 * another function of the file (a module-level helper sending `**params` that a method built from `self.model`);
 * then the innermost function holding the ref's line.
 */
export function refCtx(store: RepoStore, path: string, line: number, own: Ctx): Ctx {
  const fn = own.fn;
  if (fn && fn.line <= line && line <= fn.endLine) return own;
  let best: FunctionFact | undefined;
  for (const f of store.get(path)?.functions.values() ?? []) if (f.line <= line && line <= f.endLine && (!best || f.line >= best.line)) best = f;
  return best && best !== fn ? { path, fn: best } : own;
}
