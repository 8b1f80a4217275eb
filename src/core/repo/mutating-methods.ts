/**
 * Names a loop body changes through the repository's own methods: `convo.user(error)` where the class's
 * `user` appends to `self.messages` (directly, or through another method of its own such as `self.add`), and
 * `await self._step(run)` where `_step` (or a function it hands `run` to) changes `run`'s fields
 * (`run.state.iteration += 1`, `run.messages.append(m)`). A request sent with `convo` or `run` on each pass then
 * sends a different conversation each time: the loop re-asks with feedback, it does not draw samples of one
 * unchanged request.
 */
import type { Expr, FunctionFact } from './facts';
import type { Edge } from './graph';
import { dottedPath } from './values';

/** In-place changes of a collection an attribute holds (`self.messages.append(m)`, read as FunctionFact.selfRefs). */
const MUTATOR = /^(append|extend|insert|add|update|appendleft|put|push|unshift|splice)$/;
const HOPS = 3;

interface Lookup {
  outgoing(path: string, fn: string): readonly Edge[];
  fn(path: string, name: string): FunctionFact | undefined;
  /** The closures written inside a function (closures.ts): they see its parameters. */
  nestedIn?(path: string, fn: FunctionFact): readonly FunctionFact[];
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
  for (const e of bodyEdges) for (const arg of changedArguments(e, lookup, HOPS)) out.add(arg);
  return [...out];
}

/** The arguments of a call (as dotted paths) whose parameter the callee changes, itself or in a callee it hands it to. */
function changedArguments(e: Pick<Edge, 'bound' | 'target'>, lookup: Lookup, hops: number): string[] {
  const fn = lookup.fn(e.target.path, e.target.fn);
  if (!fn || hops <= 0) return [];
  const passed: { param: string; arg: Expr }[] = [];
  e.bound.args.forEach((arg, i) => {
    if (fn.params[i]) passed.push({ param: fn.params[i].name, arg });
  });
  for (const [param, arg] of Object.entries(e.bound.kw)) passed.push({ param, arg });
  const out: string[] = [];
  for (const { param, arg } of passed) {
    const path = dottedPath(arg);
    if (path && changesParam(e.target, fn, param, lookup, hops)) out.push(path);
  }
  return out;
}

function changesParam(at: { path: string; fn: string }, fn: FunctionFact, param: string, lookup: Lookup, hops: number): boolean {
  if (fn.stepEffects?.changedParams?.includes(param)) return true;
  // Handed on: `await self._run_iteration(run, handler)` where that method changes it, from the function itself or
  // from a closure written inside it (`async def _run_and_close(): await self._run_safe_iteration(run)`).
  const own = lookup.outgoing(at.path, at.fn);
  const inner = (lookup.nestedIn?.(at.path, fn) ?? []).flatMap((f) => lookup.outgoing(at.path, f.name));
  return [...own, ...inner].some((next) => {
    const hands = [...next.bound.args, ...Object.values(next.bound.kw)].some((a) => dottedPath(a) === param);
    return hands && changedArguments(next, lookup, hops - 1).includes(param);
  });
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
