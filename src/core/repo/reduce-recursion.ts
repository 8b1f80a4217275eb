/**
 * A function that sends requests and calls itself on what they answered (extract-recursion.ts `reduction`): a tree
 * summary summarises every chunk, then summarises the summaries by calling itself, until one chunk is left. Each
 * level is one pass of a loop (its requests are the step, a level's fan-out one pass's worth). Nothing counts the
 * levels — the input shrinks each time, but how many levels it takes depends on the data — so the loop is unbounded
 * and priced at the assumed step count, with that assumption said. A request must be among what feeds the call (a
 * level that only repacks its input and recurses is a walk, not a loop of requests). Detection folds the requests a
 * function sends on exclusive branches into one site (site-groups.ts): the final summary of the one-chunk branch
 * (`if len(text_chunks) == 1: return llm.apredict(…)`) keeps the per-chunk requests of the `else` as alternatives.
 * One of those feeding the call is the level's request too: both branches run, on different levels.
 */
import type { FunctionFact, LoopFact } from './facts';
import type { ReduceFact } from './loop-await';
import type { RepoLoop } from './types';
import type { LoopRequests } from './loop-requests';
import type { ReachFrom } from './recursion-loops';
import { functionLoop } from './function-loops';

export function reduceLoop(
  reachFrom: ReachFrom,
  requests: Pick<LoopRequests, 'ownOf' | 'lineOf'>,
  path: string,
  fn: FunctionFact,
  rec: ReduceFact,
  alternativeLines: (callId: string) => readonly number[] = () => [],
): RepoLoop | undefined {
  const feeds = (line: number): boolean => rec.fedFrom.some((f) => f.line <= line && line <= f.endLine);
  const own = requests.ownOf(path, fn.name);
  const fed = own.some((s) => feeds(requests.lineOf(s)) || alternativeLines(s.callId).some(feeds));
  // A helper called where the answers are made (`summaries = await self._summarize_all(chunks)`) sends them.
  const body: LoopFact = { line: fn.line, column: 0, endLine: fn.endLine, endColumn: 0, kind: 'while', limits: [], calls: fn.calls.filter((c) => c.line !== rec.line && feeds(c.line)) };
  const reached = fed ? [] : body.calls.length ? reachFrom(path, fn, body).steps : [];
  if (!fed && !reached.length) return undefined;
  const steps = own.length ? own : reached;
  return functionLoop(path, fn, steps, (s) => requests.lineOf(s), { stepOption: 'calls itself on its own answers until the input is reduced: no level count', unbounded: true, rule: 'reduce-recursion' });
}
