/** Small readers of the Python class-family model (py-families.ts), split from it. */
import type { Expr, FunctionFact } from './facts';

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
