/**
 * The model of a request whose whole body is one dict a caller built and a helper passes on (Python):
 *
 *   async def _get_completion(self, **kwargs):      # the helper that sends
 *       return await acompletion(**kwargs)
 *   kwargs = {"model": model, "messages": [...]}    # the caller that builds the body
 *   await self._get_completion(**kwargs)
 *
 * Detection reads a dict splatted into a request when the file writes it (`params = {...}; create(**params)`);
 * a dict that is a parameter of the sending function is the callers' to fill, so the repository pass reads
 * `kwargs["model"]` where the call is made and follows the parameter out to what its callers pass.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';

/** `f(**name)` (a plain name splatted in, no `model=` beside it): `name["model"]`, else undefined. */
export function splattedBodyModel(call: SyntaxNode): Expr | undefined {
  if (call.type !== 'call') return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const splats = args.filter((a) => a?.type === 'dictionary_splat');
  if (splats.length !== 1) return undefined;
  const inner = splats[0]!.namedChildren[0];
  if (inner?.type !== 'identifier') return undefined;
  const line = inner.startPosition.row + 1;
  return { k: 'index', obj: { k: 'name', v: inner.text, line }, key: 'model', line };
}
