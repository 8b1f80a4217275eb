/**
 * A request sent with the keywords its wrapper was given: `async def _get_completion(self, **kwargs):` then
 * `await acompletion(**kwargs)`. The model is the `model` keyword the wrapper's callers pass (`self._get_completion(
 * **kwargs)` with `kwargs = {"model": model, …}` built by the caller), so the call's model is `kwargs["model"]`, read
 * through the callers (the name is spelled `**kwargs` so that only this read goes there). Only when the name is the function's own `**` parameter and the body never
 * assigns it (`kwargs = {**self.kwargs, **kwargs}` builds a new dict the evaluator follows by itself).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';

const FUNCTION = /^(function_definition|lambda)$/;

/** `name["model"]` when the call splats the enclosing function's untouched `**name` parameter, else undefined. */
export function forwardedKwargsModel(call: SyntaxNode): Expr | undefined {
  const splat = call.childForFieldName('arguments')?.namedChildren.find((a) => a?.type === 'dictionary_splat');
  const name = splat?.namedChildren[0];
  if (!name || name.type !== 'identifier') return undefined;
  // `self._completion(**kwargs)`: an attribute holding a bound request (a partial with its own `model=`, partials.ts).
  if (/^(self|cls)\./.test(call.childForFieldName('function')?.text ?? '')) return undefined;
  let fn: SyntaxNode | null = call.parent;
  while (fn && !FUNCTION.test(fn.type)) fn = fn.parent;
  if (fn?.type !== 'function_definition') return undefined;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  const own = params.some((p) => p?.type === 'dictionary_splat_pattern' && p.namedChildren[0]?.text === name.text);
  if (!own) return undefined;
  const reassigned = fn.descendantsOfType('assignment').some((a) => a?.childForFieldName('left')?.text === name.text);
  if (reassigned) return undefined;
  const line = call.startPosition.row + 1;
  // `**kwargs` names the parameter as forwarded: only this read falls back to the callers' keywords (evaluate.ts).
  return { k: 'index', obj: { k: 'name', v: `**${name.text}`, line }, key: 'model', line };
}
