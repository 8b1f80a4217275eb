/**
 * The condition of a TypeScript ternary, kept with its branches (`Expr` `or`, `test`) so that the
 * repository pass can follow only the branch the default configuration takes (conditions.ts):
 * `process.env.FIREWORKS_KEY ? createFireworks(…) : undefined`, `provider === 'vertex' ? 'gemini' : provider`,
 * `!client ? fallback : client`. Conditions it cannot represent are left out: both branches stay candidates.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Cond, Expr } from './facts';

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

const EQUALS = /^(===|==|!==|!=)$/;

function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

export function tsCondition(raw: SyntaxNode, depth: number, expr: ExprOf): Cond | undefined {
  const node = unwrapParens(raw);
  if (node.type === 'unary_expression' && node.childForFieldName('operator')?.text === '!') {
    const inner = node.childForFieldName('argument');
    const c = inner ? tsCondition(inner, depth, expr) : undefined;
    return c ? { ...c, not: !c.not } : undefined;
  }
  if (node.type === 'binary_expression') {
    const op = node.childForFieldName('operator')?.text ?? '';
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    if (!l || !r) return undefined;
    if (EQUALS.test(op)) return { k: 'eq', left: expr(l, depth + 1), right: expr(r, depth + 1), ...(op.startsWith('!') ? { not: true } : {}) };
    // `a ?? b`, `a || b` as a condition: the value's truthiness (the expression keeps both sides).
    if (op === '??' || op === '||') return { k: 'truthy', e: expr(node, depth) };
    return undefined;
  }
  if (/^(identifier|member_expression|subscript_expression|call_expression)$/.test(node.type)) return { k: 'truthy', e: expr(node, depth) };
  return undefined;
}
