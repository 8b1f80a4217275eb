/**
 * Functions handed to something that calls them: `executor.submit(model.inference, name, prompt)`,
 * `loop.run_in_executor(None, self.work, x)`, `asyncio.to_thread(fetch, url)`,
 * `threading.Thread(target=self.run_agent)`, `pool.apply_async(step, args)`. The function passed as a
 * value runs, so the call graph has an edge to it, bound to the arguments the dispatcher passes on. A
 * call passed as an argument (`create_task(agent.run())`) is a call already and needs no rule.
 */
import type { CalleeFact, Expr } from './facts';
import { exprText } from './extract';

type Call = Extract<Expr, { k: 'call' }>;

/** Dispatchers by the method or constructor name, and where the function and its arguments are. */
const POSITIONAL: Readonly<Record<string, number>> = {
  submit: 0,
  to_thread: 0,
  apply_async: 0,
  run_in_executor: 1,
  call_soon: 0,
  call_soon_threadsafe: 0,
  run_sync: 0,
};
/** Constructors that take the function as `target=` (threads, processes). */
const TARGET_KW = /^(Thread|Process)$/;

/** The calls a dispatcher call makes of the functions passed to it, as call facts of their own. */
export function passedCalls(fact: CalleeFact): CalleeFact[] {
  const call = fact.expr;
  if (call.k !== 'call') return [];
  const short = fact.callee.slice(fact.callee.lastIndexOf('.') + 1);
  const at = POSITIONAL[short];
  // `submit` and the like are methods of an executor or loop: a bare `submit(…)` is some other function.
  if (at !== undefined && fact.callee.includes('.')) {
    const fn = call.args[at];
    return fn && isFunctionValue(fn) ? [asCall(fn, call.args.slice(at + 1), {}, fact)] : [];
  }
  if (TARGET_KW.test(short)) {
    const fn = call.kw.target;
    return fn && isFunctionValue(fn) ? [asCall(fn, [], {}, fact)] : [];
  }
  return [];
}

/** A function named or read off an object (`fetch`, `model.inference`, `self.work`), not a call's result. */
function isFunctionValue(e: Expr): boolean {
  return e.k === 'name' || (e.k === 'member' && /^[\w.$]+$/.test(exprText(e)));
}

function asCall(callee: Expr, args: readonly Expr[], kw: Call['kw'], dispatcher: CalleeFact): CalleeFact {
  const text = exprText(callee);
  const line = dispatcher.line;
  return { callee: text, expr: { k: 'call', callee, text, args, kw, line }, line, ...(dispatcher.branch ? { branch: true } : {}) };
}

/** The calls of a function body with, after each dispatcher call, the calls it makes of the functions passed to it. */
export function withPassedCalls(calls: readonly CalleeFact[]): readonly CalleeFact[] {
  let out: CalleeFact[] | undefined;
  for (let i = 0; i < calls.length; i++) {
    const passed = passedCalls(calls[i]);
    if (passed.length) out ??= calls.slice(0, i);
    out?.push(calls[i], ...passed);
  }
  return out ?? calls;
}
