/**
 * Calls through a parameter's object graph: `interpreter.llm.run(messages)` where `interpreter` is an
 * untyped parameter that its callers pass as `respond(self)`, or `llm.completions(**params)` where the
 * `llm` passed in holds a function in an attribute (`self.completions = fixed_completions`). What the
 * parameter holds comes from the callers, which the call graph itself provides: these calls cannot be
 * resolved while the graph is built. They are kept aside (per file, with its edges) and resolved once
 * the graph's first edges exist, in one or two rounds (a round's edges may give the next round's
 * parameters their callers). Each parameter is evaluated once per function and round, so the work is
 * linear in the number of such calls.
 */
import type { CalleeFact, FunctionFact } from './facts';
import type { Evaluator, Val } from './evaluate';
import type { Dispatch } from './dispatch';
import { attempt } from './values';

/** A call whose receiver starts at a parameter of its function and that the first pass left unresolved. */
export interface ParamCall {
  readonly path: string;
  readonly fn: FunctionFact;
  readonly fact: CalleeFact;
  /** The parameter the receiver chain starts from, then the attributes read off it (the last is the called one). */
  readonly root: string;
  readonly props: readonly string[];
}

export interface LateTarget {
  readonly call: ParamCall;
  readonly target: { readonly path: string; readonly fn: string };
}

const MAX_PROPS = 4;
const DOTTED = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/;
/** The receiver is the object itself, not a parameter passed in. */
const RECEIVER_SELF = /^(self|cls|this)$/;

/** The call, when its callee is `param.a.b(…)` for a parameter of `fn` (a plain dotted chain, a few attributes deep). */
export function paramCall(path: string, fn: FunctionFact | undefined, fact: CalleeFact): ParamCall | undefined {
  if (!fn || fact.expr.k !== 'call') return undefined;
  // From the callee's text: the expression is kept only a few levels deep.
  if (!DOTTED.test(fact.callee)) return undefined;
  const [root, ...props] = fact.callee.split('.');
  if (!props.length || props.length > MAX_PROPS || RECEIVER_SELF.test(root)) return undefined;
  // A local of the same name shadows the parameter (and is already followed by the first pass).
  if (fn.locals[root] || !fn.params.some((p) => p.name === root)) return undefined;
  return { path, fn, fact, root, props };
}

/** Resolves kept calls with the callers the graph now has. */
export function resolveParamCalls(calls: readonly ParamCall[], ev: Evaluator, dispatch: Dispatch): LateTarget[] {
  const roots = new Map<string, Val | undefined>();
  const out: LateTarget[] = [];
  for (const call of calls) {
    const ctx = { path: call.path, fn: call.fn };
    const key = `${call.path}#${call.fn.name}#${call.root}`;
    if (!roots.has(key)) roots.set(key, attempt(() => ev.eval({ k: 'name', v: call.root, line: call.fact.line }, ctx)));
    let v = roots.get(key);
    // Only an object of the repository (an instance, class or module) has attributes worth following.
    if (!v || !(v.t === 'inst' || v.t === 'class' || v.t === 'module')) continue;
    const last = call.props.length - 1;
    for (let i = 0; i < last && v; i++) v = attempt(() => ev.member(v!, call.props[i], 0));
    if (!v) continue;
    const holder = v;
    const callee = attempt(() => ev.member(holder, call.props[last], 0));
    for (const target of targetsOf(callee, holder, call.props[last], dispatch)) out.push({ call, target });
  }
  return out;
}

function targetsOf(callee: Val | undefined, holder: Val, name: string, dispatch: Dispatch): { path: string; fn: string }[] {
  if (callee?.t === 'fn') {
    // A method found on the holder's class: its subclasses' overrides may run too.
    if (holder.t === 'inst' && callee.fn.name.includes('.')) {
      const overrides = dispatch.methods([{ path: holder.path, cls: holder.cls }], name);
      if (overrides.length) return overrides;
    }
    return [{ path: callee.path, fn: callee.fn.name }];
  }
  if (callee?.t === 'inst') return dispatch.callable({ path: callee.path, cls: callee.cls });
  return [];
}

