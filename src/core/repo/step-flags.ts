/**
 * A loop bounded by what its step returns: the loop leaves on a flag (`if done: break`, `while not done`) that a
 * call of its body returns, and the called function decides that flag from a counter it raises once per call and a
 * cap (`self.n += 1; done = self.n >= self.max_retries or success; return messages, done`, the environment-step
 * shape of agent rollouts). Each call is one pass, so the passes are the cap less the counter's start: the flag turns
 * true on the pass whose raise reaches the cap (one pass later when the test reads the counter before raising it).
 * Read from extract-py-flags.ts's facts: LoopFact.flagExits and FunctionFact.stepEffects.
 */
import type { SourceRef } from '../report/types';
import type { Expr, FunctionFact, LoopFact } from './facts';
import { exprText } from './extract';

type Ctx = { readonly path: string; readonly fn?: FunctionFact };
type Num = (e: Expr, c: Ctx) => { v: number; at: SourceRef } | undefined;
type Callee = { readonly path: string; readonly fn: FunctionFact };

export interface FlagBound {
  readonly maxSteps: number;
  readonly option: string;
  readonly boundKind: 'counter' | 'parameter';
  readonly boundAt: SourceRef;
}

/** `a <= b` read from the counter's side: the counter, the cap and the comparison as `counter op cap`. */
const FLIPPED: Record<string, string> = { '<': '>', '<=': '>=' };

export function stepFlagBound(loop: LoopFact, calleeAt: (line: number) => Callee | undefined, num: Num): FlagBound | undefined {
  for (const flag of loop.flagExits ?? []) {
    const callee = calleeAt(flag.callLine);
    const caps = callee?.fn.stepEffects;
    if (!callee || !caps?.returned) continue;
    const returned = caps.returned.find((r) => r.index === flag.index);
    for (const limit of returned?.limits ?? []) {
      const flipped = FLIPPED[limit.op];
      const counterExpr = flipped ? limit.right : limit.leftExpr;
      const capExpr = flipped ? limit.leftExpr : limit.right;
      const op = flipped ?? limit.op;
      if (!counterExpr || !capExpr || !/^(>=|>|==)$/.test(op)) continue;
      const counter = exprText(counterExpr);
      // The counter must move once per call for each call to be one pass nearer the cap.
      const raised = caps.raised?.find((r) => r.name === counter);
      if (!raised) continue;
      const ctx = { path: callee.path, fn: callee.fn };
      const cap = num(capExpr, ctx);
      if (!cap || !Number.isInteger(cap.v) || cap.v <= 0) continue;
      const from = num(counterExpr, ctx)?.v;
      const start = from !== undefined && from >= 0 && from < cap.v ? from : 0;
      const raisedFirst = limit.line !== undefined && raised.line < limit.line;
      const passes = cap.v - start + (raisedFirst ? 0 : 1) + (op === '>' ? 1 : 0);
      return {
        maxSteps: Math.max(1, passes),
        option: `${flag.name} = ${counter} ${op} ${exprText(capExpr)}`,
        boundKind: capExpr.k === 'num' ? 'counter' : 'parameter',
        boundAt: cap.at,
      };
    }
  }
  return undefined;
}
