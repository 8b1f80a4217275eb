/** Small readers of the Python class-family model (py-families.ts), split from it. */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { ClassAt } from './py-families';
import type { RepoStore } from './store';

/** Methods a method names on its own object: `self.x(…)`, `super().x(…)`, and string arguments naming one (`getattr` dispatch). */
export function selfReferences(fn: FunctionFact): { own: string[]; supers: string[] } {
  const own = new Set<string>();
  const supers = new Set<string>();
  for (const c of fn.calls) {
    const m = /^(self|super\(\))\.(\w+)$/.exec(c.callee);
    if (m) (m[1] === 'self' ? own : supers).add(m[2]);
    if (c.expr.k === 'call') for (const a of [...c.expr.args, ...Object.values(c.expr.kw)]) if (a.k === 'str' && /^\w+$/.test(a.v)) own.add(a.v);
  }
  return { own: [...own], supers: [...supers] };
}

/** Call facts keep a deep `self` as unknown text: the name again, for the evaluator. */
export function withSelf(e: Expr): Expr {
  if (e.k === 'unknown' && e.text === 'self') return { k: 'name', v: 'self', line: e.line };
  return e.k === 'member' ? { ...e, obj: withSelf(e.obj) } : e;
}

/** The name a receiver is held under: `self.llm` / `agent.llm` / `llm` → `llm`. */
export function holderName(e: Expr): string | undefined {
  if (e.k === 'name') return e.v === 'self' ? undefined : e.v;
  if (e.k === 'member') return e.prop;
  return undefined;
}

export function bare(name: string): string {
  return name.replace(/\[.*$/, '').split('.').pop()!.trim();
}

export function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** Descendants of `cls` that define `method` themselves, with where (breadth first, at most 40). */
export function descendantOverrides(
  children: ReadonlyMap<string, ReadonlySet<string>>,
  classes: ReadonlyMap<string, ClassAt>,
  store: RepoStore,
  cls: string,
  method: string,
): { at: ClassAt; fn: FunctionFact }[] {
  const out: { at: ClassAt; fn: FunctionFact }[] = [];
  const seen = new Set<string>([cls]);
  const queue = [cls];
  while (queue.length && out.length < 40) {
    for (const c of children.get(queue.shift()!) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      queue.push(c);
      const at = classes.get(c);
      const fn = at ? store.get(at.path)?.functions.get(`${c}.${method}`) : undefined;
      if (at && fn) out.push({ at, fn });
    }
  }
  return out;
}

/** Family classes whose constructor a class attribute holds, by attribute (`llm_class = OpenAILLM` → `llm_class`). */
export function registryAttributes(classes: Iterable<ClassAt>, family: ReadonlySet<string>): Map<string, { holder: ClassFact; target: string }[]> {
  const out = new Map<string, { holder: ClassFact; target: string }[]>();
  for (const at of classes) {
    for (const [attr, v] of Object.entries(at.cls.attrs)) {
      if (v.fn || v.expr.k !== 'name' || !family.has(v.expr.v)) continue;
      const list = out.get(attr) ?? [];
      list.push({ holder: at.cls, target: v.expr.v });
      out.set(attr, list);
    }
  }
  return out;
}
