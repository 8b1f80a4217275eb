/**
 * Values the code reads from the repository's files rather than from code: the file a path names and an
 * environment variable set in a `.env` file. Pure lookups over the store; the evaluator turns the path
 * expressions into strings first (evaluate.ts).
 */
import { keyLine } from './config-files';
import { dirOf, normalize } from './modules';
import type { RepoStore } from './store';
import { shippedFile } from './user-config';
import type { Val } from './values';

/** The repository file a path read by the code names: next to the reading file, from the root, else the one ending with it. */
export function repositoryFile(store: RepoStore, p: string, from: { path: string; line: number }, userDir = false): Val | undefined {
  const rel = p.replace(/^\.\//, '');
  const candidates = [normalize(`${dirOf(from.path)}/${rel}`), normalize(rel)];
  let found = candidates.find((c) => store.hasConfig(c) || store.hasOther(c));
  // Read from the user's config directory: the file the application ships for it (user-config.ts), not any file ending so.
  if (!found && userDir) found = shippedFile(rel, store.configPaths());
  else if (!found) {
    const tail = `/${normalize(rel)}`;
    for (const o of store.otherPaths()) if (o.endsWith(tail) && (!found || o.length < found.length)) found = o;
    for (const c of store.configPaths()) if (c.endsWith(tail) && (!found || c.length < found.length)) found = c;
  }
  if (!found) return undefined;
  const doc = store.config(found);
  if (doc) return { t: 'cfg', data: doc.data, doc };
  return { t: 'file', path: found, from };
}

/** An environment variable set in one of the repository's `.env` files (`.env`, `.env.example`, …). */
export function dotenvValue(store: RepoStore, name: string): Val | undefined {
  for (const path of store.configPaths()) {
    if (!/(^|\/)\.env/.test(path)) continue;
    const doc = store.config(path);
    const v = doc ? (doc.data as Record<string, string>)[name] : undefined;
    if (!doc) continue;
    if (typeof v === 'string' && v) return { t: 'str', v, at: { path: doc.path, line: keyLine(doc, name) }, via: 'config', detail: `env ${name} in ${doc.path}` };
  }
  return undefined;
}
