/**
 * The model of an HTTP post whose payload is an object of the code (TypeScript): the `model` the
 * payload carries, as an expression the repository pass follows across files.
 *
 *   fetch(url, { method: 'POST', body: JSON.stringify({ model: config.embeddingModel, input }) });
 *   body.model = body.model ?? config.chatModel;          // a helper filling in the model it was not given
 *   fetch(url, { method: 'POST', body: JSON.stringify(body) });
 *
 * Detection reads only what the file itself says (a literal, a name of the file); a config object built
 * by another function (`const config = getLLMConfig()`) is the repository's to follow.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';

type ExprOf = (n: SyntaxNode, depth: number) => Expr;

const POSTS = /^(fetch|axios\.post|ky\.post|got\.post|\w*(session|client|http|Client|Http)\.post)$/;
const FUNCTION_TYPES = /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration|program)$/;
const MODEL_KEY = /^['"]?model['"]?$/;

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (/^(parenthesized_expression|as_expression|satisfies_expression|non_null_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** The `model` entry of an object literal, or undefined. */
function modelEntry(object: SyntaxNode): SyntaxNode | undefined {
  for (const p of object.namedChildren) {
    if (p?.type === 'pair' && MODEL_KEY.test(p.childForFieldName('key')?.text ?? '')) return p.childForFieldName('value') ?? undefined;
    if (p?.type === 'shorthand_property_identifier' && p.text === 'model') return p;
  }
  return undefined;
}

/** What the post sends: `body:` of fetch's options (through `JSON.stringify`), else the second argument of a `.post`. */
function payloadOf(call: SyntaxNode, callee: string): SyntaxNode | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment') ?? [];
  const second = args[1] ? unwrap(args[1]) : undefined;
  let sent: SyntaxNode | undefined;
  if (callee === 'fetch') {
    const body = second?.type === 'object' ? second.namedChildren.find((p) => p?.type === 'pair' && p.childForFieldName('key')?.text === 'body') : undefined;
    sent = body?.childForFieldName('value') ?? undefined;
  } else sent = second;
  if (!sent) return undefined;
  sent = unwrap(sent);
  if (sent.type === 'call_expression' && /(^|\.)stringify$/.test(sent.childForFieldName('function')?.text ?? '')) {
    const inner = sent.childForFieldName('arguments')?.namedChildren[0];
    sent = inner ? unwrap(inner) : undefined;
  }
  return sent;
}

/** `name.model = V` / `name['model'] = V` written before `before` in the blocks around it (closures included): V. */
function assignedModel(name: string, before: SyntaxNode): SyntaxNode | undefined {
  let child = before;
  for (let p = before.parent; p; child = p, p = p.parent) {
    if (p.type === 'statement_block' || p.type === 'program') {
      let found: SyntaxNode | undefined;
      for (const stmt of p.namedChildren) {
        if (!stmt || stmt.startIndex >= child.startIndex) break;
        const e = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
        if (e?.type !== 'assignment_expression') continue;
        const left = e.childForFieldName('left');
        const obj = left?.childForFieldName('object')?.text;
        const key = left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.type === 'subscript_expression' ? left.childForFieldName('index')?.text.replace(/^['"]|['"]$/g, '') : undefined;
        if (obj === name && key === 'model') found = e.childForFieldName('right') ?? undefined;
      }
      if (found) return found;
    }
    if (FUNCTION_TYPES.test(p.type) && p.type !== 'arrow_function' && p.type !== 'function_expression') return undefined;
  }
  return undefined;
}

/** The model of a post to an LLM endpoint whose payload is built in the code, or undefined. */
export function postedModel(call: SyntaxNode, exprOf: ExprOf): Expr | undefined {
  const callee = (call.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
  if (!POSTS.test(callee)) return undefined;
  const payload = payloadOf(call, callee);
  if (!payload) return undefined;
  if (payload.type === 'object') {
    const v = modelEntry(payload);
    if (v?.type === 'shorthand_property_identifier') return { k: 'name', v: v.text, line: v.startPosition.row + 1 };
    return v ? exprOf(v, 0) : undefined;
  }
  if (payload.type !== 'identifier') return undefined;
  const assigned = assignedModel(payload.text, call);
  if (assigned) return exprOf(assigned, 0);
  // A payload built elsewhere (a local object, a parameter): its `model`, wherever the value is followed to.
  const line = payload.startPosition.row + 1;
  return { k: 'member', obj: { k: 'name', v: payload.text, line }, prop: 'model', line };
}

/**
 * `streamText(streamOptions)`, `client.chat.completions.create(params)`: the request's options are one object
 * built before the call (`const streamOptions: any = { model: provider(id), messages }`, later fields set on it);
 * its `model` is what the request runs on.
 */
export function optionsVariableModel(args: SyntaxNode | null): Expr | undefined {
  const list = args?.namedChildren.filter((a): a is SyntaxNode => Boolean(a) && a!.type !== 'comment') ?? [];
  if (list.length !== 1) return undefined;
  const only = unwrap(list[0]);
  if (only.type !== 'identifier') return undefined;
  const line = only.startPosition.row + 1;
  return { k: 'member', obj: { k: 'name', v: only.text, line }, prop: 'model', line };
}
