/**
 * The bound of a LangGraph cycle whose router is a method of another object (`workflow.add_conditional_edges("Bull",
 * self.conditional_logic.should_continue_debate, {…})`, the method on a `ConditionalLogic` the graph's builder was
 * handed): the router is followed to its function, and the test that ends the cycle is read there —
 * `if state["debate"]["count"] >= 2 * self.max_debate_rounds: return "Manager"`. The limit is evaluated where the
 * router is written (`self.max_debate_rounds` of the instance, from its constructor's default or the value its
 * builder passes), times the factor written beside it: every node of the cycle adds one to the count, so a limit of
 * "rounds × nodes" is the number of passes.
 */
import type { Evaluator } from './evaluate';
import { tryEval } from './eval-args';
import type { Expr, FunctionFact } from './facts';
import { refExpr } from './resolved-models';

/** What a loop counter is called, and what a limit is called (as detect/graphs.ts reads an in-file router). */
const COUNTER = /(count|iteration|revision|step|turn|round|attempt|retries|loop|len\()/i;
const LIMIT = /(max|limit|cap|budget)/i;
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
/** `2 * self.max_rounds`, `self.max_rounds * 2`, `self.max_rounds`. */
const SCALED = /^(?:(\d+)\s*\*\s*)?([A-Za-z_][\w.]*)(?:\s*\*\s*(\d+))?$/;

export interface RouterBound {
  readonly steps: number;
  readonly option: string;
}

/** The passes a cycle's routers allow, from the first router whose function compares a counter with a limit. */
export function routerBound(ev: Evaluator, routers: readonly string[], at: { path: string; fn?: FunctionFact; line: number }): RouterBound | undefined {
  for (const text of routers) {
    const v = tryEval(ev, refExpr(text, 'member', at.line), { path: at.path, fn: at.fn });
    if (v?.t !== 'fn') continue;
    for (const test of v.fn.exitTests ?? []) {
      if (!test.op || !FLIP[test.op] || test.leftText === undefined || test.rightText === undefined) continue;
      const isCounter = (s: string): boolean => COUNTER.test(s) && !LIMIT.test(s);
      const [limitText, op] = isCounter(test.leftText) && !isCounter(test.rightText) ? [test.rightText, test.op] : isCounter(test.rightText) && !isCounter(test.leftText) ? [test.leftText, FLIP[test.op]] : [];
      const m = limitText ? SCALED.exec(limitText.trim()) : null;
      if (!m || !op || (m[1] && m[3])) continue;
      const limit: Expr = refExpr(m[2], 'member', test.line);
      const value = tryEval(ev, limit, { path: v.path, fn: v.fn, self: v.self });
      if (value?.t !== 'num' || !Number.isFinite(value.v) || value.v < 0) continue;
      const factor = Number(m[1] ?? m[3] ?? 1);
      // `count > N → leave` and `count <= N → stay` allow N + 1 passes; `>=` and `<` allow N.
      const steps = factor * value.v + (op === '>' || op === '<=' ? 1 : 0);
      if (steps >= 1) return { steps: Math.round(steps), option: `${test.leftText} ${test.op} ${test.rightText} (${m[2]} = ${value.v}, ${v.path}:${test.line})` };
    }
  }
  return undefined;
}
