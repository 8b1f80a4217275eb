/**
 * The scan's repository pass, between detection and pricing: one index of the
 * repository (src/core/repo) from the detected files, its configuration files
 * and the paths of prompt files code may read at run time (their text is read
 * only when a call is found to load them).
 */
import { readFileSync, statSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DetectedFile } from '../core/detect/types';
import { RepoIndex } from '../core/repo';
import { toReportPath } from './walk';

/** Configuration and prompt files larger than this are not read. */
const MAX_TEXT_BYTES = 512 * 1024;

export async function buildRepository(root: string, detected: readonly DetectedFile[], others: readonly string[]): Promise<RepoIndex> {
  const index = new RepoIndex({ readText: (path) => readSmall(join(root, path)) });
  for (const file of detected) index.update(file);
  for (const abs of others) {
    const rel = toReportPath(root, abs);
    // tsconfig paths are needed up front (import aliases); other files are read when the code is found to use them.
    if (/(^|\/)tsconfig[\w.-]*\.json$/.test(rel)) index.addText(rel, await readSmallAsync(abs));
    else index.store.addPath(rel);
  }
  return index;
}

function readSmall(abs: string): string | undefined {
  try {
    if (statSync(abs).size > MAX_TEXT_BYTES) return undefined;
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

async function readSmallAsync(abs: string): Promise<string | undefined> {
  try {
    if ((await fs.stat(abs)).size > MAX_TEXT_BYTES) return undefined;
    return await fs.readFile(abs, 'utf8');
  } catch {
    return undefined;
  }
}
