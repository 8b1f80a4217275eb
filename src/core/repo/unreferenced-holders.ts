/**
 * Tools built at module level that nothing uses: `BASH_TOOL_FN = _make_tool(BASH_TOOL_NAME, "Execute bash commands …")`
 * where no module of the repository names `BASH_TOOL_FN` again. The description is sent only with a tool some request
 * offers; a tool no code refers to is never offered, so its text is no prompt (detect/wrapped-tool-descriptions-py.ts
 * writes the holder's name into the prompt's reason). Mentions are counted on the text of every Python file, parsed or
 * not (a module that offers the tool may name nothing of a model), once per repository generation.
 */
import type { RepoStore } from './store';

/** The reason detection gives a text held by a module-level name: `…, held by NAME`. */
export const HELD_BY = /, held by ([A-Za-z_]\w*)$/;

const cache = new WeakMap<RepoStore, { generation: number; mentions: Map<string, number> }>();

/** Ids of `path`'s prompts held by a module-level name that the repository mentions nowhere beyond its assignment. */
export function unreferencedHolderIds(store: RepoStore, path: string): Set<string> {
  const out = new Set<string>();
  const prompts = store.get(path)?.file.prompts ?? [];
  if (!prompts.some((p) => HELD_BY.test(p.reason))) return out;
  const mentions = mentionsOfHolders(store);
  for (const p of prompts) {
    const name = HELD_BY.exec(p.reason)?.[1];
    if (name && (mentions.get(name) ?? 0) <= 1) out.add(p.id);
  }
  return out;
}

/** How often every holder name is written across the repository's Python files (its assignment counts once). */
function mentionsOfHolders(store: RepoStore): Map<string, number> {
  const hit = cache.get(store);
  if (hit && hit.generation === store.generation) return hit.mentions;
  const names = new Set<string>();
  for (const stored of store.files()) for (const p of stored.file.prompts) {
    const name = HELD_BY.exec(p.reason)?.[1];
    if (name) names.add(name);
  }
  const mentions = new Map<string, number>();
  if (names.size) {
    const paths = [...[...store.files()].map((s) => s.file.path), ...store.otherPaths()].filter((p) => p.endsWith('.py'));
    for (const p of paths) {
      const text = store.text(p) ?? store.reader?.(p);
      if (!text) continue;
      for (const m of text.matchAll(/[A-Za-z_]\w*/g)) if (names.has(m[0])) mentions.set(m[0], (mentions.get(m[0]) ?? 0) + 1);
    }
  }
  cache.set(store, { generation: store.generation, mentions });
  return mentions;
}
