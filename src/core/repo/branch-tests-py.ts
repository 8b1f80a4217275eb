/**
 * Python: the tests a statement runs under inside its function — the conditions of the `if`/`elif` branches
 * around it, and for an `elif`/`else` the earlier conditions negated. Read where the tests name a value and
 * compare it with literal text, the shape of a model or provider switch:
 *
 *   if model == "deepseek-coder": main_model = Model("deepseek/deepseek-coder")
 *   elif model in ["o1", "o3"]: …
 *   elif "claude" in model: …
 *   else: main_model = Model(model)
 *
 * Any other condition is kept as `unknown` (never decided), so that a branch under it is never taken for
 * certain. branch-locals.ts decides them under the default configuration.
 */
import type { SyntaxNode } from '../detect/parser';
import type { BranchTest, Expr } from './facts';

const MAX_TESTS = 6;

/** The tests `node` runs under, innermost last; undefined when it is on no branch of its function. */
export function branchTestsOf(node: SyntaxNode, stopAt: SyntaxNode | undefined, expr: (n: SyntaxNode) => Expr): BranchTest[] | undefined {
  const tests: BranchTest[] = [];
  let child: SyntaxNode = node;
  for (let n = node.parent; n && n.id !== stopAt?.id && tests.length < MAX_TESTS; child = n, n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') break;
    if (n.type === 'if_statement' && n.childForFieldName('consequence')?.id === child.id) tests.unshift(testOf(n.childForFieldName('condition'), expr));
    else if ((n.type === 'elif_clause' || n.type === 'else_clause') && n.parent?.type === 'if_statement') {
      const own: BranchTest[] = [];
      const chain = n.parent;
      own.push(negate(testOf(chain.childForFieldName('condition'), expr)));
      for (const alt of chain.childrenForFieldName('alternative')) {
        if (!alt || alt.id === n.id) break;
        if (alt.type === 'elif_clause') own.push(negate(testOf(alt.childForFieldName('condition'), expr)));
      }
      if (n.type === 'elif_clause') own.push(testOf(n.childForFieldName('condition'), expr));
      tests.unshift(...own);
      // The chain's own statement is the branch point: skip past it.
      child = chain;
      n = chain;
    }
  }
  return tests.length ? tests.slice(-MAX_TESTS) : undefined;
}

function testOf(cond: SyntaxNode | null | undefined, expr: (n: SyntaxNode) => Expr): BranchTest {
  if (!cond) return { k: 'unknown' };
  if (cond.type === 'parenthesized_expression' && cond.namedChildren[0]) return testOf(cond.namedChildren[0], expr);
  if (cond.type === 'not_operator') return negate(testOf(cond.childForFieldName('argument'), expr));
  if (cond.type !== 'comparison_operator' || cond.namedChildCount !== 2) return { k: 'unknown' };
  const [left, right] = cond.namedChildren;
  const op = cond.children.filter((c) => c && !c.isNamed).map((c) => c!.text).join(' ');
  if (!left || !right) return { k: 'unknown' };
  const not = op === '!=' || op === 'not in';
  if (op === '==' || op === '!=') {
    const [subject, lit] = literal(right) !== undefined ? [left, literal(right)] : [right, literal(left)];
    return lit === undefined ? { k: 'unknown' } : { k: 'eq', subject: expr(subject), values: [lit], ...(not ? { not } : {}) };
  }
  if (op === 'in' || op === 'not in') {
    // `"claude" in model`: a substring of the value; `model in ["a", "b"]` / `model in ("a", "b")`: one of the values.
    const sub = literal(left);
    if (sub !== undefined) return { k: 'contains', subject: expr(right), values: [sub], ...(not ? { not } : {}) };
    const items = literals(right);
    return items ? { k: 'eq', subject: expr(left), values: items, ...(not ? { not } : {}) } : { k: 'unknown' };
  }
  return { k: 'unknown' };
}

function negate(t: BranchTest): BranchTest {
  return t.k === 'unknown' ? t : { ...t, not: !t.not };
}

function literal(n: SyntaxNode): string | undefined {
  if (n.type !== 'string' || n.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  const content = n.namedChildren.find((c) => c?.type === 'string_content');
  return content ? content.text : n.text.replace(/^[a-zA-Z]*(['"]{3}|['"])|(['"]{3}|['"])$/g, '');
}

function literals(n: SyntaxNode): string[] | undefined {
  if (n.type !== 'list' && n.type !== 'tuple' && n.type !== 'set') return undefined;
  const out: string[] = [];
  for (const c of n.namedChildren) {
    const v = c ? literal(c) : undefined;
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out.length ? out : undefined;
}
