/**
 * A tool loop written as recursion: a function that sends a request and, when the answer asks for tools, runs them,
 * appends their results to the conversation and calls itself again with what it was given
 * (`return self._get_completion()`, `yield from self.get_completion(model=model, messages=messages, …)`, found by
 * extract-recursion.ts). Each level is one pass of the loop. Nothing counts the levels: it goes on until the model
 * answers without a tool call (unbounded), unless the function leaves early once a budget is spent — a running
 * token or cost total compared with a limit (`if self.total_tokens_used >= Config.MAX_CONVERSATION_TOKENS: return`):
 * then it is bounded by that budget, priced at the steps whose running tokens (or cost) stay within it.
 * A function that also reads the user's input on every call is a conversation carried on by recursion, one level
 * per user turn: not an agent loop.
 */
import type { SourceRef } from '../report/types';
import type { FunctionFact, LoopFact, ToolRoundFact } from './facts';
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import type { LoopRequests } from './loop-requests';
import type { ReachFrom } from './recursion-loops';
import { readsUserInput } from './user-input';
import { functionLoop } from './function-loops';

/** A running total that a budget limits: tokens, or money. */
const TOKENS = /token/i;
const COST = /cost|budget|spend|price|usd|dollar/i;
const LEAVES = /^(>=|>)$/;

export function toolRoundLoop(store: RepoStore, ev: Evaluator, reachFrom: ReachFrom, requests: Pick<LoopRequests, 'ownOf' | 'lineOf'>, path: string, fn: FunctionFact, rec: ToolRoundFact): RepoLoop | undefined {
  const imports = store.get(path)?.facts.imports ?? [];
  if (fn.calls.some((c) => !c.branch && readsUserInput(c.callee, imports))) return undefined;
  const body: LoopFact = { line: fn.line, column: 0, endLine: fn.endLine, endColumn: 0, kind: 'while', limits: [], calls: fn.calls.filter((c) => c.line !== rec.line) };
  const direct = requests.ownOf(path, fn.name);
  const steps = direct.length ? direct : reachFrom(path, fn, body).steps;
  if (!steps.length) return undefined;
  const budget = budgetOf(ev, path, fn);
  return functionLoop(path, fn, steps, (s) => requests.lineOf(s), { ...(budget ? { stepOption: budget.option } : {}), unbounded: !budget, rule: 'tool-round-recursion' }, {
    ...(budget ? { boundKind: 'cost-limit' as const } : {}),
    ...(budget?.at ? { boundAt: budget.at } : {}),
    ...(budget?.tokens !== undefined ? { tokenLimit: budget.tokens } : {}),
    ...(budget?.usd !== undefined ? { costLimitUsd: budget.usd } : {}),
  });
}

/**
 * An early exit on a spent budget: a test that leaves the function (extract-exits.ts) comparing a running total with
 * a limit, the total named like tokens or money (`self.total_tokens_used >= Config.MAX_CONVERSATION_TOKENS`,
 * `self.cost > self.max_cost`). Its value, where the code shows one, is the budget the steps are priced within.
 */
function budgetOf(ev: Evaluator, path: string, fn: FunctionFact): { option: string; tokens?: number; usd?: number; at?: SourceRef } | undefined {
  for (const t of fn.exitTests ?? []) {
    if (!t.op || !t.left || !t.right || !t.leftText || !t.rightText) continue;
    // `total >= limit` or `limit <= total`: the total is on the side the comparison grows towards.
    const [total, limit, limitText] = LEAVES.test(t.op) ? [t.leftText, t.right, t.rightText] : /^(<=|<)$/.test(t.op) ? [t.rightText, t.left, t.leftText] : [];
    if (!total || !limit || !limitText) continue;
    const tokens = TOKENS.test(total) && TOKENS.test(limitText);
    if (!tokens && !(COST.test(total) || COST.test(limitText))) continue;
    const option = `${total} ${t.op} ${limitText}`;
    let v;
    try {
      v = ev.eval(limit, { path, fn });
    } catch {
      v = undefined;
    }
    if (v?.t !== 'num' || !(v.v > 0)) return { option };
    return tokens ? { option, tokens: v.v, at: v.at } : { option, usd: v.v, at: v.at };
  }
  return undefined;
}
