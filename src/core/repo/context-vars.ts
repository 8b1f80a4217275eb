/**
 * Python context variables: `SESSION: ContextVar[SessionContext] = ContextVar("…")` in one module, and
 * `ctx = SESSION.get()` wherever the application needs the session's objects (its config, its request
 * client). The value is set at run time, so the evaluator reads what the declaration says it holds: an
 * instance of the declared type, with the defaults that type declares (`ctx.config.model` → `Config`'s
 * default model), the way a typed parameter no caller can be followed to is read (evaluate.ts).
 */
import type { Expr } from './facts';
import type { RepoStore } from './store';
import { typeExpr, type Ctx, type Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;
const MAX_HOPS = 4;

/** `NAME.get()` (or `.get(default)`) on a context variable of the repository: an instance of the type it holds. */
export function contextVarValue(store: RepoStore, e: CallExpr, ctx: Ctx, evalIn: (x: Expr, c: Ctx) => Val | undefined): Val | undefined {
  if (e.callee.k !== 'member' || e.callee.prop !== 'get' || e.callee.obj.k !== 'name' || e.args.length > 1 || Object.keys(e.kw).length) return undefined;
  const held = heldType(store, ctx.path, e.callee.obj.v, 0);
  if (!held) return undefined;
  const cls = evalIn(typeExpr(held.type, e.line), { path: held.path });
  return cls?.t === 'class' ? { t: 'inst', path: cls.path, cls: cls.cls, args: [], kw: {} } : undefined;
}

/** Where the context variable is declared (through imports) and the type it is declared to hold. */
function heldType(store: RepoStore, path: string, name: string, hops: number): { path: string; type: string } | undefined {
  const file = store.get(path);
  const type = file?.facts.contextVars?.[name];
  if (type) return { path, type };
  if (!file || hops >= MAX_HOPS || file.facts.values[name]) return undefined;
  const imp = file.facts.imports.find((i) => i.local === name && i.name);
  const target = imp ? store.modules.resolve(path, imp.module) : undefined;
  return target && imp?.name ? heldType(store, target, imp.name, hops + 1) : undefined;
}
