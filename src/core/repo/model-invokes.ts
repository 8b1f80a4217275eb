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

/**
 * Requests inside the repository's own chat-model classes, whose invokes are the call sites: `path#callId`.
 *
 * A class is a chat-model implementation when it defines a method the repository invokes as a chat model
 * (`self.llm.ainvoke(…)` somewhere → a class with `ainvoke`). Every request inside such a class (in that
 * method or a helper of the class it calls) runs only when some invoke runs, and the invoke is priced with the
 * application's prompts and traffic; billing the request inside again would count it twice, and a repository
 * with a dozen provider classes would add a dozen alternatives at full traffic. These requests are listed as
 * the implementation, not billed. With no model invoke in the repository nothing is an implementation.
 */
export function chatModelImplementations(store: RepoStore, typedImplementations: ReadonlySet<string> = new Set()): ReadonlySet<string> {
  const invoked = new Set<string>();
  for (const s of store.files()) for (const c of s.file.calls) if (isModelInvoke(c)) invoked.add(c.callee.slice(c.callee.lastIndexOf('.') + 1));
  const out = new Set<string>();
  if (!invoked.size && !typedImplementations.size) return out;
  for (const s of store.files()) {
    const implementing = new Set<string>();
    for (const name of s.functions.keys()) {
      const dot = name.lastIndexOf('.');
      // A class a call on the repository's own chat-model type dispatches to (typed-requests.ts), by class and method.
      if (dot > 0 && (invoked.has(name.slice(dot + 1)) || typedImplementations.has(name))) implementing.add(name.slice(0, dot));
    }
    if (!implementing.size) continue;
    // The class's methods by their span: a request in a function nested inside one (`async def _call()` in
    // `ainvoke`) belongs to the class as much as one in the method itself.
    const spans: { line: number; endLine: number }[] = [];
    for (const [name, fn] of s.functions) if ([...implementing].some((cls) => name.startsWith(`${cls}.`))) spans.push(fn);
    const requests = new Map(s.file.calls.map((c) => [c.id, c]));
    for (const fact of s.facts.calls) {
      const call = requests.get(fact.id);
      if (!call || call.agent || call.role || isModelInvoke(call)) continue;
      if (spans.some((f) => f.line <= call.line && call.line <= f.endLine)) out.add(`${s.file.path}#${call.id}`);
    }
  }
  return out;
}
