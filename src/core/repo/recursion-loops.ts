/**
 * Recursions priced as agent loops: a function that reaches a request and calls itself with a level counter
 * (extract-recursion.ts) runs one level per pass — a research step that recurses with `depth - 1` until the
 * depth is spent, a tool round that recurses with `_iteration + 1` until the cap. Its passes are counted from
 * the counter's start (the parameter's default, else what the application's callers pass) to the level where
 * the comparison that ends it turns: `newDepth > 0` from depth 2 is two levels, `next_iteration >= 25` from 0
 * is twenty-five. A recursion the code does not bound this way (a walk over a tree, a retry that calls itself
 * with the same arguments) is not taken: nothing says how deep it goes; nor is a safety stop (a bare number
 * against a counter only the function itself moves from its default). A tool loop written as recursion, with no level
 * counter, is tool-round-loops.ts's; one recursing on its own answers (a tree summary), reduce-recursion.ts's.
 */
import type { SourceRef } from '../report/types';
import type { Expr, FunctionFact, LoopFact, RecursionFact } from './facts';
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import { exprText } from './extract';
import type { LoopRequests } from './loop-requests';
import { toolRoundLoop } from './tool-round-loops';
import { reduceLoop } from './reduce-recursion';
import { functionLoop } from './function-loops';

/** The requests one pass of a function's body reaches (loops.ts's search from the body's calls). */
export type ReachFrom = (path: string, fn: FunctionFact, body: LoopFact) => { steps: readonly { path: string; callId: string }[]; stepLine?: number };

/** Past this many levels the count is not believed (a limit read wrong, a counter moving away from it). */
const MAX_LEVELS = 1000;

export function recursionLoops(store: RepoStore, ev: Evaluator, reachFrom: ReachFrom, taken: (path: string, line: number, endLine: number) => boolean, requests: Pick<LoopRequests, 'ownOf' | 'lineOf'>): RepoLoop[] {
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    const path = f.file.path;
    for (const fn of f.facts.functions) {
      const rec = fn.recursion;
      if (!rec || taken(path, fn.line, fn.endLine)) continue;
      if ('fedFrom' in rec) {
        // A folded site's other branches (site-groups.ts): the per-chunk request may be one of them.
        const alternatives = (callId: string): number[] => (f.file.calls.find((c) => c.id === callId)?.alternatives ?? []).map((a) => a.line);
        const reduced = reduceLoop(reachFrom, requests, path, fn, rec, alternatives);
        if (reduced) out.push(reduced);
        continue;
      }
      if ('toolRounds' in rec) {
        const rounds = toolRoundLoop(store, ev, reachFrom, requests, path, fn, rec);
        if (rounds) out.push(rounds);
        continue;
      }
      const bound = levels(ev, path, fn, rec);
      if (!bound) continue;
      // One pass is the body without the call to itself: what each level sends.
      const body: LoopFact = { line: fn.line, column: 0, endLine: fn.endLine, endColumn: 0, kind: 'while', limits: [], calls: fn.calls.filter((c) => c.line !== rec.line) };
      // The requests it sends itself (detected, or revealed by the repository), else those its body reaches.
      const direct = requests.ownOf(path, fn.name);
      const steps = direct.length ? direct : reachFrom(path, fn, body).steps;
      if (!steps.length) continue;
      const stepOption = `${rec.param} ${rec.step < 0 ? '−' : '+'} ${Math.abs(rec.step)} per level while ${bound.option}`;
      out.push(functionLoop(path, fn, steps, (s) => requests.lineOf(s), { maxSteps: bound.steps, stepOption, unbounded: false, rule: 'recursion' }, {
        boundKind: 'parameter',
        ...(bound.at ? { boundAt: bound.at } : {}),
      }));
    }
  }
  return out;
}

/** How many levels run: counted from the counter's start until the comparison that ends the recursion turns. */
function levels(ev: Evaluator, path: string, fn: FunctionFact, rec: RecursionFact): { steps: number; option: string; at?: SourceRef } | undefined {
  const limit = number(ev, rec.limit, path, fn);
  const start = number(ev, { k: 'name', v: rec.param, line: fn.line }, path, fn);
  if (!limit || !start) return undefined;
  // A bare number against a counter that starts at its own default (`depth > 3` with `depth=0`, moved only by the
  // function itself) is a safety stop of a recursion that rarely goes deep (a summary re-summarised while it does
  // not fit), not the length of a loop: the length is a named cap or what a caller asks for.
  const own = fn.params.find((p) => p.name === rec.param)?.default;
  if (rec.limit.k === 'num' && own && number(ev, own, path, fn)?.v === start.v) return undefined;
  const holds = (v: number): boolean => compare(v, rec.op, limit.v);
  // Compared as the next level's value: the first level always runs, the comparison decides the ones after it.
  const from = rec.next ? 1 : 0;
  const first = holds(start.v + rec.step * from);
  let count = from;
  for (let i = from; i < MAX_LEVELS && holds(start.v + rec.step * i) === first; i++) count++;
  if (count <= 0 || count >= MAX_LEVELS) return undefined;
  // The limit is where the count comes from when it is named (a cap); a bare number is the start's (a depth).
  const at = rec.limit.k === 'num' ? start.at : limit.at;
  return { steps: count, option: `${rec.next ? 'next ' : ''}${rec.param} ${rec.op} ${exprText(rec.limit)}, from ${start.v}`, at };
}

function number(ev: Evaluator, e: Expr, path: string, fn: FunctionFact): { v: number; at: SourceRef } | undefined {
  try {
    const v = ev.eval(e, { path, fn });
    return v?.t === 'num' && Number.isFinite(v.v) ? { v: v.v, at: v.at } : undefined;
  } catch {
    return undefined;
  }
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}
