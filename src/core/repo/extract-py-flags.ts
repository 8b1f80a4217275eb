/**
 * Python: a step that tells its loop when to stop. The loop leaves on a flag (`if done: break`, `while not done`)
 * whose value a call of its body returns (`messages, reward, done, info = self.step()`, the environment-step shape);
 * the step computes the flag from a counter it raises and a cap (`self.n += 1; done = self.n >= self.max or
 * success`). The two halves are read here, per loop and per function; step-flags.ts joins them through the call
 * graph into the loop's bound.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, LoopFact } from './facts';
import type { ReturnedCap, StepEffects } from './loop-await';
import { assignedCalls, ownStatements } from './extract-shared';
import { comparisonsOf } from './extract-py-loops';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;
type FlagExit = NonNullable<LoopFact['flagExits']>[number];

const IFS = new Set(['if_statement']);
const EXITS = new Set(['break_statement', 'return_statement']);
const ASSIGNS = new Set(['expression_statement']);
const RETURNS = new Set(['return_statement']);
const MAX_FLAGS = 4;

/** Names that end the loop when true: `if done: break`, `if done or failed: return`, `while not done`. */
export function loopFlagExits(loop: SyntaxNode): FlagExit[] {
  const body = loop.childForFieldName('body');
  if (!body) return [];
  const names = new Map<string, number>();
  if (loop.type === 'while_statement') {
    const cond = loop.childForFieldName('condition');
    for (const n of cond ? negatedNames(cond) : []) names.set(n, loop.startPosition.row + 1);
  }
  for (const stmt of ownStatements(body, IFS, 300)) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    // Only an exit of this loop: a `break` nested in an inner loop leaves that loop.
    if (!cond || !then || !then.namedChildren.some((c) => c && EXITS.has(c.type))) continue;
    for (const n of orNames(cond)) if (!names.has(n)) names.set(n, stmt.startPosition.row + 1);
  }
  const out: FlagExit[] = [];
  for (const [name, line] of names) {
    const set = setByCall(body, name);
    if (set && out.length < MAX_FLAGS) out.push({ name, line, ...set });
  }
  return out;
}

/** `while not done`, `while not done and n < k`: the names whose truth stops the loop. */
function negatedNames(cond: SyntaxNode): string[] {
  const c = unwrap(cond);
  if (c.type === 'not_operator') {
    const arg = c.childForFieldName('argument');
    return arg && unwrap(arg).type === 'identifier' ? [unwrap(arg).text] : [];
  }
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'and') {
    return [c.childForFieldName('left'), c.childForFieldName('right')].flatMap((s) => (s ? negatedNames(s) : []));
  }
  return [];
}

/** `done`, `done or failed`: the names any of which, true, sends the branch out of the loop. */
function orNames(cond: SyntaxNode): string[] {
  const c = unwrap(cond);
  if (c.type === 'identifier') return [c.text];
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'or') {
    return [c.childForFieldName('left'), c.childForFieldName('right')].flatMap((s) => (s ? orNames(s) : []));
  }
  return [];
}

function unwrap(n: SyntaxNode): SyntaxNode {
  let c = n;
  while (c.type === 'parenthesized_expression' && c.namedChildren[0]) c = c.namedChildren[0];
  return c;
}

/** The body's `… name … = [await] f(…)`: the line of the call and the name's place in the unpacked tuple. */
function setByCall(body: SyntaxNode, name: string): { callLine: number; index?: number } | undefined {
  for (const { left, call } of assignedCalls(body)) {
    if (left.type === 'identifier' && left.text === name) return { callLine: call.startPosition.row + 1 };
    if (left.type !== 'pattern_list' && left.type !== 'tuple_pattern') continue;
    const index = left.namedChildren.findIndex((c) => c?.text === name);
    if (index >= 0) return { callLine: call.startPosition.row + 1, index };
  }
  return undefined;
}

/**
 * What a function returns that a cap decides: `return self.n >= self.max`, or a returned name (alone or at its
 * place in a tuple) assigned from such a test (`done = self.n >= self.max or success`). Only comparisons that
 * make the flag true on their own count: under `or`, not under `and` or `not`.
 */
