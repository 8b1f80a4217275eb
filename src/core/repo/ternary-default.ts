/**
 * `useSpecial ? xai.responses('grok-4.20-multi-agent') : scira.languageModel(model)`: a ternary whose condition the
 * default configuration does not decide (conditions.ts), with a literal model in the then-arm and a computed one in
 * the else-arm. The literal is the special case the flag turns on; the else-arm is what runs by default, as in an
 * if/else (detect/branches.ts: else the `else` arm). The evaluator follows that arm first; the other stays a
 * candidate when it gives nothing. Any other undecided ternary keeps the first-that-resolves order.
 */
import type { Expr } from './facts';
import { PROVIDER_FACTORY } from '../detect/ai-sdk-surface';
import { preferCodeDefault } from './run-config';
import type { Val } from './values';

type OrExpr = Extract<Expr, { k: 'or' }>;

/** A model written in place: a string, or an AI SDK provider called with one (`openai('gpt-4o')`, not `mine.languageModel('alias')`). */
export function literalModelArm(e: Expr): boolean {
  return e.k === 'str' || (e.k === 'call' && PROVIDER_FACTORY.test(e.text) && e.args[0]?.k === 'str');
}

/** The arms of an undecided `or` in the order to try them. Python's `x if x is not None else y` (a None test) is left alone. */
export function armsInDefaultOrder(e: OrExpr): readonly [Expr, Expr] {
  const ternary = e.test !== undefined && e.test.k !== 'none';
  return ternary && literalModelArm(e.left) && !literalModelArm(e.right) ? [e.right, e.left] : [e.left, e.right];
}

/** An undecided `or`'s value: its arms in default order, the first that resolves (a run-config value yields to the code's default). */
export function evalInDefaultOrder(e: OrExpr, value: (x: Expr) => Val | undefined): Val | undefined {
  const [first, then] = armsInDefaultOrder(e);
  return preferCodeDefault(value(first), () => value(then));
}
