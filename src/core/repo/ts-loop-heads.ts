/**
 * The head of a TypeScript/JavaScript loop for the repository facts (extract-ts.ts): whether it walks data, and the
 * comparisons in its condition and in the `if`s that leave it, which bound it where a counter is compared.
 */
import type { SyntaxNode } from '../detect/parser';
import { ownStatements } from './extract-shared';
import type { Expr, LoopFact } from './facts';
import { loweredCounters } from './ts-loop-counters';

/** extract-ts.ts's expression reader, handed in (it imports this module). */
type ReadExpr = (node: SyntaxNode, depth: number) => Expr;

const EXITS = new Set(['break_statement', 'return_statement', 'throw_statement']);
const IFS = new Set(['if_statement']);

/** What a loop's head and early exits say of it: over data, or the comparisons that may bound it. */
export function tsLoopHead(loop: SyntaxNode, expr: ReadExpr): Omit<LoopFact, 'calls' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  const limits: LoopFact['limits'][number][] = [];
  if (loop.type === 'for_in_statement') return { kind: 'for', overData: true, limits };
  const condition = loop.childForFieldName('condition');
  // `for (let i = 0; i < items.length; i += BATCH)` walks data by index, as `range(len(items))` does.
  if (loop.type === 'for_statement' && condition && /^\s*\w+\s*<=?\s*[\w.$]+\.length\s*;?\s*$/.test(condition.text)) return { kind: 'for', overData: true, limits };
  if (condition) comparisons(condition, limits, expr, true);
  const body = loop.childForFieldName('body');
  for (const stmt of body ? ownStatements(body, IFS, 400) : []) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    if (cond && then && ownStatements(then, EXITS, 50).length) comparisons(cond, limits, expr);
  }
  return { kind: loop.type === 'while_statement' || loop.type === 'do_statement' ? 'while' : 'for', overData: loop.type === 'for_in_statement', limits, ...loweredCounters(loop) };
}

/** Comparisons in a condition; `head` for the loop's own condition (`i < this.maxSteps`: passes counted from the counter's start). */
function comparisons(node: SyntaxNode, out: LoopFact['limits'][number][], expr: ReadExpr, head = false): void {
  const all = node.type === 'binary_expression' ? [node, ...node.descendantsOfType('binary_expression')] : node.descendantsOfType('binary_expression');
  const seen = new Set<number>();
  for (const c of all) {
    if (!c || seen.has(c.id)) continue;
    seen.add(c.id);
    const op = c.childForFieldName('operator')?.text;
    const l = c.childForFieldName('left');
    const r = c.childForFieldName('right');
    if (!op || !l || !r || !/^(<|<=|>|>=|===|==)$/.test(op)) continue;
    out.push({ left: l.text, op: op === '===' ? '==' : op, right: expr(r, 0), leftExpr: expr(l, 0), line: c.startPosition.row + 1, ...(head ? { head } : {}) });
  }
}