export function returnedCaps(body: SyntaxNode, expr: ExprOf): ReturnedCap[] {
  const out: ReturnedCap[] = [];
  for (const ret of ownStatements(body, RETURNS, 100)) {
    const value = ret.namedChildren[0];
    if (!value) continue;
    const parts = value.type === 'expression_list' || value.type === 'tuple' ? value.namedChildren : [value];
    parts.forEach((p, i) => {
      if (!p) return;
      const index = parts.length > 1 ? i : undefined;
      if (out.some((o) => o.index === index)) return;
      const test = p.type === 'identifier' ? assignedTest(body, p.text) : p;
      const limits = test ? capsOf(test, expr) : [];
      if (limits.length) out.push({ ...(index !== undefined ? { index } : {}), limits });
    });
    if (out.length >= MAX_FLAGS) break;
  }
  return out;
}

function assignedTest(body: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const stmt of ownStatements(body, ASSIGNS, 400)) {
    const a = stmt.namedChildren[0];
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) {
      const right = a.childForFieldName('right');
      if (right && capsShape(right)) return right;
    }
  }
  return undefined;
}

function capsShape(n: SyntaxNode): boolean {
  const c = unwrap(n);
  if (c.type === 'comparison_operator') return true;
  return c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'or' && [c.childForFieldName('left'), c.childForFieldName('right')].some((s) => s && capsShape(s));
}

function capsOf(n: SyntaxNode, expr: ExprOf): ReturnedCap['limits'] {
  const c = unwrap(n);
  if (c.type === 'comparison_operator') return comparisonsOf(c, expr);
  if (c.type === 'boolean_operator' && c.childForFieldName('operator')?.text === 'or') {
    return [c.childForFieldName('left'), c.childForFieldName('right')].flatMap((s) => (s ? capsOf(s, expr) : []));
  }
  return [];
}

/** Counters the function raises by one as statements of its own body (`self.n += 1`), with their line. */
export function raisedCounters(body: SyntaxNode): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  for (const stmt of ownStatements(body, ASSIGNS, 400)) {
    const a = stmt.namedChildren[0];
    if (a?.type !== 'augmented_assignment') continue;
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    const op = left && right ? a.text.slice(left.endIndex - a.startIndex, right.startIndex - a.startIndex).trim() : '';
    if (left && op === '+=' && right?.text === '1') out.push({ name: left.text, line: a.startPosition.row + 1 });
  }
  return out;
}

/** A function's step effects; its raised counters are kept only when something it returns is decided by a cap. */
export function stepEffectsOf(body: SyntaxNode, params: readonly string[], expr: ExprOf): StepEffects | undefined {
  const returned = returnedCaps(body, expr);
  const changed = changedParams(body, params);
  if (!returned.length && !changed.length) return undefined;
  return { ...(returned.length ? { returned, raised: raisedCounters(body) } : {}), ...(changed.length ? { changedParams: changed } : {}) };
}

const MUTATORS = /^(append|extend|insert|add|update|appendleft|put|push|pop|remove|clear|setdefault)$/;
const MAX_NODES = 400;

/**
 * Parameters whose fields the body changes: `run.state = …`, `run.state.iteration += 1`, `run.messages[-1] = m`,
 * `run.messages.append(m)` (a closure of the body included: it changes the same object). Rebinding the parameter
 * itself (`run = other`) changes nothing the caller holds, and what is changed after it is the new object.
 */
export function changedParams(body: SyntaxNode, params: readonly string[]): string[] {
  if (!params.length) return [];
  const names = new Set(params);
  const out = new Set<string>();
  const rebound = new Set<string>();
  const rootOf = (n: SyntaxNode | null): string | undefined => {
    let c = n;
    while (c && (c.type === 'attribute' || c.type === 'subscript')) c = c.childForFieldName(c.type === 'attribute' ? 'object' : 'value');
    return c?.type === 'identifier' && names.has(c.text) ? c.text : undefined;
  };
  const nodes = body.descendantsOfType(['assignment', 'augmented_assignment', 'call']).slice(0, MAX_NODES);
  for (const n of nodes) {
    if (!n) continue;
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
      const root = obj && MUTATORS.test(fn?.childForFieldName('attribute')?.text ?? '') ? rootOf(obj) : undefined;
      if (root) out.add(root);
      continue;
    }
    const left = n.childForFieldName('left');
    if (left?.type === 'identifier' && names.has(left.text)) rebound.add(left.text);
    const root = left && left.type !== 'identifier' ? rootOf(left) : undefined;
    if (root) out.add(root);
  }
  // `req = dict(req); req["n"] = 1` changes a copy: a parameter rebound anywhere in the body is left out.
  return [...out].filter((p) => !rebound.has(p));
}

export function withFlagExits<T extends object>(head: T, flagExits: readonly FlagExit[]): T & Pick<LoopFact, 'flagExits'> {
  return flagExits.length ? { ...head, flagExits } : head;
}
