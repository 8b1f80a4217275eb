/**
 * TypeScript: counters a loop lowers (`remaining -= 1`, `remaining--`, `--remaining`, `remaining = remaining - 1`), in
 * its body or its own condition (`while (tries-- > 0)`). With a comparison against a floor they make a countdown
 * (loop-bound.ts): `let remaining = getRounds(); while (remaining > 0) { …; remaining -= 1 }` runs its start minus
 * the floor passes. Statements of nested functions are not the loop's.
 */
import type { SyntaxNode } from '../detect/parser';
import type { LoopFact } from './facts';

const FUNCTIONS = /^(function_declaration|function_expression|arrow_function|method_definition|generator_function_declaration)$/;
const MAX_NODES = 2000;

export function loweredCounters(loop: SyntaxNode): Pick<LoopFact, 'decrements'> {
  const decrements: { name: string; line: number }[] = [];
  let budget = MAX_NODES;
  const visit = (n: SyntaxNode): void => {
    if (--budget < 0 || FUNCTIONS.test(n.type)) return;
    const name = lowered(n);
    if (name && !decrements.some((d) => d.name === name)) decrements.push({ name, line: n.startPosition.row + 1 });
    for (const c of n.namedChildren) if (c) visit(c);
  };
  for (const part of [loop.childForFieldName('condition'), loop.childForFieldName('body')]) if (part) visit(part);
  return decrements.length ? { decrements } : {};
}

/** The name a node lowers by one: `x--`, `--x`, `x -= 1`, `x = x - 1`. */
function lowered(n: SyntaxNode): string | undefined {
  if (n.type === 'update_expression') {
    const arg = n.childForFieldName('argument');
    return arg?.type === 'identifier' && n.text.includes('--') ? arg.text : undefined;
  }
  const left = n.childForFieldName('left');
  const right = n.childForFieldName('right');
  if (!left || left.type !== 'identifier' || !right) return undefined;
  if (n.type === 'augmented_assignment_expression') return n.childForFieldName('operator')?.text === '-=' && right.text === '1' ? left.text : undefined;
  if (n.type === 'assignment_expression') return new RegExp(`^${left.text}\\s*-\\s*1$`).test(right.text) ? left.text : undefined;
  return undefined;
}
