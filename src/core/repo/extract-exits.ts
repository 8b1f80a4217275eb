/**
 * Python: the tests that make a function leave early (`if …: return` / `raise`), for a loop that is not a
 * `while`/`for` — a task that re-enqueues itself (requeue-loops.ts) is stopped by such a test before it enqueues
 * the next pass: `if self._check_for_max_iterations(…): return`, whose helper compares the count with the limit
 * (`if config["max_iterations"] <= execution.num_of_calls: return True`), or the comparison itself.
 *
 * Kept: comparisons one side of which is named like a limit (`max_*`, `*_limit`, `cap`), and, in a function
 * that enqueues a task, calls made in such a test (the helper holds the comparison). Read only where the body's
 * text says there may be one, so most functions pay one regular expression.
 */
import type { SyntaxNode } from '../detect/parser';
import type { ExitTest, Expr } from './facts';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

const LIMIT_NAME = /max|limit|cap\b|budget/i;
/** The enqueue calls of task queues (Celery `apply_async`/`delay`, RQ `enqueue`). */
export const ENQUEUE_TEXT = /\.(apply_async|delay|enqueue(_call|_in|_at)?)\s*\(/;
const MAX_TESTS = 8;
const MAX_BODY_TEXT = 40_000;
const RELATION = /^(<|<=|>|>=|==)$/;

export function exitTestsOf(body: SyntaxNode, expr: ExprOf): ExitTest[] {
  const text = body.text;
  if (text.length > MAX_BODY_TEXT || (!LIMIT_NAME.test(text) && !ENQUEUE_TEXT.test(text))) return [];
  const withCalls = ENQUEUE_TEXT.test(text);
  const out: ExitTest[] = [];
  for (const stmt of body.descendantsOfType(['if_statement', 'return_statement'])) {
    if (!stmt || out.length >= MAX_TESTS) continue;
    if (stmt.type === 'return_statement') {
      // `return count >= limit`: a helper whose answer is the test.
      const value = stmt.namedChildren[0];
      if (value) collect(value, expr, false, out);
      continue;
    }
    const condition = stmt.childForFieldName('condition');
    const consequence = stmt.childForFieldName('consequence');
    if (!condition || !consequence || !leaves(consequence)) continue;
    collect(condition, expr, withCalls, out);
  }
  return out.slice(0, MAX_TESTS);
}

function leaves(block: SyntaxNode): boolean {
  return block.namedChildren.some((s) => s?.type === 'return_statement' || s?.type === 'raise_statement');
}

/** Comparisons (and calls) in a test, through `and`/`or`/`not` and parentheses. */
function collect(node: SyntaxNode, expr: ExprOf, withCalls: boolean, out: ExitTest[]): void {
  switch (node.type) {
    case 'boolean_operator':
    case 'parenthesized_expression':
    case 'not_operator':
      for (const c of node.namedChildren) if (c) collect(c, expr, withCalls, out);
      return;
    case 'comparison_operator': {
      const parts = node.namedChildren.filter((x): x is SyntaxNode => Boolean(x));
      if (parts.length !== 2) return;
      const op = node.text.slice(parts[0].endIndex - node.startIndex, parts[1].startIndex - node.startIndex).trim();
      if (!RELATION.test(op) || !(LIMIT_NAME.test(parts[0].text) || LIMIT_NAME.test(parts[1].text))) return;
      out.push({ line: node.startPosition.row + 1, op, left: expr(parts[0], 0), right: expr(parts[1], 0), leftText: parts[0].text, rightText: parts[1].text });
      return;
    }
    case 'call':
      if (withCalls) out.push({ line: node.startPosition.row + 1, call: (node.childForFieldName('function')?.text ?? '').replace(/\s+/g, '') });
      return;
    default:
      return;
  }
}
