/**
 * The repository's default instance of a type. A value known only by its annotation (`llm: BaseChatModel`, handed
 * in by a framework the call graph cannot follow) is, under the default configuration, what the application builds
 * where that type is left out: a parameter of the same type that the body fills when nothing is passed
 * (`def __init__(self, llm: BaseChatModel | None = None): if llm is None: llm = ChatDefault()`). Taken only when
 * those places agree on the model, all of them or a clear majority (three in four; two places that disagree leave
 * it unknown). Places in a variant folder (`beta/`, `experimental/`, `legacy/`) are not the default configuration:
 * they count only where no other place exists.
 */
import type { Expr } from './facts';
import type { RepoStore } from './store';
import type { Ctx } from './values';

export interface TypeDefault {
  readonly path: string;
  readonly fn: string;
  readonly param: string;
}

/** Class name → the parameters of that type that have a body fallback (tests, examples and docs skipped). */
export function collectTypeDefaults(store: RepoStore, runtime: (path: string) => boolean): Map<string, TypeDefault[]> {
  const out = new Map<string, TypeDefault[]>();
  for (const stored of store.files()) {
    const path = stored.file.path;
    if (!runtime(path)) continue;
    for (const fn of stored.functions.values()) {
      for (const p of fn.params) {
        if (!p.fallback || !p.type) continue;
        const cls = p.type.split('.').pop()!;
        if (!/^[A-Z]\w*$/.test(cls)) continue;
        const list = out.get(cls) ?? [];
        if (list.length < 8) list.push({ path, fn: fn.name, param: p.name });
        out.set(cls, list);
      }
    }
  }
  return out;
}

/** The parameter as an expression and the context to read it in (its function, nothing bound: the default path). */
export function defaultSite(store: RepoStore, d: TypeDefault): { expr: Expr; ctx: Ctx } | undefined {
  const fn = store.get(d.path)?.functions.get(d.fn);
  if (!fn) return undefined;
  return { expr: { k: 'name', v: d.param, line: fn.line }, ctx: { path: d.path, fn } };
}

/** The value at least three in four of the votes hold, with its count; undefined when there is none. */
export function clearMajority(votes: readonly string[]): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const v of votes) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [value, count] of counts) if (count * 4 >= votes.length * 3) return { value, count };
  return undefined;
}

/** Folders that hold another variant of the application than the default one. */
const VARIANT = /(^|\/)(beta|alpha|experimental|experiments|legacy|deprecated|contrib|old|v\d+)\//i;

/** The items outside variant folders, or all of them when every one is in such a folder. */
export function mainVariant<T>(items: readonly T[], pathOf: (item: T) => string): readonly T[] {
  const main = items.filter((i) => !VARIANT.test(pathOf(i)));
  return main.length ? main : items;
}
