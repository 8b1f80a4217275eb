/**
 * `self._send(…)` in a base class whose own `_send` is a stub (it only raises `NotImplementedError`, or has no
 * body to speak of): the method that runs is a subclass's override, so each override is a target of the call.
 * This is how a client base class keeps its retry loop in `__call__` and leaves the request to each provider's
 * subclass. A concrete base method keeps only itself as the target (its overrides are a refinement, not the rule).
 *
 * The same holds for a value typed by an interface (`session: ProviderSession`, a `Protocol` or an abstract base
 * whose methods are `...`): the evaluator finds the declared type's stub, and what runs is an implementation's
 * method (`session.append_tool_results(…)` appends to the provider session's own messages).
 */
import type { Expr, FunctionFact } from './facts';
import type { Dispatch, MethodRef } from './dispatch';
import type { RepoStore } from './store';

const SELF = /^(self|this)$/;

export function selfStubTargets(store: RepoStore, dispatch: Dispatch, callee: Expr, target: MethodRef): MethodRef[] {
  const viaSelf = callee.k === 'member' && callee.obj.k === 'name' && SELF.test(callee.obj.v);
  if (callee.k !== 'member' || (!viaSelf && !typedStub(store, target))) return [target];
  const file = store.get(target.path);
  const fn = file?.functions.get(target.fn);
  const dot = target.fn.lastIndexOf('.');
  if (!file || !fn || dot < 0 || !isStub(fn)) return [target];
  const cls = file.facts.classes.find((c) => c.name === target.fn.slice(0, dot));
  if (!cls) return [target];
  const all = dispatch.methods([{ path: target.path, cls }], target.fn.slice(dot + 1));
  return all.length ? all : [target];
}

/** A method that sends nothing and returns nothing: at most a `raise NotImplementedError(…)`. */
function isStub(fn: FunctionFact): boolean {
  return !fn.returns && !fn.loops.length && fn.calls.every((c) => /(^|\.)NotImplementedError$/.test(c.callee));
}

/** A stub of an interface: a `Protocol` or abstract base class's method (a value typed by it runs an implementation's). */
function typedStub(store: RepoStore, target: MethodRef): boolean {
  const dot = target.fn.lastIndexOf('.');
  const cls = dot > 0 ? store.get(target.path)?.facts.classes.find((c) => c.name === target.fn.slice(0, dot)) : undefined;
  return Boolean(cls?.bases.some((b) => /(^|\.)(Protocol|ABC|ABCMeta)(\[.*\])?$/.test(b)));
}
