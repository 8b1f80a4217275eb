/** Before pricing a file: its agent loops run from another file are steps of the run there (handoff targets with them); its runs of agents of other files are its requests. */
import type { DetectedFile } from '../detect/types';
import type { RepoHints } from './types';

export function runFromElsewhere(file: DetectedFile, repo: RepoHints | undefined): DetectedFile {
  const runs = repo?.runRequestsIn?.(file.path) ?? [];
  if (runs.length) file = { ...file, calls: [...file.calls, ...runs.filter((r) => !file.calls.some((c) => c.id === r.id))] };
  const moved = repo?.runsElsewhere?.(file.path);
  if (!moved?.size) return file;
  const loops = file.loops.map((l) => {
    const to = moved.get(l.id) ?? (l.stepOf ? moved.get(l.stepOf) : undefined);
    return to ? { ...l, stepOf: to } : l;
  });
  return { ...file, loops };
}
