/**
 * A callable held as an attribute and called through it: `self.execute_node_func(node)` in a method of a class whose
 * constructor stored a parameter (`self.execute_node_func = execute_node_func`). Calling the attribute runs what the
 * constructor's callers passed: a function, a bound method (`CycleExecutionStrategy(execute_node_func=
 * self._execute_node)`), a partial of one, or, handed on again, the caller's own held attribute
 * (`CycleExecutor(execute_node_func=self.execute_node_func)` inside the strategy, whose constructor stored it the
 * same way: followed up to three constructors). The call graph gets an edge from the attribute's call to what runs,
 * bound to the arguments written there, as callable-params.ts does for a parameter called by name; loops whose
 * step runs through an engine's callback (OpenBMB/ChatDev's cycle executor) reach the node's request that way.
 *
 * Python only; an attribute that is also a method of the class is that method (the dispatcher's edge), and one the
 * constructor builds itself (`self.f = make_f()`) is not a parameter and is left to the evaluator.
 */
import type { Dispatch } from './dispatch';
import type { Evaluator } from './evaluate';
import type { Expr } from './facts';
import type { Edge } from './graph';
import type { RepoStore } from './store';
import { functionPassed, passedArg } from './callable-params';

/** Constructor callers read per class, and constructors a held callable is followed through. */
const MAX_CALLERS = 40;
const MAX_DEPTH = 3;

type Target = { readonly path: string; readonly fn: string };
type Picked = { readonly target: Target; readonly held: number };
type Callers = (path: string, fn: string) => readonly Edge[];

/** Edges from calls of a constructor-held attribute (`self.f(x)`) to the functions the constructor's callers pass. */
export function heldCallableEdges(store: RepoStore, ev: Evaluator, dispatch: Dispatch, callers: Callers): Edge[] {
  const out: Edge[] = [];
  for (const file of store.files()) {
    const path = file.file.path;
    if (!/\.pyi?$/.test(path)) continue;
    for (const fn of file.facts.functions) {
      const dot = fn.name.lastIndexOf('.');
      if (dot < 0) continue;
      const cls = fn.name.slice(0, dot);
      for (const c of fn.calls) {
        const call = c.expr;
        if (call.k !== 'call' || call.callee.k !== 'member' || !isSelf(call.callee.obj)) continue;
        const attr = call.callee.prop;
        if (file.functions.has(`${cls}.${attr}`)) continue;
        const seen = new Set<string>();
        for (const { target, held } of heldTargets(store, ev, dispatch, callers, path, cls, attr, 0)) {
          const key = `${target.path}#${target.fn}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const unknowns: Expr[] = Array.from({ length: held }, () => ({ k: 'unknown', text: '', line: c.line }));
          out.push({ path, from: fn.name, line: c.line, callee: c.callee, bound: { args: [...unknowns, ...call.args], kw: call.kw, ctx: { path, fn } }, target, ...(c.branch ? { branch: true } : {}) });
        }
      }
    }
  }
  return out;
}

function isSelf(e: Expr): boolean {
  return e.k === 'name' && e.v === 'self';
}

/** What class `cls`'s held attribute runs when called: what its constructor's callers pass in that parameter. */
function heldTargets(store: RepoStore, ev: Evaluator, dispatch: Dispatch, callers: Callers, path: string, cls: string, attr: string, depth: number): Picked[] {
  const stored = store.get(path);
  const held = stored?.classes.get(cls)?.attrs[attr];
  if (!stored || !held?.fn || held.fn !== `${cls}.__init__` || held.expr.k !== 'name') return [];
  const init = stored.functions.get(held.fn);
  const name = held.expr.v;
  const index = init ? init.params.findIndex((p) => p.name === name && p.fromObject === undefined) : -1;
  if (!init || index < 0) return [];
  const out: Picked[] = [];
  for (const edge of callers(path, held.fn).slice(0, MAX_CALLERS)) {
    const passed = passedArg(init, index, edge);
    if (!passed) continue;
    // Handed on from the caller's own held attribute (`CycleExecutor(f=self.f)` in a method of the strategy).
    const from = edge.from;
    const dot = from ? from.lastIndexOf('.') : -1;
    if (passed.k === 'member' && isSelf(passed.obj) && from && dot > 0) {
      if (depth < MAX_DEPTH) out.push(...heldTargets(store, ev, dispatch, callers, edge.path, from.slice(0, dot), passed.prop, depth + 1));
      if (store.get(edge.path)?.classes.get(from.slice(0, dot))?.attrs[passed.prop]?.fn === `${from.slice(0, dot)}.__init__`) continue;
    }
    const picked = functionPassed(passed, edge.bound.ctx, ev, dispatch, store);
    for (const target of picked?.targets ?? []) out.push({ target, held: picked!.held });
  }
  return out;
}
