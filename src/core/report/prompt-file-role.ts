/**
 * Whether a prompt file is priced as a call of its own.
 *
 * Opened alone, any prompt file is one call: its template on the model it names, else the default.
 * In a repository whose code sends requests, a plain text, Markdown or Jinja file under `prompts/`
 * is something that code reads and sends (a system prompt, a fragment spliced into one, a template
 * a loader fills): its prompts are listed with their tokens and counted where the code sends them,
 * never as a request of its own at full traffic. arc53/DocsGPT's twenty fragments and partials were
 * twenty calls on the default model, most of its priced monthly total. A runnable prompt format
 * (`.prompt`, `.prompty`) or a file whose front matter names a model stays a call: a prompt runner
 * sends it as written.
 */
import type { DetectedFile } from '../detect/types';
import type { RepoHints } from '../repo/types';
import type { RepoStore } from '../repo/store';

/** Languages detection gives prompt files that describe a request themselves (detect/files.ts). */
const RUNNABLE = new Set(['prompt', 'prompty']);

export function promptFileIsCall(file: DetectedFile, repo: RepoHints | undefined): boolean {
  if (RUNNABLE.has(file.language) || file.fileModel !== undefined) return true;
  return !(repo?.store !== undefined && codeSendsRequests(repo.store));
}

const sending = new WeakMap<RepoStore, { readonly generation: number; readonly sends: boolean }>();

/** Any code file of the repository with a request site; worked out once per version of the store. */
function codeSendsRequests(store: RepoStore): boolean {
  const known = sending.get(store);
  if (known && known.generation === store.generation) return known.sends;
  let sends = false;
  for (const stored of store.files()) {
    if (stored.file.kind === 'code' && stored.file.calls.length > 0) {
      sends = true;
      break;
    }
  }
  sending.set(store, { generation: store.generation, sends });
  return sends;
}
