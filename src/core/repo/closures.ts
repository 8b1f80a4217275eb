/**
 * Closures: a function written inside another (`def client(convo): return await llm_client(convo)` inside
 * `get_llm`, an arrow inside a TypeScript function) sees the names its enclosing functions bind. A name
 * the closure neither assigns nor takes as a parameter is read from the nearest enclosing function that
 * does, before the module's names — Python's and JavaScript's lexical scoping. This is how a factory
 * method hands out a request function: `llm = self.get_llm(); await llm(convo)` runs the closure, whose
 * `llm_client(…)` is the client instance the factory built.
 *
 * A closure factory (`def create_critic(llm): def node(state): llm.invoke(…); return node`) is the other case:
 * the free name is the factory's parameter, so the closure holds whatever each caller of the factory passed.
 * `closureParam` finds that parameter; the evaluator takes the callers' argument only when they all agree
 * (passed-args.ts agreedArgument), since two callers passing two models build two closures.
 */
import type { FunctionFact } from './facts';

/** Per file (its function map), each nested function's enclosing one; built once per file version. */
const enclosingByFile = new WeakMap<object, Map<FunctionFact, FunctionFact>>();

function enclosingIndex(functions: ReadonlyMap<string, FunctionFact>): Map<FunctionFact, FunctionFact> {
  const known = enclosingByFile.get(functions);
  if (known) return known;
  const out = new Map<FunctionFact, FunctionFact>();
  // Sorted by start, outermost first: a stack of the functions still open holds each one's enclosers.
  const sorted = [...functions.values()].sort((a, b) => a.line - b.line || b.endLine - a.endLine);
  const open: FunctionFact[] = [];
  for (const fn of sorted) {
    while (open.length && open[open.length - 1].endLine < fn.line) open.pop();
    const outer = open[open.length - 1];
    // Strictly inside: a one-line function beside another on the same line is not nested in it.
    if (outer && outer !== fn && (outer.line < fn.line || fn.endLine < outer.endLine)) out.set(fn, outer);
    open.push(fn);
  }
  enclosingByFile.set(functions, out);
  return out;
}

/** The function `fn` is written in, if any. */
export function enclosingFunction(functions: ReadonlyMap<string, FunctionFact>, fn: FunctionFact): FunctionFact | undefined {
  return enclosingIndex(functions).get(fn);
}

const MAX_LEVELS = 4;

/**
 * The enclosing function that assigns `name` when `fn` binds it not itself; undefined for a top-level function
 * or a name no enclosing function assigns (a module name). A name the enclosing function takes as a parameter
 * is found but not followed: the closure is built once per call of that function (`get_service(model=…)` for
 * each endpoint), so which caller's argument it holds is not one answer — the closure's own reading stands.
 */
export function closureOwner(functions: ReadonlyMap<string, FunctionFact>, fn: FunctionFact, name: string): FunctionFact | undefined {
  if (fn.locals[name] || fn.params.some((p) => p.name === name)) return undefined;
  let outer = enclosingFunction(functions, fn);
  for (let level = 0; outer && level < MAX_LEVELS; level++) {
    if (outer.params.some((p) => p.name === name)) return undefined;
    if (outer.locals[name]) return outer;
    outer = enclosingFunction(functions, outer);
  }
  return undefined;
}

/** The enclosing function (closure factory) that takes `name` as a parameter, and its index; undefined when a nearer scope binds it. */
export function closureParam(functions: ReadonlyMap<string, FunctionFact>, fn: FunctionFact, name: string): { owner: FunctionFact; index: number } | undefined {
  if (fn.locals[name] || fn.params.some((p) => p.name === name)) return undefined;
  let outer = enclosingFunction(functions, fn);
  for (let level = 0; outer && level < MAX_LEVELS; level++) {
    const index = outer.params.findIndex((p) => p.name === name);
    if (index >= 0) return { owner: outer, index };
    if (outer.locals[name]) return undefined;
    outer = enclosingFunction(functions, outer);
  }
  return undefined;
}
