/**
 * A limit read from `self` in an abstract base class's loop: `while self.current_step < self.max_steps:
 * await self.step()` in `BaseAgent.run`, where `step` is abstract. No instance of the base itself ever
 * runs that loop — the subclasses do — so the limit is the value the concrete subclasses hold (each
 * agent's `max_steps = 20`), not the base's own default (10). The concrete classes are the leaves of the
 * class tree below the base (classes nothing extends, tests apart); where they differ, the value most of
 * them hold is the default path's. A base that is not abstract keeps its own value: it runs as written.
 */
import type { ClassFact, Expr, FunctionFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import type { ClassRef, Dispatch } from './dispatch';
import type { SourceRef } from '../report/types';
import type { RepoStore } from './store';
import { scopeOfPath } from '../report/scope';

const SELF = /^(self|this)$/;
/** Subclasses looked at: a wide agent family fits, a framework's whole tree does not need to. */
const MAX_LEAVES = 24;

export interface ConcreteValue {
  readonly v: number;
  readonly at: SourceRef;
  /** How many concrete subclasses hold it, of how many. */
  readonly holders: number;
  readonly of: number;
}

/** `self.<attr>` in a method of an abstract class: the number its concrete subclasses hold; undefined otherwise. */
export function concreteSelfValue(store: RepoStore, ev: Evaluator, dispatch: Dispatch, ctx: { path: string; fn?: FunctionFact }, loop: LoopFact, e: Expr): ConcreteValue | undefined {
  if (e.k !== 'member' || e.obj.k !== 'name' || !SELF.test(e.obj.v) || !ctx.fn) return undefined;
  const dot = ctx.fn.name.lastIndexOf('.');
  if (dot < 0) return undefined;
  const file = store.get(ctx.path);
  const cls = file?.classes.get(ctx.fn.name.slice(0, dot));
  if (!file || !cls || !runsAbstractStep(file.functions, cls, loop)) return undefined;
  const leaves = dispatch.subclassesOf({ path: ctx.path, cls }).filter((s, _, all) => !all.some((o) => o !== s && o.cls.bases.some((b) => lastName(b) === s.cls.name)) && scopeOfPath(s.path) !== 'test').slice(0, MAX_LEAVES);
  const counts = new Map<number, { at: SourceRef; n: number }>();
  for (const leaf of leaves) {
    const v = valueOn(ev, leaf, e.prop);
    if (!v) continue;
    const known = counts.get(v.v);
    if (known) known.n++;
    else counts.set(v.v, { at: v.at, n: 1 });
  }
  let best: ConcreteValue | undefined;
  const of = [...counts.values()].reduce((n, c) => n + c.n, 0);
  for (const [v, c] of counts) if (!best || c.n > best.holders) best = { v, at: c.at, holders: c.n, of };
  return best;
}

function valueOn(ev: Evaluator, c: ClassRef, prop: string): { v: number; at: SourceRef } | undefined {
  try {
    const v = ev.member({ t: 'class', path: c.path, cls: c.cls }, prop, 0);
    return v?.t === 'num' && Number.isFinite(v.v) && v.v > 0 ? { v: v.v, at: v.at } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The loop's body calls a method of its own class that has no body to speak of (an `@abstractmethod`, a
 * `raise NotImplementedError`): the step each subclass writes, so the loop only ever runs in a subclass.
 */
function runsAbstractStep(functions: ReadonlyMap<string, FunctionFact>, cls: ClassFact, loop: LoopFact): boolean {
  return loop.calls.some((c) => {
    const m = /^(?:self|this)\.(\w+)$/.exec(c.callee);
    const fn = m ? functions.get(`${cls.name}.${m[1]}`) : undefined;
    return fn !== undefined && !fn.returns && !fn.loops.length && fn.calls.every((x) => /(^|\.)NotImplementedError$/.test(x.callee)) && fn.endLine - fn.line <= 12;
  });
}

function lastName(base: string): string {
  return base.replace(/\[.*$/, '').split('.').pop() ?? '';
}
