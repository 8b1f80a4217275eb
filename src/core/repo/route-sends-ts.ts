/**
 * TypeScript facts for the app's own server routes (route-callers.ts):
 *
 * - **Route sends.** `fetch('/api/responses', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', … }) })`
 *   in the browser code: a request to a route of the same app (a path on the page's own origin), with the object it
 *   sends. The route's handler reads that object as its request body (`await req.json()`), so what the senders
 *   write there (the model, the options a branch tests) is what the handler's requests get.
 * - **Branch tests of calls.** The condition of the innermost `if` a call is written under (negated in the `else`):
 *   a route handler that picks a helper by what the body holds (`if (body.text?.format?.type === 'json_schema')
 *   structured(body) else text(body)`) takes each branch for the senders whose body passes its test.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Cond, Expr, FunctionFact, RouteSendFact } from './facts';
import { tsCondition } from './ts-conditions';
import { enclosingFunction } from './extract-shared';

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

/** Route sends stay few in a file; a generated client with hundreds of them is not browser code calling a route. */
const MAX_SENDS = 40;
const FETCH = /^(window\.|globalThis\.)?fetch$/;

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (/^(parenthesized_expression|await_expression|as_expression|satisfies_expression|non_null_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/**
 * The app's own origin written before a path: a server route calling another route of the same app
 * (`${process.env.NEXT_PUBLIC_APP_URL || 'http://localhost:3000'}/api/x`, `${origin}/api/x`). An LLM
 * provider's base URL (`${config.url}/v1/chat`, `${OPENAI_BASE_URL}`) does not name the app.
 */
const APP_ORIGIN = /^\$\{[^}]*\b(NEXT_PUBLIC_\w*URL|\w*APP_URL|\w*SITE_URL|VERCEL_URL|NEXTAUTH_URL|origin|localhost)\b[^}]*\}|^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(?=\/)/;

/** Values spliced into one path: more is a URL built some other way. */
const MAX_SEGMENT_VALUES = 4;

/** A path on the page's own origin (`/api/chat`, `/api/chat?stream=1`), as written in a plain string or after the app's origin. */
function ownPath(node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  const subs = n.type === 'template_string' ? n.namedChildren.filter((c) => c?.type === 'template_substitution') : [];
  const written = n.type === 'string' ? n.text.slice(1, -1) : n.type === 'template_string' && subs.length <= MAX_SEGMENT_VALUES ? n.text.slice(1, -1) : undefined;
  const after = written?.replace(APP_ORIGIN, '');
  // A value in the path (`/api/threads/${threadId}/messages`) fills a dynamic segment (`[threadId]`); one before the
  // path (`${baseUrl}/chat`) is some other origin.
  if (!after || after.startsWith('${')) return undefined;
  const text = n.type === 'template_string' ? after.replace(/\$\{[^{}`]*\}/g, '[value]') : after;
  if (/\$\{/.test(text)) return undefined;
  if (!/^\/[\w\-./[\]]*(\?.*)?$/.test(text) || text.startsWith('//')) return undefined;
  return text.replace(/\?.*$/, '').replace(/\/+$/, '') || '/';
}

/** `fetch('/api/x', { body: JSON.stringify(obj) })` calls of a file, with the object sent (JSON.stringify unwrapped). */
export function routeSendsOf(calls: readonly SyntaxNode[], functions: readonly FunctionFact[], exprOf: ExprOf): RouteSendFact[] {
  const out: RouteSendFact[] = [];
  for (const call of calls) {
    if (out.length >= MAX_SENDS) break;
    if (call.type !== 'call_expression') continue;
    const fn = call.childForFieldName('function');
    if (!fn || !FETCH.test(fn.text)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment') ?? [];
    const url = ownPath(args[0]);
    if (!url) continue;
    const options = args[1] ? unwrap(args[1]) : undefined;
    let body: Expr | undefined;
    let method: string | undefined;
    for (const p of options?.type === 'object' ? options.namedChildren : []) {
      const key = p?.type === 'pair' ? p.childForFieldName('key')?.text : undefined;
      const value = p?.childForFieldName('value');
      if (key === 'method' && value?.type === 'string') method = value.text.slice(1, -1).toUpperCase();
      if (key !== 'body') continue;
      const v = value ? unwrap(value) : undefined;
      const sent = v?.type === 'call_expression' && v.childForFieldName('function')?.text === 'JSON.stringify' ? v.childForFieldName('arguments')?.namedChildren[0] : undefined;
      if (sent) body = exprOf(sent, 0);
    }
    const line = call.startPosition.row + 1;
    const owner = enclosingFunction(functions, line);
    out.push({ url, line, method: method ?? (body ? 'POST' : 'GET'), ...(owner ? { fn: owner.name } : {}), ...(body ? { body } : {}) });
  }
  return out;
}

const FUNCTIONS = /^(function_declaration|function_expression|arrow_function|method_definition|generator_function_declaration|function)$/;

/**
 * The condition of the innermost `if` the call is written under, inside its own function; negated in the `else`,
 * and negated after an `if (…) return …;` guard earlier in the same block (`if (structured) return a(); return b();`).
 */
export function ifTestOf(call: SyntaxNode, exprOf: ExprOf): Cond | undefined {
  let child = call;
  for (let node = call.parent; node && !FUNCTIONS.test(node.type); child = node, node = node.parent) {
    if (node.type === 'statement_block') {
      const guard = earlierGuard(child);
      if (guard) return negated(guard, exprOf);
      continue;
    }
    if (node.type !== 'if_statement') continue;
    const condition = node.childForFieldName('condition');
    if (!condition || child.id === condition.id) return undefined;
    const inElse = node.childForFieldName('alternative')?.id === child.id;
    return inElse ? negated(condition, exprOf) : tsCondition(condition, 0, exprOf);
  }
  return undefined;
}

function negated(condition: SyntaxNode, exprOf: ExprOf): Cond | undefined {
  const test = tsCondition(condition, 0, exprOf);
  return test ? { ...test, not: !test.not } : undefined;
}

/** The condition of the nearest `if (…) { …; return …; }` (no `else`) before this statement in its block. */
function earlierGuard(statement: SyntaxNode): SyntaxNode | undefined {
  for (let prev = statement.previousNamedSibling; prev; prev = prev.previousNamedSibling) {
    if (prev.type !== 'if_statement' || prev.childForFieldName('alternative')) continue;
    const then = prev.childForFieldName('consequence');
    const last = then?.type === 'statement_block' ? then.lastNamedChild : then;
    if (last && (last.type === 'return_statement' || last.type === 'throw_statement')) return prev.childForFieldName('condition') ?? undefined;
  }
  return undefined;
}
