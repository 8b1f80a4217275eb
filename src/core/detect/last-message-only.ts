/**
 * A message list built only to send one element of it: `const messages = [...]` (or picked per option,
 * `match(option).with("fix", () => [system, user])…run()`) and then `prompt: messages[messages.length - 1].content`
 * or `messages.at(-1).content`. The earlier messages of the list are never sent, so their texts are no prompts
 * of the request. Only the last element is read that way in practice; a list read any other way (spread, passed
 * whole, iterated) keeps all its messages.
 */
import type { SyntaxNode } from './parser';

/** How far up from the list literal its variable may be bound (arrow bodies, `match().with()` chains). */
const MAX_UP = 40;
/** A function boundary past which the list's variable is not searched for. */
const SCOPE = /^(function_declaration|function_expression|method_definition|program|statement_block)$/;

/** Whether the message literal `message` sits before the last element of a list only whose last element is ever read. */
export function unsentEarlierMessage(message: SyntaxNode): boolean {
  const list = message.parent;
  if (list?.type !== 'array') return false;
  const items = list.namedChildren;
  if (items[items.length - 1]?.id === message.id) return false;
  const declarator = bindingOf(list);
  const name = declarator?.childForFieldName('name');
  if (!declarator || name?.type !== 'identifier') return false;
  let scope = declarator.parent;
  while (scope && !SCOPE.test(scope.type)) scope = scope.parent;
  if (!scope) return false;
  const uses = scope.descendantsOfType('identifier').filter((n): n is SyntaxNode => !!n && n.text === name.text && n.id !== name.id);
  // `messages.length` inside the index is part of the read; every other use must be the read itself.
  const reads = uses.filter((n) => !isLengthInOwnIndex(n, name.text));
  return reads.length > 0 && reads.every((n) => readsLastOnly(n, name.text));
}

/** The `const name = …` the list is the value of, through arrow bodies, calls and chains (not through a statement). */
function bindingOf(list: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = list;
  for (let i = 0; n && i < MAX_UP; i++, n = n.parent) {
    if (n.type === 'variable_declarator') return n;
    if (/statement|declaration$|^program$/.test(n.type) && n.type !== 'lexical_declaration') return undefined;
  }
  return undefined;
}

/** `messages[messages.length - 1]` or `messages.at(-1)`. */
function readsLastOnly(use: SyntaxNode, name: string): boolean {
  const parent = use.parent;
  if (parent?.type === 'subscript_expression' && parent.childForFieldName('object')?.id === use.id) {
    const index = parent.childForFieldName('index')?.text.replace(/\s+/g, '');
    return index === `${name}.length-1`;
  }
  if (parent?.type === 'member_expression' && parent.childForFieldName('property')?.text === 'at') {
    const call = parent.parent;
    return call?.type === 'call_expression' && /^\(\s*-1\s*\)$/.test(call.childForFieldName('arguments')?.text ?? '');
  }
  return false;
}

/** The `messages` of `messages.length` written inside `messages[…]`'s own index. */
function isLengthInOwnIndex(use: SyntaxNode, name: string): boolean {
  const member = use.parent;
  if (member?.type !== 'member_expression' || member.childForFieldName('property')?.text !== 'length') return false;
  for (let n = member.parent; n; n = n.parent) {
    if (n.type === 'subscript_expression') return n.childForFieldName('object')?.text === name;
    if (!/binary_expression|parenthesized_expression/.test(n.type)) return false;
  }
  return false;
}
