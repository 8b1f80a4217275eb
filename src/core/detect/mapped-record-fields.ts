/**
 * A message whose text is a field of the record a list callback is handed: a chat UI's suggested actions,
 * `suggestedActions.map((suggestedAction) => <button onClick={() => append({ role: "user", content:
 * suggestedAction.action })}>…)` over `const suggestedActions = [{ title, label, action: "Help me book a flight…" }]`.
 * Clicking one sends that record's field as the user message (AI SDK `useChat().append`, the same `{role, content}`
 * any request takes), so each record's written field is a prompt of its own.
 *
 * Followed: `param.field` (or `param["field"]`) where `param` is a parameter of the callback given to `.map`,
 * `.forEach` or `.flatMap` on a list written in this file (a constant or a literal), each element an object literal
 * whose `field` is a written text. A list fetched at run time, or a field holding data, gives nothing.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const CALLBACK = /^(arrow_function|function_expression|function)$/;
const LIST_METHOD = /\.(map|forEach|flatMap)$/;
const MAX_RECORDS = 40;

/** The written texts of `field` in each record of the mapped list `node` (`item.field`) reads; empty otherwise. */
export function mappedRecordTexts(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode[] {
  if (syntax.language !== 'typescript' || node.type !== 'member_expression') return [];
  const object = node.childForFieldName('object');
  const field = node.childForFieldName('property')?.text;
  if (object?.type !== 'identifier' || !field) return [];
  const list = mappedList(syntax, object);
  const out: SyntaxNode[] = [];
  for (const record of list ? (syntax.items(list) ?? []).slice(0, MAX_RECORDS) : []) {
    const value = syntax.entries(record)?.get(field);
    if (value && syntax.isTextLiteral(syntax.resolve(value))) out.push(value);
  }
  return out;
}

/** The list whose callback declares `name` as its first parameter: the receiver of `list.map((name) => …)`. */
function mappedList(syntax: LanguageSyntax, name: SyntaxNode): SyntaxNode | undefined {
  for (let n = name.parent; n; n = n.parent) {
    if (!CALLBACK.test(n.type)) continue;
    if (firstParameter(n) !== name.text) continue;
    const call = n.parent?.type === 'arguments' ? n.parent.parent : undefined;
    if (call?.type !== 'call_expression' || call.childForFieldName('arguments')?.namedChildren[0]?.id !== n.id) return undefined;
    if (!LIST_METHOD.test(syntax.callee(call))) return undefined;
    return syntax.receiver(call);
  }
  return undefined;
}

function firstParameter(fn: SyntaxNode): string | undefined {
  const single = fn.childForFieldName('parameter');
  if (single) return single.text;
  const first = fn.childForFieldName('parameters')?.namedChildren[0];
  const pattern = first?.childForFieldName('pattern') ?? first;
  return pattern?.type === 'identifier' ? pattern.text : undefined;
}
