/**
 * Python: written text appended to a message's content before the message is sent.
 *
 *     modified_user_msg.content += f"""\n Here is auxiliary information about the overall task: … {task} …"""
 *     response = self.assistant_agent.step(modified_user_msg)
 *
 *     messages[-1]["content"] += "\n\nAnswer in JSON that follows the schema above."
 *
 * `content` is the text field of every chat message shape (OpenAI and Anthropic dicts, LangChain and CAMEL message
 * objects), so the appended text is read by the model with the message: an instruction added to the turn. Taken only
 * where the message is handed on after the append in the same function (passed to a call, returned, put in a list;
 * any later read where the file itself sends requests), and only a text with two written words of its own (`"\n^C KeyboardInterrupt"`, a splice with a
 * separator, are values). The same append on a prompt-named field (`task["prompt"] += …`) counts the same way.
 */
import { NOT_PROMPT_NAME, PROMPT_NAME } from './frameworks';
import type { SyntaxNode } from './parser';
import { CONFIDENCE } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';

const TAG = /<\/?[A-Za-z_][^<>]*>/g;
const WORD = /[A-Za-z]{2,}/g;
const MIN_WORDS = 2;
/** Appends looked at per file. */
const MAX_APPENDS = 60;

export function appendedContentPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  const sends = sites.calls.length > 0;
  let seen = 0;
  for (const node of collected.assigned ?? []) {
    if (node.type !== 'augmented_assignment' || node.childForFieldName('operator')?.text !== '+=') continue;
    if (++seen > MAX_APPENDS) break;
    const left = node.childForFieldName('left');
    const right = unwrap(node.childForFieldName('right'));
    const field = left ? fieldOf(left) : undefined;
    if (!left || !right || !field || !isMessageField(field.name) || right.type !== 'string' || writtenWords(right) < MIN_WORDS) continue;
    if (!usedAfter(node, field.base, sends)) continue;
    sites.addPrompt(right, syntax.text(right), 'other', CONFIDENCE.key, `text appended to the ${field.name} of a message sent after it`);
  }
}

/** `msg.content` → (content, msg); `messages[-1]["content"]` → (content, messages). */
function fieldOf(left: SyntaxNode): { name: string; base: string } | undefined {
  if (left.type === 'attribute') {
    const name = left.childForFieldName('attribute')?.text;
    const base = rootName(left.childForFieldName('object'));
    return name && base ? { name, base } : undefined;
  }
  if (left.type === 'subscript') {
    const key = left.childForFieldName('subscript');
    const name = key?.type === 'string' ? key.text.replace(/^['"]|['"]$/g, '') : undefined;
    const base = rootName(left.childForFieldName('value'));
    return name && base ? { name, base } : undefined;
  }
  return undefined;
}

function isMessageField(name: string): boolean {
  return name === 'content' || (PROMPT_NAME.test(name) && !NOT_PROMPT_NAME.test(name));
}

/** The variable an access chain starts from (`self` of `self.msgs[0].content`). */
function rootName(node: SyntaxNode | null): string | undefined {
  let n = node;
  for (let i = 0; n && i < 8; i++) {
    if (n.type === 'identifier') return n.text;
    n = n.type === 'attribute' ? n.childForFieldName('object') : n.type === 'subscript' ? n.childForFieldName('value') : n.type === 'call' ? n.childForFieldName('function') : null;
  }
  return undefined;
}

/** Where a later read hands the message on: an argument, a returned value, an item of a list or tuple built. */
const HANDED_ON = new Set(['argument_list', 'keyword_argument', 'return_statement', 'list', 'tuple', 'expression_list']);

/**
 * The message's variable is read again after the append, in the same function: handed on (passed to a call,
 * returned, put in a list), or read at all where the file itself sends requests.
 */
function usedAfter(append: SyntaxNode, base: string, sends: boolean): boolean {
  let fn: SyntaxNode | null = append.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return false;
  const statement = append.parent ?? append;
  return fn.descendantsOfType('identifier').some((id) => id !== null && id.text === base && id.startIndex >= statement.endIndex && (sends || HANDED_ON.has(id.parent?.type ?? '')));
}

function writtenWords(n: SyntaxNode): number {
  const written = n.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(' ');
  return (written.replace(TAG, ' ').match(WORD) ?? []).length;
}

function unwrap(node: SyntaxNode | null): SyntaxNode | undefined {
  let n = node ?? undefined;
  while (n?.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}
