/**
 * Message factories of the repository's own message class (Python): a method that returns a new message with a
 * fixed role and its parameter as the content,
 *
 *     @classmethod
 *     def system_message(cls, content: str) -> "Message":
 *         return cls(role=Role.SYSTEM, content=content)
 *
 * Every text a caller passes there (`Message.system_message(f"New tools available: {names}")`, or
 * `Message.user_message(content="Current browser screenshot:")`) becomes a message of the conversation the caller
 * sends, like the texts of a conversation's `user()` method (message-builders.ts, whose facts these are and whose
 * repository pass takes the texts).
 *
 * The role must be written in the factory: a literal (`"user"`) or an enum member named after it (`Role.USER`,
 * `MessageRole.SYSTEM`). Assistant and tool messages replay what a model or a tool produced: not taken.
 */
import type { MessageBuilderFact } from '../repo/facts';
import type { SyntaxNode } from './parser';
import { enclosingMethod, paramNames } from './message-builders';
import type { Collected, LanguageSyntax } from './syntax';

/** Roles whose texts are prompts the caller writes. */
const PROMPT_ROLE = /^(system|user|human|developer)$/;

export function findMessageFactories(syntax: LanguageSyntax, collected: Collected): MessageBuilderFact[] {
  if (syntax.language !== 'python') return [];
  const out: MessageBuilderFact[] = [];
  for (const call of collected.calls) {
    if (call.parent?.type !== 'return_statement') continue;
    const fact = factoryOf(syntax, call);
    if (fact && !out.some((o) => o.fn === fact.fn)) out.push(fact);
  }
  return out;
}

function factoryOf(syntax: LanguageSyntax, call: SyntaxNode): MessageBuilderFact | undefined {
  const method = enclosingMethod(call);
  if (!method) return undefined;
  const callee = call.childForFieldName('function')?.text ?? '';
  const className = method.cls.childForFieldName('name')?.text;
  // `cls(…)`, `Message(…)` in Message's own methods: a new instance of the message class.
  if (callee !== 'cls' && callee !== className) return undefined;
  const { named } = syntax.args(call);
  const roleNode = named.get('role');
  const content = named.get('content');
  const role = roleNode ? roleOf(roleNode) : undefined;
  if (!role || !PROMPT_ROLE.test(role) || content?.type !== 'identifier') return undefined;
  const params = paramNames(method.fn);
  const param = params.indexOf(content.text);
  const fn = method.fn.childForFieldName('name')?.text;
  return fn && param >= 0 ? { fn, param, role, kw: content.text } : undefined;
}

/** `"user"`, `Role.USER`, `MessageRole.system`: the role, lower case. */
function roleOf(node: SyntaxNode): string | undefined {
  if (node.type === 'string') return node.text.replace(/^[rbuf]*['"]{1,3}|['"]{1,3}$/gi, '').toLowerCase();
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text.toLowerCase();
  return undefined;
}
