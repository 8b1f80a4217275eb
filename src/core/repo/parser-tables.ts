/**
 * A configuration object filled by running a table of per-key parsers over the table's keys (TypeScript):
 *
 *   const parsers = { model(raw?: string) { if (!raw) return 'gpt-3.5-turbo'; return raw; }, … };
 *   for (const key of Object.keys(parsers)) {
 *     const parse = parsers[key];
 *     parsed[key] = parse(fileConfig[key]);
 *   }
 *   return parsed;
 *
 * Under the default configuration nothing is set, so each field of the result is what its parser returns when
 * given nothing: the literal its leading `if (!raw) return …` guard returns. The function's local is read as
 * that object of defaults, so `getConfig().model` follows to the table's default like any other object field.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Collected } from '../detect/syntax';
import type { Expr } from './facts';
import type { FunctionBucket } from './extract-shared';

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

const FUNCTION_VALUE = /^(arrow_function|function_expression|function)$/;

/** Locals of `buckets` filled from a parser table of the file become the table's no-input defaults. */
export function addParserTableDefaults(collected: Collected, buckets: readonly FunctionBucket[], expr: ExprOf): void {
  for (const b of buckets) {
    for (const loop of b.loops) {
      const filled = tableFill(loop);
      if (!filled) continue;
      const table = moduleObject(collected, filled.table);
      const entries = table ? noInputDefaults(table, expr) : undefined;
      if (entries && Object.keys(entries).length) b.locals[filled.target] = { k: 'dict', entries, line: loop.startPosition.row + 1 };
    }
  }
}

/** `for (const key of Object.keys(T))` whose body sets `X[key] = T[key](…)` (directly or through a local): X and T. */
function tableFill(loop: SyntaxNode): { target: string; table: string } | undefined {
  if (loop.type !== 'for_in_statement') return undefined;
  const key = loop.childForFieldName('left')?.text;
  let right = loop.childForFieldName('right');
  // `Object.keys(parsers) as ConfigKeys[]`
  while (right && /^(as_expression|satisfies_expression|parenthesized_expression)$/.test(right.type)) right = right.namedChildren[0];
  const keysOf = right?.type === 'call_expression' && /^Object\.keys$/.test(right.childForFieldName('function')?.text ?? '') ? right.childForFieldName('arguments')?.namedChildren[0] : undefined;
  const body = loop.childForFieldName('body');
  if (!key || keysOf?.type !== 'identifier' || !body) return undefined;
  const table = keysOf.text;
  const picked = `${table}[${key}]`;
  // `const parse = T[key]`: a name for the key's parser.
  const aliases = new Set<string>([picked]);
  for (const stmt of body.namedChildren) {
    if (stmt?.type !== 'lexical_declaration' && stmt?.type !== 'variable_declaration') continue;
    for (const d of stmt.namedChildren) if (d?.type === 'variable_declarator' && d.childForFieldName('value')?.text === picked) aliases.add(d.childForFieldName('name')?.text ?? '');
  }
  for (const assign of body.descendantsOfType('assignment_expression').slice(0, 20)) {
    const left = assign?.childForFieldName('left');
    const value = assign?.childForFieldName('right');
    if (left?.type !== 'subscript_expression' || left.childForFieldName('index')?.text !== key) continue;
    const target = left.childForFieldName('object');
    if (target?.type === 'identifier' && value?.type === 'call_expression' && aliases.has(value.childForFieldName('function')?.text ?? '')) return { target: target.text, table };
  }
  return undefined;
}

/** The object literal a module-level `const T = { … }` holds (through `as const`). */
function moduleObject(collected: Collected, name: string): SyntaxNode | undefined {
  for (const d of collected.declarations) {
    if (d.name !== name || d.isFunction) continue;
    let v: SyntaxNode | null = d.value;
    while (v && /^(as_expression|satisfies_expression|parenthesized_expression)$/.test(v.type)) v = v.namedChildren[0];
    if (v?.type === 'object') return v;
  }
  return undefined;
}

/** Each parser's return when given nothing: a literal returned under a leading `if (!param …)` guard. */
function noInputDefaults(table: SyntaxNode, expr: ExprOf): Record<string, Expr> {
  const out: Record<string, Expr> = {};
  for (const entry of table.namedChildren.slice(0, 60)) {
    const fn = entry?.type === 'method_definition' ? entry : entry?.type === 'pair' && FUNCTION_VALUE.test(entry.childForFieldName('value')?.type ?? '') ? entry.childForFieldName('value') : undefined;
    const keyNode = entry?.childForFieldName(entry.type === 'pair' ? 'key' : 'name');
    const key = keyNode?.text.replace(/^['"`]|['"`]$/g, '');
    const value = fn ? guardedReturn(fn) : undefined;
    if (key && value) out[key] = expr(value, 1);
  }
  return out;
}

function guardedReturn(fn: SyntaxNode): SyntaxNode | undefined {
  const param = fn.childForFieldName('parameters')?.namedChildren[0];
  const name = (param?.childForFieldName('pattern') ?? param)?.text;
  const first = fn.childForFieldName('body')?.namedChildren.find((s) => s?.type !== 'comment');
  if (!name || first?.type !== 'if_statement') return undefined;
  const test = first.childForFieldName('condition')?.text.replace(/^\(\s*|\s*\)$/g, '') ?? '';
  if (!new RegExp(`^!${name.replace(/[$]/g, '\\$')}\\b`).test(test)) return undefined;
  const then = first.childForFieldName('consequence');
  const ret = then?.type === 'return_statement' ? then : then?.namedChildren.find((s) => s?.type === 'return_statement');
  const value = ret?.namedChildren[0];
  return value && /^(string|number|template_string)$/.test(value.type) ? value : undefined;
}
