/**
 * A Python `while` loop that waits for a value its body sets: `while parsed is None and tries < 3`,
 * `while not answer and attempts < n`. What loop-kinds.ts needs to tell a retry-until-parsed loop (one
 * request asked again until its answer parses) from an agent loop that feeds the answer back: the name
 * waited for, and the body's data flow as written — each assignment's targets and the names it reads,
 * each call's callee and the names it reads (its callee's included), and those its arguments read — in source order.
 */
import type { SyntaxNode } from '../detect/parser';
import type { LoopAwait } from './loop-await';

/** Bodies with more statements or calls than this are not read (a whole program in one loop). */
const MAX_ENTRIES = 120;
const PURE_CHAIN = /^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/;
const ASSIGNMENTS = ['assignment', 'augmented_assignment'];

export function awaitedOf(loop: SyntaxNode): { awaits?: LoopAwait } {
  const body = loop.childForFieldName('body');
  if (!body) return {};
  const condition = loop.type === 'while_statement' ? loop.childForFieldName('condition') : undefined;
  const waited = condition ? awaitedName(condition) : undefined;
  // `while i < 5:` / `while True:` / `for _ in range(n):` leaving on a test of the answer (`if ok: break`): the
  // loop waits for whatever that test reads (until-parsed.ts decides whether it is the request's answer).
  const exitReads = waited ? undefined : countedHead(loop, condition) ? exitTestReads(body) : undefined;
  if (!waited && !exitReads?.length) return {};
  const assigns: { line: number; endLine: number; targets: string[]; reads: string[] }[] = [];
  for (const a of body.descendantsOfType([...ASSIGNMENTS, 'named_expression', 'for_statement'])) {
    if (!a || insideNestedScope(a, body)) continue;
    // `for call in answer.tool_calls:` binds its target from what it walks, as `(err := check(answer))` does.
    const [left, right] = a.type === 'named_expression' ? [a.childForFieldName('name'), a.childForFieldName('value')] : [a.childForFieldName('left'), a.childForFieldName('right')];
    if (!left || !right) continue;
    const targets = targetsOf(left);
    // `x += y` reads `x` too.
    const reads = [...readsOf(right), ...(a.type === 'augmented_assignment' ? targets : [])];
    const end = a.type === 'for_statement' ? right : a;
    assigns.push({ line: a.startPosition.row + 1, endLine: end.endPosition.row + 1, targets, reads });
  }
  const calls: { line: number; callee: string; reads: string[]; args: string[] }[] = [];
  for (const c of body.descendantsOfType('call')) {
    const fn = c?.childForFieldName('function');
    if (!c || !fn || insideNestedScope(c, body)) continue;
    const args = c.childForFieldName('arguments');
    calls.push({ line: c.startPosition.row + 1, callee: fn.text.replace(/\s+/g, ''), reads: readsOf(c), args: args ? readsOf(args) : [] });
  }
  if (assigns.length > MAX_ENTRIES || calls.length > MAX_ENTRIES) return {};
  return { awaits: { name: waited ?? '', assigns, calls, ...(exitReads ? { exitReads } : {}) } };
}

/**
 * A head that only counts attempts: `while True`, `while i < 5` (comparisons joined by `and`), `for _ in range(n)`.
 * A `for` over data, or a `while` on anything else, is another shape.
 */
function countedHead(loop: SyntaxNode, condition: SyntaxNode | null | undefined): boolean {
  if (loop.type === 'for_statement') {
    const right = loop.childForFieldName('right');
    return right?.type === 'call' && right.childForFieldName('function')?.text === 'range';
  }
  if (!condition) return false;
  if (condition.type === 'true' || condition.text === '1') return true;
  const onlyComparisons = (n: SyntaxNode): boolean => {
    if (n.type === 'parenthesized_expression' && n.namedChildren[0]) return onlyComparisons(n.namedChildren[0]);
    if (n.type === 'boolean_operator') {
      const [l, r] = [n.childForFieldName('left'), n.childForFieldName('right')];
      return n.childForFieldName('operator')?.text === 'and' && Boolean(l && r) && onlyComparisons(l!) && onlyComparisons(r!);
    }
    return n.type === 'comparison_operator';
  };
  return onlyComparisons(condition);
}

