/**
 * What the loop rules need of a Python loop or function beyond its calls: the comparisons that end
 * it (with their line, chained `0 < limit < cost` included), the counters it raises, what its body
 * changes, whether it backs off (`sleep`), whether it is shaped as a retry (`try: return …`), and the
 * comparisons that make a function raise (a cost limit checked after each request).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, LoopFact } from './facts';
import { assignedCalls, ownStatements } from './extract-shared';
import { awaitedOf } from './extract-py-awaits';
import { isCounterName, walksByIndex } from './extract-py-walks';
import { fannedOut, lengthName } from './fanned-out';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;
type Limit = LoopFact['limits'][number];

const IFS = new Set(['if_statement']);
const EXITS = new Set(['break_statement', 'return_statement', 'raise_statement']);
const RAISES = new Set(['raise_statement']);
const ASSIGNS = new Set(['expression_statement']);
const MUTATORS = /^(append|extend|insert|add|update|appendleft|put|push)$/;

/** `a < b`, `cost >= self.cost_limit`, `0 < limit < cost`: each adjacent pair, the limit on the right as written. */
export function comparisonsOf(node: SyntaxNode, expr: ExprOf, head = false): Limit[] {
  const out: Limit[] = [];
  const all = node.type === 'comparison_operator' ? [node] : node.descendantsOfType('comparison_operator');
  for (const c of all) {
    if (!c) continue;
    const parts = c.namedChildren.filter((x): x is SyntaxNode => Boolean(x));
    for (let i = 0; i + 1 < parts.length && i < 3; i++) {
      const [l, r] = [parts[i], parts[i + 1]];
      const op = c.text.slice(l.endIndex - c.startIndex, r.startIndex - c.startIndex).trim();
      if (!/^(<|<=|>|>=|==)$/.test(op)) continue;
      out.push({ left: l.text, op, right: expr(r, 0), leftExpr: expr(l, 0), line: c.startPosition.row + 1, ...(head ? { head } : {}) });
    }
  }
  return out;
}

/** Comparisons in the `if`s of a body whose branch leaves the loop. */
export function exitGuards(body: SyntaxNode, expr: ExprOf): Limit[] {
  const out: Limit[] = [];
  for (const stmt of ownStatements(body, IFS, 400)) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    if (cond && then && leavesLoop(then)) out.push(...comparisonsOf(cond, expr).map((c) => ({ ...c, branchEnd: then.endPosition.row + 1 })));
  }
  return out;
}

const LOOPS = new Set(['for_statement', 'while_statement']);

function sameNode(a: SyntaxNode, b: SyntaxNode): boolean {
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/**
 * The branch leaves the loop it is written in: a `return` or `raise` anywhere in it, or a `break` not inside a
 * loop of its own (`if n > 1: for j in range(n): … break` leaves only the inner loop).
 */
function leavesLoop(branch: SyntaxNode): boolean {
  return ownStatements(branch, EXITS, 50).some((exit) => {
    if (exit.type !== 'break_statement') return true;
    for (let p = exit.parent; p && p.startIndex >= branch.startIndex && !sameNode(p, branch); p = p.parent) if (LOOPS.has(p.type)) return false;
    return true;
  });
}

/** Comparisons in the `if`s of a function body whose branch raises. */
export function raiseGuards(body: SyntaxNode, expr: ExprOf): { left: string; op: string; right: Expr; leftExpr?: Expr; line: number }[] {
  const out: { left: string; op: string; right: Expr; leftExpr?: Expr; line: number }[] = [];
  for (const stmt of ownStatements(body, IFS, 300)) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    if (!cond || !then || !ownStatements(then, RAISES, 20).length) continue;
    for (const c of comparisonsOf(cond, expr)) out.push({ ...c, line: c.line ?? stmt.startPosition.row + 1 });
    if (out.length >= 12) break;
  }
  return out;
}

