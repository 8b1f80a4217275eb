/**
 * Loops of tasks across functions: a loop whose way to its requests passes through a call made inside
 * another agent loop that runs until the model is done (`while True` with no step or budget bound) —
 * `for attempt in range(5): for chunk in assistant.chat(m): …`, where `chat` runs `respond()`'s
 * `while True` — repeats whole runs of that agent loop. Its passes are tasks, not steps: the agent loop
 * inside is the one priced, and the outer loop is not reported as a second loop with the same requests.
 * An inner loop with a bound of its own (a requery loop of at most 3 asks inside each step of a run
 * loop) is part of a step, and the outer loop stays the task's loop.
 */
import type { FunctionFact, LoopFact } from './facts';

/** A call on the way from a loop to its requests: the function making it (`path#name`) and its line. */
export interface Passage {
  readonly fn: string;
  readonly line: number;
  /** Calls from the loop's own function to this one (1: called from the loop's body). */
  readonly hops: number;
}

export interface Candidate<R extends { readonly through: readonly Passage[] } = { readonly through: readonly Passage[] }> {
  readonly path: string;
  readonly fn?: FunctionFact;
  readonly loop: LoopFact;
  readonly reached: R;
  /** No step or budget bound: the loop runs until the model is done, a whole task per run. */
  readonly runsToEnd?: boolean;
}

/** The candidates whose way to their requests does not run through the body of another candidate that runs to the end. */
export function withoutTaskLoops<C extends Candidate>(candidates: readonly C[]): C[] {
  const spans = new Map<string, { loop: LoopFact; line: number; endLine: number }[]>();
  for (const c of candidates) {
    if (!c.runsToEnd) continue;
    const key = `${c.path}#${c.fn?.name ?? ''}`;
    const list = spans.get(key) ?? [];
    list.push({ loop: c.loop, line: c.loop.line, endLine: c.loop.endLine });
    spans.set(key, list);
  }
  return candidates.filter((c) => !c.reached.through.some((p) => (spans.get(p.fn) ?? []).some((s) => s.loop !== c.loop && s.line <= p.line && p.line <= s.endLine)));
}

/** A loop run inside the steps of another, and how many calls away from the outer loop it is. */
export interface InnerLoop {
  readonly path: string;
  readonly line: number;
  readonly hops: number;
}

/** A loop as the nesting rule needs it: where it is and the lines it spans. */
export interface LoopSpan {
  readonly path: string;
  readonly line: number;
  readonly endLine: number;
}

/**
 * The loops each kept loop runs inside its steps: a loop (found through the call graph, or written around a
 * request and found by detection) whose body holds a call on the outer loop's way to its requests. Such an
 * inner loop (a requery loop inside each step of a run loop) is a step of the outer loop's task: it is
 * priced there, not again as a task with its own traffic. Inside several, it is a step of the nearest.
 */
export function innerLoopsOf<C extends Candidate>(kept: readonly C[], loopsIn: (path: string) => readonly LoopSpan[]): Map<C, InnerLoop[]> {
  const out = new Map<C, InnerLoop[]>();
  for (const c of kept) {
    const inner: InnerLoop[] = [];
    for (const p of c.reached.through) {
      const path = p.fn.slice(0, p.fn.indexOf('#'));
      for (const l of loopsIn(path)) {
        const self = path === c.path && l.line === c.loop.line;
        if (self || l.line > p.line || p.line > l.endLine) continue;
        const known = inner.find((x) => x.path === path && x.line === l.line);
        if (!known) inner.push({ path, line: l.line, hops: p.hops });
        else if (p.hops < known.hops) inner[inner.indexOf(known)] = { ...known, hops: p.hops };
      }
    }
    if (inner.length) out.set(c, inner);
  }
  return out;
}
