/**
 * Which of a function's callers the application runs when it is started: a caller whose chain of callers ends in
 * a module's top-level code (a script's statements, its `if __name__ == "__main__":` block, the CLI parsing its
 * options and calling `main(model=args.model)`) is on the entry path. A chain that ends in a function nobody in
 * the repository calls (a request handler a framework registers, a library API left to its users) is not: it runs
 * only when something outside starts it.
 *
 * passed-defaults.ts asks this when the callers of a function disagree on a model argument: the value the entry
 * path passes prices the site, and the others widen its range.
 */
import { scopeOfPath } from '../report/scope';
import type { Bound } from './values';

/** Caller levels walked up from the function's own caller (smol-style CLI → main → step → request is three). */
const MAX_DEPTH = 4;
/** Callers read per level; a function called from more places than this is a shared helper, not a path. */
const MAX_FANOUT = 8;

export type CallerLookup = (path: string, fnName: string) => readonly Bound[];

/** Whether the caller binding `b` runs when the application starts: its chain of runtime callers reaches top-level code. */
export function onEntryPath(callers: CallerLookup, b: Bound): boolean {
  return reaches(callers, b, MAX_DEPTH, new Set());
}

function reaches(callers: CallerLookup, b: Bound, depth: number, seen: Set<string>): boolean {
  if (scopeOfPath(b.ctx.path) !== 'runtime') return false;
  const fn = b.ctx.fn;
  if (!fn) return true;
  if (depth === 0) return false;
  const key = `${b.ctx.path}:${fn.name}`;
  if (seen.has(key)) return false;
  seen.add(key);
  const up = callers(b.ctx.path, fn.name);
  if (up.length > MAX_FANOUT) return false;
  return up.some((u) => reaches(callers, u, depth - 1, seen));
}
