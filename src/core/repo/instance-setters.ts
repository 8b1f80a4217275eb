/**
 * Models set on an instance by method calls after construction:
 *
 *     configs = LMConfigs()                      # constructor leaves `self.lm = None`
 *     configs.init_defaults(key)                 # def init_defaults(self, key): self.lm = Model(model="a")
 *     configs.set_lm(Model(model="b"))           # def set_lm(self, lm): self.lm = lm
 *
 * `configs.lm` is what the last such call in the function that built the instance puts there:
 * the argument it passes (`set_lm`) or the method's own value (`init_defaults`). Calls run in
 * source order, so a later setter overrides an earlier one. Only the function that bound the
 * instance to a local name is read: one function's calls, no repository-wide pass.
 */
import type { CalleeFact, ClassFact, Expr, FunctionFact } from './facts';
import type { Ctx } from './evaluate';

/** The local name an instance was bound to when it was built (`configs = LMConfigs()`), where. */
export interface Receiver {
  readonly name: string;
  readonly path: string;
  readonly fn: FunctionFact;
}

export interface SetterCall {
  /** The method's own assignment (`self.lm = lm` → `lm`), read in the method. */
  readonly expr: Expr;
  readonly method: FunctionFact;
  /** The call on the instance, whose arguments bind the method's parameters. */
  readonly call: Extract<Expr, { k: 'call' }>;
  readonly at: CalleeFact;
}

/**
 * The setter calls on `recv` that assign `attr` of `cls`, latest first (the one that runs last
 * decides; the earlier ones are what it overrode).
 */
export function setterCalls(cls: ClassFact, attr: string, recv: Receiver, methodOf: (name: string) => FunctionFact | undefined): SetterCall[] {
  const setters = cls.setters?.[attr];
  if (!setters?.length) return [];
  const prefix = `${recv.name}.`;
  const out: SetterCall[] = [];
  for (const c of recv.fn.calls) {
    if (!c.callee.startsWith(prefix) || c.expr.k !== 'call') continue;
    const methodName = `${cls.name}.${c.callee.slice(prefix.length)}`;
    const setter = setters.find((s) => s.fn === methodName);
    const method = setter ? methodOf(methodName) : undefined;
    if (setter && method) out.push({ expr: setter.expr, method, call: c.expr, at: c });
  }
  return out.sort((a, b) => b.at.line - a.at.line);
}

/** The context a setter's assignment is read in: the method, bound to the call's arguments. */
export function setterCtx(s: SetterCall, clsPath: string, recv: Receiver, self: Ctx['self']): Ctx {
  return { path: clsPath, fn: s.method, self, bound: { args: s.call.args, kw: s.call.kw, ctx: { path: recv.path, fn: recv.fn } } };
}
