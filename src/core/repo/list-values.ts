/**
 * Picking from a list of options, the way a UI picks its default model: `MODELS[0]`,
 * `MODELS.find((m) => !m.hidden)`, `MODELS.filter((m) => m.enabled)[0]`. A predicate is read only in its
 * plain form (`(x) => x.flag`, `(x) => !x.flag`): anything else is not guessed, so nothing is picked.
 */
import type { Expr } from './facts';

type ListMethod = 'find' | 'filter' | 'at';

/** `(m) => !m.hidden` → { prop: 'hidden', negated: true }. */
function plainPredicate(e: Expr | undefined): { prop: string; negated: boolean } | undefined {
  if (e?.k !== 'unknown') return undefined;
  const m = /^\(?\s*([A-Za-z_$][\w$]*)\s*(?::\s*[\w$.<>[\]]+)?\s*\)?\s*=>\s*(!?)\s*\1\.([A-Za-z_$][\w$]*)\s*$/.exec(e.text);
  return m ? { prop: m[3], negated: m[2] === '!' } : undefined;
}

/** Whether an option's field is set: a `true` literal, a non-empty string or a number other than 0. */
function isSet(v: Expr | undefined): boolean {
  if (!v) return false;
  if (v.k === 'unknown') return v.text === 'true';
  if (v.k === 'str') return v.v !== '';
  if (v.k === 'num') return v.v !== 0;
  return true;
}

export function isListMethod(name: string): name is ListMethod {
  return name === 'find' || name === 'filter' || name === 'at';
}

/**
 * The items a list method keeps: `find` → the first that passes, `filter` → those that pass,
 * `at(i)` → that item. Undefined when the predicate or index cannot be read.
 */
export function pickItems(items: readonly Expr[], method: ListMethod, args: readonly Expr[]): readonly Expr[] | undefined {
  if (method === 'at') {
    const i = args[0]?.k === 'num' ? args[0].v : undefined;
    if (i === undefined || !Number.isInteger(i)) return undefined;
    const item = items[i < 0 ? items.length + i : i];
    return item ? [item] : undefined;
  }
  const pred = plainPredicate(args[0]);
  if (!pred) return undefined;
  const passes = (item: Expr): boolean => item.k === 'dict' && isSet(item.entries[pred.prop]) !== pred.negated;
  if (method === 'find') {
    const hit = items.find(passes);
    return hit ? [hit] : undefined;
  }
  return items.filter(passes);
}
