/**
 * Python tables of records holding functions: `model_info = {"gpt-4": {"fn_with_ui": chat_ui, "fn_without_ui":
 * chat_noui, "endpoint": …}, …}`, grown by module-level `model_info.update({"claude-2": {…}})` (under `if` blocks
 * too), and called as `model_info[model]["fn_without_ui"](…)` or `method = model_info[model]["fn_without_ui"]`;
 * `method(…)`. Each field that holds a function in two records or more is a dispatch table of its own, named
 * `model_info.fn_without_ui` (dispatch-tables.ts): a call of the field runs one of its functions, whichever record
 * the key picks (binary-husky/gpt_academic `request_llms/bridge_all.py`, the model name picking the bridge).
 * A record field holding other values (an endpoint string, a number) is no table; neither is a field that only one
 * record gives a function.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

/** A function or method named, not called. */
const FUNCTION_REF = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*){0,2}$/;
/** `model_info[key]`: an entry picked by a key the evaluator does not read (the outer subscript names the field). */
const ENTRY = /^([A-Za-z_]\w*)\[[^\n]+\]$/;
/** The fields of the records seen so far, per table: field → the function texts (deduplicated) and their exprs. */
const PENDING = new WeakMap<Map<string, Expr[]>, Map<string, Map<string, Set<string>>>>();

/** Reads `name = {key: {field: fn, …}, …}` into `out` as `name.field` tables (functions of two records or more). */
export function recordTables(name: string, dict: SyntaxNode, expr: ExprOf, out: Map<string, Expr[]>, max: number): void {
  addRecords(name, dict, expr, out, max, true);
}

/** `name.update({key: {field: fn, …}})` of a table read before: its records join the tables. True when it was one. */
export function recordUpdate(call: SyntaxNode, expr: ExprOf, out: Map<string, Expr[]>, max: number): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'update') return false;
  const obj = fn.childForFieldName('object');
  if (obj?.type !== 'identifier' || !PENDING.get(out)?.has(obj.text)) return false;
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c && c.type !== 'comment') ?? [];
  if (args.length !== 1 || args[0]?.type !== 'dictionary') return false;
  addRecords(obj.text, args[0], expr, out, max, false);
  return true;
}

/** The record table a callee reads a field of: `model_info[model]["fn"]` → `model_info.fn`. */
export function recordField(callee: Expr): string | undefined {
  if (callee.k !== 'index') return undefined;
  // `model_info[model]` is a `lookup` where its key is a name (keyed-tables.ts), else an expression read as text.
  if (callee.obj.k === 'lookup') return callee.obj.obj.k === 'name' ? `${callee.obj.obj.v}.${callee.key}` : undefined;
  if (callee.obj.k !== 'unknown') return undefined;
  const m = ENTRY.exec(callee.obj.text);
  return m ? `${m[1]}.${callee.key}` : undefined;
}

function addRecords(name: string, dict: SyntaxNode, expr: ExprOf, out: Map<string, Expr[]>, max: number, fresh: boolean): void {
  const tables = PENDING.get(out) ?? new Map<string, Map<string, Set<string>>>();
  PENDING.set(out, tables);
  const fields = fresh ? new Map<string, Set<string>>() : (tables.get(name) ?? new Map<string, Set<string>>());
  const counts = new Map<string, number>();
  let records = 0;
  for (const pair of dict.namedChildren) {
    if (!pair || pair.type !== 'pair') continue;
    const record = pair.childForFieldName('value');
    if (record?.type !== 'dictionary') continue;
    records++;
    for (const field of record.namedChildren) {
      if (!field || field.type !== 'pair') continue;
      const key = /^["'](\w+)["']$/.exec(field.childForFieldName('key')?.text ?? '')?.[1];
      const value = field.childForFieldName('value');
      if (!key || !value || value.type !== 'identifier' || !FUNCTION_REF.test(value.text)) continue;
      const seen = fields.get(key) ?? new Set<string>();
      fields.set(key, seen);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (seen.has(value.text) || seen.size >= max) continue;
      seen.add(value.text);
      const table = `${name}.${key}`;
      out.set(table, [...(out.get(table) ?? []), expr(value, 0)]);
    }
  }
  if (fresh && records) tables.set(name, fields);
  // A table is a table of records when its first literal holds two of them; a field given a function by one
  // record only is a constant lookup, not a choice.
  if (fresh) for (const [key, n] of counts) if (n < 2 || records < 2) out.delete(`${name}.${key}`);
}
