/**
 * Names a loop body changes through the repository's own methods: `convo.user(error)` where the class's
 * `user` appends to `self.messages` (directly, or through another method of its own such as `self.add`).
 * A request sent with `convo` on each pass then sends a different conversation each time: the loop re-asks
 * with feedback, it does not draw samples of one unchanged request.
 */
import type { FunctionFact } from './facts';
import type { Edge } from './graph';

/** In-place changes of a collection an attribute holds (`self.messages.append(m)`, read as FunctionFact.selfRefs). */
const MUTATOR = /^(append|extend|insert|add|update|appendleft|put|push|unshift|splice)$/;
const HOPS = 3;

interface Lookup {
  outgoing(path: string, fn: string): readonly Edge[];
  fn(path: string, name: string): FunctionFact | undefined;
}

/** The receivers (`convo`, `self.history`) of the body's calls that reach a method changing its own object. */
export function changedThroughMethods(bodyEdges: readonly Edge[], lookup: Lookup): string[] {
  const out = new Set<string>();
  for (const e of bodyEdges) {
    const dot = e.callee.lastIndexOf('.');
    if (dot <= 0) continue;
    const receiver = e.callee.slice(0, dot);
    if (!/^[\w$]+(\.[\w$]+)*$/.test(receiver) || out.has(receiver)) continue;
    if (changesItself(e.target, lookup)) out.add(receiver);
  }
  return [...out];
}

/** A method that changes a collection of its object, itself or through `self.other(…)` a few calls down. */
function changesItself(start: { path: string; fn: string }, lookup: Lookup): boolean {
  let frontier = [start];
  const seen = new Set<string>();
  for (let hop = 0; hop < HOPS && frontier.length; hop++) {
    const next: { path: string; fn: string }[] = [];
    for (const t of frontier) {
      const key = `${t.path}#${t.fn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fn = lookup.fn(t.path, t.fn);
      if (!fn || !fn.name.includes('.')) continue;
      if (fn.selfRefs?.some((r) => MUTATOR.test(r.field))) return true;
      for (const e of lookup.outgoing(t.path, t.fn)) if (/^(self|this)\.[\w$]+$/.test(e.callee)) next.push(e.target);
    }
    frontier = next;
  }
  return false;
}
