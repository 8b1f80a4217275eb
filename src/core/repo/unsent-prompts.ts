/**
 * Prompt constants nothing sends: `TOOL_ERROR_PROMPT = """…"""` at module level in a Python file,
 * `export const REFLECTION_PROMPT = \`…\`` in a TypeScript one, a name that no file of the repository mentions
 * again (not its own file, not an import, not a use). A text no code reads is not part of any request, however
 * much it reads like a prompt; reporting it adds tokens the bill never has.
 *
 * Only names that contain `prompt` or `instruction` are judged: a file that mentions such a name is always
 * parsed (detection's hint words include both), so its mentions are counted; a name of another shape may be used
 * by a file detection never read. Mentions are counted on the text (comments and docstrings included), so a doubt
 * keeps the prompt.
 */
import type { Evaluator } from './evaluate';
import type { RepoStore } from './store';
import { unreferencedHolderIds } from './unreferenced-holders';

/** Names judged: ones whose every mention sits in a file detection reads (see the hint words in detect/index.ts). */
export const JUDGED_NAME = /prompt|instruction/i;
/**
 * Words of a file's text, one scan, no walk of the tree. Each word is then tested for the judged names: a single
 * pattern `\w*(?:prompt|instruction)\w*` backtracks through every start of a long word (quadratic: a 200 kB string
 * took 90 s), whereas a whole-word match is linear.
 */
const WORD = /\w+/g;

/** Mentions of prompt-named identifiers in a file's text (the declaration itself counts as one). */
export function promptNameMentions(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  let any = false;
  for (const m of text.matchAll(WORD)) {
    const name = m[0];
    if (!JUDGED_NAME.test(name)) continue;
    out[name] = (out[name] ?? 0) + 1;
    any = true;
  }
  return any ? out : undefined;
}

/** The files that write each prompt-named identifier, with how often. */
export function mentionIndex(store: RepoStore): Map<string, { path: string; count: number }[]> {
  const index = new Map<string, { path: string; count: number }[]>();
  for (const stored of store.files()) {
    for (const [name, count] of Object.entries(stored.facts.promptNameMentions ?? {})) {
      const list = index.get(name) ?? [];
      list.push({ path: stored.file.path, count });
      index.set(name, list);
    }
  }
  return index;
}

/**
 * Ids of the module-level prompt constants of `path` that no code mentions beyond their own declaration. A mention
 * in another file counts unless that file's name is bound elsewhere (its own constant, an import of another
 * module's): `NEXT_STEP_PROMPT` imported from `prompt/manus.py` is no use of `prompt/planning.py`'s.
 */
export function unsentPromptIds(store: RepoStore, evaluator: Evaluator, index: ReadonlyMap<string, readonly { path: string; count: number }[]>, path: string): Set<string> {
  // Tools held by a module-level name no module mentions again (unreferenced-holders.ts).
  const out = unreferencedHolderIds(store, path);
  const stored = store.get(path);
  if (!stored || !stored.facts.promptNameMentions) return out;
  for (const p of stored.file.prompts) {
    const name = p.name;
    if (!name || !JUDGED_NAME.test(name) || !(name in stored.facts.values)) continue;
    const used = (index.get(name) ?? []).some((m) => (m.path === path ? m.count > 1 : usesOurs(evaluator, m.path, name, path)));
    if (!used) out.add(p.id);
  }
  return out;
}

/** A mention of `name` in `from` is a use of the constant of `ours`: it resolves there, or cannot be followed (a doubt keeps the prompt). */
function usesOurs(evaluator: Evaluator, from: string, name: string, ours: string): boolean {
  let v;
  try {
    v = evaluator.global(from, name, 0);
  } catch {
    return true;
  }
  if (!v || (v.t !== 'str' && v.t !== 'num')) return true;
  return v.at.path === ours;
}
