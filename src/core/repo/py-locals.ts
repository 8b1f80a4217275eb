/**
 * Python locals the declaration list does not hold: `with open(path) as f:` binds `f` to the opened file
 * (`yaml.safe_load(f)` then reads that file). Found in one native walk per file and placed in the
 * innermost function, like the other locals (extract-shared.ts).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { FunctionBucket } from './extract-shared';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

export function addWithAliases(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: ExprOf, depth: number): void {
  if (!buckets.length) return;
  for (const a of root.descendantsOfType('as_pattern')) {
    if (a?.parent?.type !== 'with_item') continue;
    const value = a.namedChildren[0];
    const alias = a.childForFieldName('alias') ?? a.namedChildren[1];
    const id = alias?.type === 'identifier' ? alias : alias?.namedChildren.find((x) => x?.type === 'identifier');
    if (!value || !id) continue;
    let owner: FunctionBucket | undefined;
    for (const b of buckets) if (b.node.startIndex <= a.startIndex && a.endIndex <= b.node.endIndex && (!owner || b.node.startIndex >= owner.node.startIndex)) owner = b;
    if (owner) owner.locals[id.text] ??= expr(value, depth);
  }
}
