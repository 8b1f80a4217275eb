/** Path helpers of the report host, without vscode (unit-tested). */
import { dirname, relative } from 'node:path';

/** The deepest directory that holds every folder (multi-root workspaces scan as one report). */
export function commonRoot(folders: readonly string[]): string {
  let root = folders[0];
  for (const f of folders.slice(1)) {
    while (root !== dirname(root) && relative(root, f).startsWith('..')) root = dirname(root);
  }
  return root;
}
