/**
 * A loop that is a whole function, each call of it one pass (a recursion, a task put back on its own queue, a tool
 * round that calls itself again): the loop spans the function, its first request is the step, and every request it
 * reaches is a step site. The rules that find such loops differ only in how they bound it.
 */
import type { DetectedLoop } from '../detect/types';
import type { FunctionFact } from './facts';
import type { RepoLoop } from './types';

type StepRef = { readonly path: string; readonly callId: string };

/** What a rule says of the loop: its bound (or none) and which rule found it. */
export type FunctionLoopBound = Pick<DetectedLoop, 'maxSteps' | 'stepOption' | 'unbounded' | 'rule'>;

export function functionLoop(
  path: string,
  fn: Pick<FunctionFact, 'line' | 'endLine'>,
  steps: readonly StepRef[],
  lineOf: (s: StepRef) => number,
  bound: FunctionLoopBound,
  extra: Omit<RepoLoop, 'path' | 'loop' | 'step' | 'stepSites'> = {},
): RepoLoop {
  const { rule, ...limit } = bound;
  return {
    path,
    loop: {
      id: `l${fn.line}.0`,
      line: fn.line,
      column: 0,
      endLine: fn.endLine,
      endColumn: 0,
      framework: 'hand-written',
      ...limit,
      ...(steps[0].path === path ? { callId: steps[0].callId } : {}),
      rule,
    },
    step: steps[0],
    stepSites: steps.map((s) => ({ path: s.path, line: lineOf(s) })),
    ...extra,
  };
}
