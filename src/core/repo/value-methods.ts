/**
 * Small Python idioms the evaluator (evaluate.ts) follows through a value: a property read as a value, a
 * dictionary key held by a name, an attribute first set to `None` and filled in by another method, a file
 * opened before it is parsed. Kept apart so the evaluator stays one readable switch.
 */
import type { ClassFact, Expr, FunctionFact } from './facts';
import type { Ctx, Val } from './values';

/** Methods of a path or open file that give the same file's contents to a parser (`tomllib.load(path.open("rb"))`). */
export const SAME_FILE = /^(open|read|read_text|read_bytes)$/;

/** A string or number as a dictionary key. */
export function keyOf(v: Val | undefined): string | undefined {
  return v?.t === 'str' ? v.v : v?.t === 'num' ? String(v.v) : undefined;
}

/**
 * A method taking nothing but `self` used as a value (`@property def llm(self): return self._config.llm`, read as
 * `config.llm`): what it returns. Other values are returned as they are.
 */
export function propertyValue(v: Val | undefined, evaluate: (e: Expr, ctx: Ctx) => Val | undefined): Val | undefined {
  if (v?.t !== 'fn' || v.fn.params.length || !v.fn.name.includes('.') || !v.self) return v;
  for (const r of [v.fn.returns, ...(v.fn.moreReturns ?? [])]) {
    if (!r) continue;
    const got = evaluate(r, { path: v.path, fn: v.fn, self: v.self });
    if (got) return got;
  }
  return undefined;
}

/** The other assignments of `self.key` in the class's methods, in order: the first that resolves. */
export function laterAttr(
  functions: ReadonlyMap<string, FunctionFact> | undefined,
  cls: ClassFact,
  key: string,
  evaluate: (e: Expr, fn: FunctionFact | undefined) => Val | undefined,
): Val | undefined {
  for (const e of cls.moreAttrs?.[key] ?? []) {
    // The method that holds it: the one whose lines include the expression's.
    let fn: FunctionFact | undefined;
    for (const [name, f] of functions ?? []) if (name.startsWith(`${cls.name}.`) && f.line <= e.line && e.line <= f.endLine) fn = f;
    const v = evaluate(e, fn);
    if (v) return v;
  }
  return undefined;
}

/**
 * A parameter filled in by the body and then refined in place (`llm_config = llm_config or config.llm`, later
 * `llm_config = llm_config.get(config_name, llm_config["default"])`): the later assignment, with the name read as
 * the fallback. Undefined when there is no such refinement or it does not resolve.
 */
export function refinedFallback(fn: FunctionFact, name: string, fallback: Expr, evaluate: (e: Expr) => Val | undefined): Val | undefined {
  const tests = fn.localTests?.[name];
  for (const [i, later] of (fn.moreLocals?.[name] ?? []).entries()) {
    if (later === fallback || !mentions(later, name)) continue;
    // On a branch of its own (`elif isinstance(config, dict): config = Config(**config)`): what runs for a value the
    // caller passed, beside the `if config is None:` fallback, not after it (tests list `locals` first, then these).
    // Under the same tests as the first assignment (both inside `if not hasattr(self, "client"):`) it follows it.
    if (tests?.[i + 1] && JSON.stringify(tests[i + 1]) !== JSON.stringify(tests[0])) continue;
    const v = evaluate(substitute(later, name, fallback));
    if (v) return v;
  }
  return undefined;
}

function mentions(e: Expr, name: string): boolean {
  let found = false;
  walk(e, (x) => {
    if (x.k === 'name' && x.v === name) found = true;
    return x;
  });
  return found;
}

function substitute(e: Expr, name: string, by: Expr): Expr {
  return walk(e, (x) => (x.k === 'name' && x.v === name ? by : x));
}

/** Rebuilds an expression bottom-up through `map` (names, attributes, calls, dicts, `or`). */
function walk(e: Expr, map: (e: Expr) => Expr): Expr {
  switch (e.k) {
    case 'member':
    case 'index':
      return map({ ...e, obj: walk(e.obj, map) });
    case 'call':
      return map({
        ...e,
        callee: walk(e.callee, map),
        args: e.args.map((a) => walk(a, map)),
        kw: Object.fromEntries(Object.entries(e.kw).map(([k, v]) => [k, walk(v, map)])),
      });
    case 'or':
      return map({ ...e, left: walk(e.left, map), right: walk(e.right, map) });
    default:
      return map(e);
  }
}
