/**
 * Python: the keyword arguments the repository's constructions of a class pass (`IngestRunnable(vectorstore=vstore)`),
 * for a field that has no value in the class itself: a pydantic model's or dataclass's annotated field
 * (`vectorstore: VectorStore`) is filled by whoever builds the object, and `self.vectorstore` in a method holds what
 * those constructions pass. Built once per repository: one pass over the module-level and function calls, keeping
 * the calls of a bare capitalised name with keywords, by that name (a construction through an import alias is
 * missed: the class's own name is what the field's class is known by).
 */
import type { Expr, FunctionFact } from './facts';
import type { RepoStore } from './store';
import type { Ctx } from './values';

export interface Construction {
  readonly kw: Readonly<Record<string, Expr>>;
  readonly ctx: Ctx;
}

const MAX_PER_CLASS = 8;

export function classConstructions(store: RepoStore): ReadonlyMap<string, readonly Construction[]> {
  const out = new Map<string, Construction[]>();
  for (const s of store.files()) {
    if (s.file.language !== 'python') continue;
    const scopes: { fn?: FunctionFact; calls: FunctionFact['calls'] }[] = [{ calls: s.facts.moduleCalls }, ...[...s.functions.values()].map((fn) => ({ fn, calls: fn.calls }))];
    for (const { fn, calls } of scopes) {
      for (const c of calls) {
        if (c.expr.k !== 'call' || c.expr.callee.k !== 'name' || !/^[A-Z]/.test(c.expr.callee.v) || !Object.keys(c.expr.kw).length) continue;
        const list = out.get(c.expr.callee.v) ?? [];
        if (list.length < MAX_PER_CLASS) list.push({ kw: c.expr.kw, ctx: { path: s.file.path, fn } });
        out.set(c.expr.callee.v, list);
      }
    }
  }
  return out;
}
