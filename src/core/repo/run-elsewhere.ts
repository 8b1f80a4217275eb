/** Before pricing a file: its agent loops run from another file are steps of the run there (handoff targets with them). */
import type { DetectedFile } from '../detect/types';
import type { RepoHints } from './types';

export function runFromElsewhere(file: DetectedFile, repo: RepoHints | undefined): DetectedFile {
  const moved = repo?.runsElsewhere?.(file.path);
  if (!moved?.size) return file;
  const loops = file.loops.map((l) => {
    const to = moved.get(l.id) ?? (l.stepOf ? moved.get(l.stepOf) : undefined);
    return to ? { ...l, stepOf: to } : l;
  });
  return { ...file, loops };
}