/**
 * What the tests read of the body's own `if`s that leave the loop (`break`, or `return` of something) in their
 * block or their `else`: `if len(response.tool_calls) != 1: …  else: break` → response.tool_calls (and `len`).
 */
function exitTestReads(body: SyntaxNode): string[] {
  const out = new Set<string>();
  for (const stmt of body.namedChildren) {
    if (stmt?.type !== 'if_statement') continue;
    const arms = [stmt.childForFieldName('consequence'), ...stmt.childrenForFieldName('alternative').map((a) => (a?.type === 'else_clause' ? a.childForFieldName('body') : null))];
    const leaves = arms.some((arm) => arm?.namedChildren.some((s) => s?.type === 'break_statement' || (s?.type === 'return_statement' && s.namedChildren.length > 0)));
    const test = stmt.childForFieldName('condition');
    if (leaves && test) for (const r of readsOf(test)) out.add(r);
  }
  return [...out];
}

/**
 * The one value the header waits for: a conjunct `x is None`, `x == None` or `not x`; the other conjuncts
 * may only be comparisons (an attempt counter). An `or`, or two values waited for, is another shape.
 */
function awaitedName(condition: SyntaxNode): string | undefined {
  const conjuncts: SyntaxNode[] = [];
  const split = (n: SyntaxNode): boolean => {
    if (n.type === 'parenthesized_expression' && n.namedChildren.length === 1 && n.namedChildren[0]) return split(n.namedChildren[0]);
    if (n.type === 'boolean_operator') {
      const op = n.childForFieldName('operator')?.text;
      const [l, r] = [n.childForFieldName('left'), n.childForFieldName('right')];
      return op === 'and' && Boolean(l && r) && split(l!) && split(r!);
    }
    conjuncts.push(n);
    return true;
  };
  if (!split(condition)) return undefined;
  let name: string | undefined;
  for (const c of conjuncts) {
    const waited = waitedIn(c);
    if (waited) {
      if (name) return undefined;
      name = waited;
    } else if (c.type !== 'comparison_operator') return undefined;
  }
  return name;
}

function waitedIn(c: SyntaxNode): string | undefined {
  if (c.type === 'not_operator') {
    const arg = c.childForFieldName('argument');
    return arg && PURE_CHAIN.test(arg.text) ? arg.text : undefined;
  }
  if (c.type !== 'comparison_operator') return undefined;
  const parts = c.namedChildren.filter((x): x is SyntaxNode => Boolean(x));
  if (parts.length !== 2 || parts[1].type !== 'none' || !PURE_CHAIN.test(parts[0].text)) return undefined;
  const op = c.text.slice(parts[0].endIndex - c.startIndex, parts[1].startIndex - c.startIndex).trim();
  return op === 'is' || op === '==' ? parts[0].text : undefined;
}

/** `a, b = …` → a, b; `self.x = …` → self.x; `messages[-1] = …` → messages (the container changes). */
function targetsOf(left: SyntaxNode): string[] {
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') return left.namedChildren.flatMap((c) => (c ? targetsOf(c) : []));
  if (left.type === 'subscript') {
    const value = left.childForFieldName('value');
    return value ? targetsOf(value) : [];
  }
  return PURE_CHAIN.test(left.text) ? [left.text] : [];
}

/** The names and attribute paths an expression reads, each chain whole (`self.client`, not `self`). */
function readsOf(node: SyntaxNode): string[] {
  const out = new Set<string>();
  const visit = (n: SyntaxNode): void => {
    if (out.size > 60) return;
    if ((n.type === 'attribute' && PURE_CHAIN.test(n.text)) || n.type === 'identifier') {
      out.add(n.text);
      return;
    }
    if (n.type === 'keyword_argument') {
      const value = n.childForFieldName('value');
      if (value) visit(value);
      return;
    }
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(node);
  return [...out];
}

function insideNestedScope(node: SyntaxNode, body: SyntaxNode): boolean {
  for (let p = node.parent; p && p.id !== body.id; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return true;
  return false;
}
