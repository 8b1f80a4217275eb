/**
 * A repository loop's bound. Passes are counted from the code: `range(n)`; a header `while i < n`
 * (n − start passes); an exit guard `if i >= n: break` counted from the counter's start value, one
 * pass fewer when the counter is raised before the guard, one more when the guard comes after the
 * step's request (the request of the last pass is sent before the check) or when the guard's own branch
 * sends a request before leaving (a last, tool-less answer at the cap). Limits are followed to
 * their values (parameters and their defaults, class attributes, config defaults). A cost limit —
 * in the loop, or a guard that raises in a function the step runs through — bounds the loop at
 * what it buys (pricing divides it by the cost per step); a cost limit whose value the code does
 * not show still bounds it. Without any of these the loop is unbounded.
 */
import type { AgentLoopReport, SourceRef } from '../report/types';
import type { Expr, FunctionFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import type { Dispatch } from './dispatch';
import { exprText } from './extract';
import { concreteSelfValue } from './abstract-bounds';
import { stepFlagBound } from './step-flags';
import type { RepoStore } from './store';

const COST = /cost|budget|spend|price|usd|dollar/i;
const LIMIT = /limit|max|budget|cap/i;

export interface LoopBound {
  readonly maxSteps?: number;
  readonly option?: string;
  readonly boundKind?: AgentLoopReport['boundKind'];
  readonly boundAt?: SourceRef;
  readonly costLimitUsd?: number;
  /** Stopped by a cost limit (its value may be unknown). */
  readonly costBounded: boolean;
}

export interface Chain {
  readonly path: string;
  readonly fn: FunctionFact;
}

type Ctx = { readonly path: string; readonly fn?: FunctionFact };

/** `calleeAt`: the repository function a call of the loop's body (by its line) runs, for a flag its step returns (step-flags.ts). */
export function loopBound(ev: Evaluator, dispatch: Dispatch, ctx: Ctx, loop: LoopFact, stepLine: number | undefined, chain: readonly Chain[], store?: RepoStore, stepLines: readonly number[] = [], calleeAt?: (line: number) => Chain | undefined): LoopBound {
  const num = (e: Expr, c: Ctx): { v: number; at: SourceRef } | undefined => {
    // `self.max_steps` in an abstract base's loop: what its concrete subclasses hold (abstract-bounds.ts).
    const concrete = c === ctx && store ? concreteSelfValue(store, ev, dispatch, c, loop, e) : undefined;
    if (concrete) return concrete;
    try {
      const v = ev.eval(e, c);
      if (v?.t === 'num' && Number.isFinite(v.v)) return { v: v.v, at: v.at };
      // `self.config.cost_limit` where `config: ModelConfig`: the default of the field on the class it is typed as.
      if (e.k !== 'member') return undefined;
      for (const cls of dispatch.classesOf(e.obj, c, 0)) {
        const d = ev.member({ t: 'class', path: cls.path, cls: cls.cls }, e.prop, 0);
        if (d?.t === 'num' && Number.isFinite(d.v)) return { v: d.v, at: d.at };
      }
      return undefined;
    } catch {
      return undefined;
    }
  };
  if (loop.rangeEnd) {
    const v = num(loop.rangeEnd, ctx);
    const off = loop.rangeOffset ?? 0;
    const shown = off ? `${exprText(loop.rangeEnd)} ${off < 0 ? '−' : '+'} ${Math.abs(off)}` : exprText(loop.rangeEnd);
    if (v && v.v + off > 0) return { maxSteps: v.v + off, option: `range(${shown})`, boundKind: loop.rangeEnd.k === 'num' ? 'steps' : 'parameter', boundAt: v.at, costBounded: false };
  }
  let cost: { usd?: number; at?: SourceRef } | undefined;
  for (const limit of loop.limits) {
    const rightText = limit.right.k === 'member' ? limit.right.prop : limit.right.k === 'name' ? limit.right.v : '';
    if (COST.test(limit.left) || COST.test(rightText)) {
      const v = num(limit.right, ctx);
      if (!v || v.v > 0) cost ??= v ? { usd: v.v, at: v.at } : {};
      continue;
    }
    const v = num(limit.right, ctx);
    const down = v ? countdown(limit, v.v, ctx, num, loop, stepLine, stepLines) : undefined;
    if (down) return down;
    if (!v || v.v <= 0) continue;
    const steps = passes(limit, v.v, startOf(limit, v.v, ctx, num), loop, stepLine, stepLines);
    if (steps === undefined) continue;
    return {
      maxSteps: steps,
      option: `${limit.left} ${limit.op} ${rightText || v.v}`,
      boundKind: limit.right.k === 'num' ? 'counter' : 'parameter',
      boundAt: v.at,
      costBounded: false,
    };
  }
  // A flag the step returns, decided there by a counter and a cap (`done = self.n >= self.max`).
  const flagged = calleeAt ? stepFlagBound(loop, calleeAt, num) : undefined;
  if (flagged) return { ...flagged, costBounded: false };
  cost ??= chainCostLimit(chain, num);
  if (cost) return { costBounded: true, boundKind: 'cost-limit', ...(cost.usd !== undefined && cost.usd > 0 ? { costLimitUsd: cost.usd } : {}), ...(cost.at ? { boundAt: cost.at } : {}) };
  return { costBounded: false };
}

/** The counter's value before the first pass: what it is set to (a local, a class attribute), else 0. */
function startOf(limit: LoopFact['limits'][number], max: number, ctx: Ctx, num: (e: Expr, c: Ctx) => { v: number } | undefined): number {
  const start = limit.leftExpr && (limit.leftExpr.k === 'name' || limit.leftExpr.k === 'member') ? num(limit.leftExpr, ctx)?.v : undefined;
  return start !== undefined && start >= 0 && start < max ? start : 0;
}

/**
 * A countdown: a counter set before the loop (`remaining = max_retries`), lowered in the body (`remaining -= 1`)
 * and compared with a floor (`if remaining == 0: raise`, `while remaining > 0`). The passes are its start
 * minus the floor, one fewer when it is lowered before the guard, one more when the guard follows the request.
 */
function countdown(limit: LoopFact['limits'][number], floor: number, ctx: Ctx, num: (e: Expr, c: Ctx) => { v: number; at: SourceRef } | undefined, loop: LoopFact, stepLine: number | undefined, stepLines: readonly number[]): LoopBound | undefined {
  const lowered = loop.decrements?.find((d) => d.name === limit.left);
  if (!lowered || loop.increments?.some((i) => i.name === limit.left) || !limit.leftExpr || limit.leftExpr.k !== 'name') return undefined;
  const start = num(limit.leftExpr, ctx);
  if (!start || !Number.isInteger(start.v)) return undefined;
  // `while (remaining > 0)` from a start already at the floor (a setting that is off by default): no pass runs.
  if (limit.head && (limit.op === '>' ? start.v <= floor : limit.op === '>=' && start.v < floor)) return { maxSteps: 0, option: `${limit.left} ${limit.op} ${floor}, from ${start.v}`, boundKind: 'parameter', boundAt: start.at, costBounded: false };
  if (start.v <= floor) return undefined;
  const span = start.v - floor;
  const bound = (steps: number): LoopBound => ({ maxSteps: Math.max(1, steps), option: `${limit.left} ${limit.op} ${floor}`, boundKind: 'parameter', boundAt: start.at, costBounded: false });
  if (limit.head) return limit.op === '>' ? bound(span) : limit.op === '>=' ? bound(span + 1) : undefined;
  let stopAt: number;
  if (limit.op === '==' || limit.op === '<=') stopAt = span;
  else if (limit.op === '<') stopAt = span + 1;
  else return undefined;
  if (limit.line !== undefined && lowered.line < limit.line) stopAt -= 1;
  const afterStep = (stepLine !== undefined && limit.line !== undefined && limit.line > stepLine) || sentOnLeaving(limit, stepLines);
  return bound(stopAt + (afterStep ? 1 : 0));
}

/** Passes through the body before the comparison stops the loop. */
function passes(limit: LoopFact['limits'][number], max: number, start: number, loop: LoopFact, stepLine: number | undefined, stepLines: readonly number[]): number | undefined {
  if (limit.head) {
    if (limit.op === '<') return Math.max(1, max - start);
    if (limit.op === '<=') return Math.max(1, max - start + 1);
    return undefined;
  }
  // An exit guard: it stops at the first pass whose counter reaches the limit.
  let stopAt: number;
  if (limit.op === '>=' || limit.op === '==') stopAt = max - start;
  else if (limit.op === '>') stopAt = max - start + 1;
  else return undefined;
  const raised = loop.increments?.find((i) => i.name === limit.left);
  if (raised && limit.line !== undefined && raised.line < limit.line) stopAt -= 1;
  const afterStep = (stepLine !== undefined && limit.line !== undefined && limit.line > stepLine) || sentOnLeaving(limit, stepLines);
  return Math.max(1, stopAt + (afterStep ? 1 : 0));
}

/** The guard's own branch sends a request before leaving (`if n >= cap: final = ask(…); break`): the last pass's step. */
function sentOnLeaving(limit: LoopFact['limits'][number], stepLines: readonly number[]): boolean {
  const { line, branchEnd } = limit;
  return line !== undefined && branchEnd !== undefined && stepLines.some((l) => l > line && l <= branchEnd);
}

/** A cost compared with a limit in a function the step runs through, whose branch raises. */
function chainCostLimit(chain: readonly Chain[], num: (e: Expr, c: Ctx) => { v: number; at: SourceRef } | undefined): { usd?: number; at?: SourceRef } | undefined {
  let found: { usd?: number; at?: SourceRef } | undefined;
  for (const { path, fn } of chain) {
    for (const g of fn.guards ?? []) {
      const right = exprText(g.right);
      if (!(COST.test(g.left) && COST.test(right))) continue;
      // `cost > limit` or `limit < cost`: the limit is the side named like one.
      const limitExpr = LIMIT.test(right) ? g.right : LIMIT.test(g.left) ? g.leftExpr : undefined;
      const v = limitExpr ? num(limitExpr, { path, fn }) : undefined;
      if (v && v.v > 0) return { usd: v.v, at: v.at };
      // A limit of 0 is one switched off (`0 < limit < cost`); one the code does not show still stops the loop.
      if (!v) found ??= { at: { path, line: g.line } };
    }
  }
  return found;
}