/** What a loop body changes, the counters it raises, whether it sleeps, and its retry shape. */
export function loopShape(body: SyntaxNode): Pick<LoopFact, 'changes' | 'increments' | 'decrements' | 'sleeps' | 'attempt'> {
  const changes = new Set<string>();
  const increments: { name: string; line: number }[] = [];
  const decrements: { name: string; line: number }[] = [];
  for (const stmt of ownStatements(body, ASSIGNS, 400)) {
    const a = stmt.namedChildren[0];
    if (a?.type === 'assignment' || a?.type === 'augmented_assignment') {
      const left = a.childForFieldName('left');
      for (const t of left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : [left]) if (t) changes.add(t.text);
      const op = a.type === 'augmented_assignment' && left ? a.text.slice(left.endIndex - a.startIndex, (a.childForFieldName('right')?.startIndex ?? a.endIndex) - a.startIndex).trim() : '';
      if (left && op === '+=') increments.push({ name: left.text, line: a.startPosition.row + 1 });
      if (left && op === '-=') decrements.push({ name: left.text, line: a.startPosition.row + 1 });
    }
  }
  let sleeps = false;
  for (const call of body.descendantsOfType('call')) {
    const fn = call?.childForFieldName('function');
    if (!fn) continue;
    if (/(^|\.)_?sleep$/.test(fn.text)) sleeps = true;
    const prop = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    const obj = fn.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (prop && obj && MUTATORS.test(prop) && /^[\w.]+$/.test(obj.text)) changes.add(obj.text);
  }
  const counters = new Set([...increments, ...decrements].map((c) => c.name));
  const recoveryLines = [...new Set([...handlerCallLines(body), ...budgetSpentLines(body, counters)])].slice(0, MAX_RECOVERY_LINES);
  return { changes: [...changes].slice(0, 40), ...(increments.length ? { increments } : {}), ...(decrements.length ? { decrements } : {}), ...(sleeps ? { sleeps } : {}), ...attemptShape(body), ...(recoveryLines.length ? { recoveryLines } : {}) };
}

const MAX_RECOVERY_LINES = 40;

/** Lines of the calls inside the body's `except` handlers (nested ones included): the loop's error recovery. */
function handlerCallLines(body: SyntaxNode): number[] {
  const lines = new Set<number>();
  for (const handler of body.descendantsOfType('except_clause')) {
    for (const call of handler?.descendantsOfType('call') ?? []) {
      if (call && lines.size < MAX_RECOVERY_LINES) lines.add(call.startPosition.row + 1);
    }
  }
  return [...lines];
}

/**
 * Lines of the calls in the branch taken when the loop's own counter runs out (`if remaining_retries == 0:` …
 * `raise`): what the loop does once its budget is spent (ask whether to go on, report), not its main path.
 */
function budgetSpentLines(body: SyntaxNode, counters: ReadonlySet<string>): number[] {
  if (!counters.size) return [];
  const lines = new Set<number>();
  for (const stmt of ownStatements(body, IFS, 400)) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    if (!cond || !then || !leavesLoop(then)) continue;
    const comparisons = cond.type === 'comparison_operator' ? [cond] : cond.descendantsOfType('comparison_operator');
    if (!comparisons.some((c) => c?.namedChildren.some((n) => n && counters.has(n.text)))) continue;
    for (const call of then.descendantsOfType('call')) if (call && lines.size < MAX_RECOVERY_LINES) lines.add(call.startPosition.row + 1);
  }
  return [...lines];
}

/** `try: …; return x` / `try: …; break` as the body's statement: a success leaves the loop. */
function attemptShape(body: SyntaxNode): Pick<LoopFact, 'attempt'> {
  const attempt = body.namedChildren.find((c) => c?.type === 'try_statement');
  const block = attempt?.childForFieldName('body') ?? attempt?.namedChildren.find((c) => c?.type === 'block');
  if (!attempt || !block) return {};
  const leaves = block.namedChildren.some((c) => c?.type === 'return_statement' || c?.type === 'break_statement');
  if (!leaves) return {};
  const again: string[] = [];
  for (const handler of attempt.namedChildren) {
    if (handler?.type !== 'except_clause') continue;
    const inner = handler.namedChildren.find((c) => c?.type === 'block');
    if (inner?.namedChildren.some((c) => c && EXITS.has(c.type))) continue;
    const caught = handler.namedChildren.find((c) => c && c.type !== 'block' && c.type !== 'comment');
    const names = caught ? (caught.type === 'as_pattern' ? caught.namedChildren[0] : caught) : undefined;
    const text = names?.text.replace(/[()\s]/g, '') ?? '';
    again.push(...(text ? text.split(',') : ['BaseException']));
  }
  return { attempt: { again } };
}

