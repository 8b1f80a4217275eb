/**
 * A message list or content-part list declared with its first items and filled later by pushes in the same function:
 *
 *     const content: UserContent = [{ type: "text", text: `Your goal is: ${goal}` }];
 *     if (previousExtraction) content.push({ type: "text", text: `The result of the previous extraction is: …` });
 *     const message = { role: "user", content };
 *
 * When such a name is read as a prompt (a message's content, a `messages` argument), the items pushed onto it
 * (`push`, `append`, `unshift`) are sent too, under the same reading as the declared items. A list that is filled
 * but never put where a prompt goes (log lines pushed and joined for the console) is never read here.
 */
import { enclosingFunction } from './branches';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** Pushes looked at per list. */
const MAX_PUSHED = 30;
const PUSH = /^(push|append|unshift)$/;
/** Roles whose texts the code writes for the model; tool results and assistant turns replay what was produced. */
const PROMPT_ROLE = /^(system|user|human|developer)$/i;

/** The values pushed onto the list a name is bound to, in the function that declares it (empty when none). */
export function pushedItems(syntax: LanguageSyntax, name: SyntaxNode, list: SyntaxNode): SyntaxNode[] {
  if (!/^(identifier|shorthand_property_identifier)$/.test(name.type) || list.id === name.id) return [];
  const scope = enclosingFunction(list);
  if (!scope) return [];
  const out: SyntaxNode[] = [];
  for (const call of scope.descendantsOfType(['call_expression', 'call'])) {
    if (!call || out.length >= MAX_PUSHED) break;
    const target = call.childForFieldName('function');
    const obj = target?.childForFieldName('object');
    const method = target?.childForFieldName('property') ?? target?.childForFieldName('attribute');
    if (obj?.type !== 'identifier' || obj.text !== name.text || !method || !PUSH.test(method.text)) continue;
    // The pushed value must land in the same list: a name shadowed in an inner function is another list.
    if (!isCallbackIn(call, scope)) continue;
    out.push(...syntax.args(call).positional.slice(0, 4).filter((v) => written(syntax, v)));
  }
  return out;
}

/** A push in the scope itself or in a callback of it (`items.forEach((x) => content.push(…))`) fills the scope's list. */
function isCallbackIn(call: SyntaxNode, scope: SyntaxNode): boolean {
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    if (fn.id === scope.id) return true;
    if (fn.parent?.type !== 'arguments' && fn.parent?.type !== 'argument_list') return false;
  }
  return false;
}

/**
 * A value the code writes: a text literal, a `{role, content}` message of a prompt role or a `{type: "text"}` part.
 * A model reply pushed back (`history.push(r.choices[0].message)`) or a tool result (`{ role: 'tool', … }`, or a user
 * message whose content a comprehension gathers from the reply, as Anthropic's tool results are sent) is not.
 */
function written(syntax: LanguageSyntax, value: SyntaxNode): boolean {
  if (syntax.isTextLiteral(value)) return true;
  const entries = syntax.entries(value);
  if (!entries) return false;
  const role = entries.get('role');
  const type = entries.get('type');
  const constant = (n: SyntaxNode | undefined): string | undefined => (n ? syntax.stringConstant(syntax.resolve(n)) : undefined);
  // A content list built by a comprehension (tool results gathered from the reply) replays what was produced.
  const content = entries.get('content');
  if (content && /comprehension|generator_expression/.test(content.type)) return false;
  if (role) return PROMPT_ROLE.test(constant(role) ?? '');
  return constant(type) === 'text';
}
