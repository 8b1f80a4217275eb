/**
 * Python dispatch tables: a dict literal whose values are functions or methods, looked up by a key and the
 * result called — `handlers = {NodeType.AGENT: self._run_agent, NodeType.CODE: self._run_code}` then
 * `handler = handlers.get(node.type)`; `handler(node)` (or `handlers[kind](node)` in one expression). Any of
 * the table's functions may run there: each is a call of that function with the arguments the lookup's call
 * passes, made on some runs only (a branch — one entry runs per call, like the arms of an `if`/`elif`).
 *
 * Keys are often enum members or classes, which the dict facts leave out (they keep string keys only), so
 * the tables are read from the syntax: the function's own assignments and the module's top-level ones.
 */
import type { SyntaxNode } from '../detect/parser';
import type { CalleeFact, Expr } from './facts';
import { recordField, recordTables, recordUpdate } from './record-tables';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;
interface CallAt {
  readonly node: SyntaxNode;
  readonly fact: CalleeFact;
}

const MAX_ENTRIES = 40;
const MAX_TABLES = 20;
/** A function or method named, not called: `run_agent`, `self._run_agent`, `tools.search`. */
const FUNCTION_REF = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*){0,2}$/;

/** `name = {key: fn, …}` assignments of a block (not inside nested functions or classes): name → the functions. */
export function dispatchTables(block: SyntaxNode | null | undefined, expr: ExprOf): Map<string, Expr[]> {
  const out = new Map<string, Expr[]>();
  if (!block) return out;
  const visit = (n: SyntaxNode, depth: number): void => {
    if (depth > 8 || out.size >= MAX_TABLES) return;
    for (const c of n.namedChildren) {
      if (!c || c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
      if (c.type === 'assignment') {
        const left = c.childForFieldName('left');
        const right = c.childForFieldName('right');
        const fns = right?.type === 'dictionary' ? tableValues(right, expr) : undefined;
        if (left?.type === 'identifier' && fns) out.set(left.text, fns);
        // A table of records (`model_info = {"gpt-4": {"fn": chat, …}, …}`): one table per field (record-tables.ts).
        if (left?.type === 'identifier' && right?.type === 'dictionary' && !fns) recordTables(left.text, right, expr, out, MAX_ENTRIES);
        continue;
      }
      // `model_info.update({"claude-2": {"fn": claude, …}})`: more records of a table read above.
      if (c.type === 'call' && recordUpdate(c, expr, out, MAX_ENTRIES)) continue;
      if (c.type !== 'call' && c.type !== 'lambda') visit(c, depth + 1);
    }
  };
  visit(block, 0);
  return out;
}

/** The values of a dict literal when every one names a function (a table of handlers), else undefined. */
function tableValues(dict: SyntaxNode, expr: ExprOf): Expr[] | undefined {
  const values: Expr[] = [];
  for (const pair of dict.namedChildren) {
    if (!pair || pair.type === 'comment') continue;
    const value = pair.type === 'pair' ? pair.childForFieldName('value') : undefined;
    if (!value || (value.type !== 'identifier' && value.type !== 'attribute') || !FUNCTION_REF.test(value.text)) return undefined;
    if (values.length < MAX_ENTRIES) values.push(expr(value, 0));
  }
  // One entry is a constant lookup, not a choice; a table of two or more is dispatch.
  return values.length >= 2 ? values : undefined;
}

/**
 * The calls a function makes through its dispatch tables (its own, then the module's): for each call of a
 * looked-up entry, one call of each function of the table, at the same place, with the same arguments.
 */
export function tableCalls(calls: readonly CallAt[], locals: Readonly<Record<string, Expr>>, own: ReadonlyMap<string, Expr[]>, module: ReadonlyMap<string, Expr[]>): CallAt[] {
  if (!own.size && !module.size) return [];
  const out: CallAt[] = [];
  for (const c of calls) {
    const call = c.fact.expr;
    if (call.k !== 'call') continue;
    const table = lookedUp(call.callee, locals);
    const fns = table ? (own.get(table) ?? (table in locals ? undefined : module.get(table))) : undefined;
    for (const fn of fns ?? []) {
      const text = exprOfText(fn);
      if (!text) continue;
      out.push({ node: c.node, fact: { callee: text, expr: { k: 'call', callee: fn, text, args: call.args, kw: call.kw, line: c.fact.line }, line: c.fact.line, branch: true, table } });
    }
  }
  return out;
}

/** The table a callee reads an entry of: `handlers.get(k)`, `handlers[k]`, or a local assigned one of those. */
function lookedUp(callee: Expr, locals: Readonly<Record<string, Expr>>, depth = 0): string | undefined {
  if (callee.k === 'name') return depth === 0 && locals[callee.v] ? lookedUp(locals[callee.v], locals, 1) : undefined;
  if ((callee.k === 'lookup' || callee.k === 'index') && callee.obj.k === 'name') return callee.obj.v;
  const field = recordField(callee);
  if (field) return field;
  if (callee.k === 'call' && callee.callee.k === 'member' && callee.callee.prop === 'get' && callee.callee.obj.k === 'name') return callee.callee.obj.v;
  return undefined;
}

function exprOfText(e: Expr): string | undefined {
  if (e.k === 'name') return e.v;
  if (e.k === 'member') {
    const obj = exprOfText(e.obj);
    return obj ? `${obj}.${e.prop}` : undefined;
  }
  if (e.k === 'unknown' && FUNCTION_REF.test(e.text)) return e.text;
  return undefined;
}