/** What a loop's header and body say about its passes: a counted `range`, data walked, the limits it checks. */
export function loopHead(loop: SyntaxNode, expr: ExprOf): Omit<LoopFact, 'calls' | 'line' | 'column' | 'endLine' | 'endColumn'> {
  const limits: LoopFact['limits'][number][] = [];
  let rangeEnd: Expr | undefined;
  let rangeOffset = 0;
  const overData = false;
  if (loop.type === 'for_statement') {
    const right = loop.childForFieldName('right');
    const callee = right?.type === 'call' ? right.childForFieldName('function')?.text : undefined;
    if (callee === 'range' && right) {
      const args = right.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
      const end = args.length >= 2 ? args[1] : args[0];
      // `range(len(items))` walks data by index.
      if (end?.type === 'call' && end.childForFieldName('function')?.text === 'len') return { kind: 'for', overData: true, limits, ...carriesOf(loop) };
      // `n = len(fragments)` … `range(n)`: the same walk by index (fanned-out.ts).
      if (end?.type === 'identifier' && lengthName(loop, end.text)) return { kind: 'for', overData: true, limits, ...carriesOf(loop) };
      const counted = end ? rangeCount(end, args.length >= 2 ? (args[0] ?? undefined) : undefined) : undefined;
      if (counted) [rangeEnd, rangeOffset] = [expr(counted.end, 0), counted.offset];
    } else if (!callee || !/(^|\.)count$/.test(callee)) return { kind: 'for', overData: true, limits, ...carriesOf(loop) };
  } else {
    // `while cursor < len(book): … cursor += n`: data walked by position (extract-py-walks.ts).
    if (walksByIndex(loop)) return { kind: 'while', overData: true, limits, ...carriesOf(loop) };
    const condition = loop.childForFieldName('condition');
    if (condition) limits.push(...comparisonsOf(condition, expr, true));
  }
  const body = loop.childForFieldName('body');
  if (body) limits.push(...exitGuards(body, expr));
  const fanOut = rangeEnd ? fannedOut(loop) : undefined;
  return { kind: loop.type === 'for_statement' ? 'for' : 'while', rangeEnd, ...(rangeOffset ? { rangeOffset } : {}), overData, limits, ...(fanOut ? { fanOut } : {}), ...(body ? loopShape(body) : {}), ...awaitedOf(loop) };
}

/**
 * Lines of a loop body's `x = f(…, x, …)` / `x, y = await f(…, x)`: the call is given what the last pass left in
 * `x` and its result replaces it. A plain accumulation (`total = add(total, n)` is one too) is told apart by the
 * repository pass, which keeps only those whose call reaches a request.
 */
function carriesOf(loop: SyntaxNode): Pick<LoopFact, 'carries'> {
  const body = loop.childForFieldName('body');
  if (!body) return {};
  const lines: number[] = [];
  for (const { left, call, line } of assignedCalls(body)) {
    const names = new Set((left.type === 'pattern_list' || left.type === 'tuple_pattern' ? left.namedChildren : [left]).filter((n) => n?.type === 'identifier').map((n) => n!.text));
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    // A progress counter handed back (`index = self.process_item(item, index)`) carries a position, not work.
    for (const n of [...names]) if (isCounterName(n)) names.delete(n);
    const passed = args.some((x) => x && (names.has(x.text) || (x.type === 'keyword_argument' && names.has(x.childForFieldName('value')?.text ?? ''))));
    if (passed && lines.length < 20) lines.push(line);
  }
  return lines.length ? { carries: lines } : {};
}

/** `range(end)`, `range(n - 1)`, `range(1, n + 1)`: the expression counted and the passes beyond its value. */
function rangeCount(end: SyntaxNode, start: SyntaxNode | undefined): { end: SyntaxNode; offset: number } {
  // A start the code computes is not known: counted from 0, as if it were.
  const from = start?.type === 'integer' ? Number(start.text) : 0;
  const [left, right] = [end.childForFieldName('left'), end.childForFieldName('right')];
  const op = end.type === 'binary_operator' ? end.childForFieldName('operator')?.text : undefined;
  if ((op === '+' || op === '-') && left && right?.type === 'integer' && left.type !== 'integer') return { end: left, offset: (op === '-' ? -1 : 1) * Number(right.text) - from };
  return { end, offset: -from };
}
