/**
 * TypeScript: a message rebuilt from another with new content, `{ ...chatMessage.message, content:
 * \`${chatMessage.message.content}\n\n${retrievalText}\` }`. The spread keeps the message's role, so the object
 * is still a message and its new content is sent: the text it adds (here the retrieval instruction a function
 * of the file returns) is a prompt. Only a spread of a value named as a message counts (`message`, `msg`,
 * `lastMessage`); an object spreading settings or props with a `content` key (a UI component) is not a message.
 */
import type { PromptReader } from './prompt-reader';
import { CONFIDENCE } from './prompt-reader';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';
import { literalLength } from './text';

/** The spread value names a message: `message`, `msg`, `chatMessage.message`, `messages[i]` (an item of a message list). */
const MESSAGE_VALUE = /(^|[._])(msg|message)$|Message$|(^|[._])(messages|msgs)\[[^\]]+\]$|Messages\[[^\]]+\]$/i;

export type AssembledPieces = (node: SyntaxNode, kind: 'user-template', reason: string) => unknown;

export function spreadMessages(syntax: LanguageSyntax, collected: Collected, prompts: PromptReader, pieces: AssembledPieces): void {
  if (syntax.language !== 'typescript') return;
  for (const obj of collected.containers) {
    if (obj.type !== 'object') continue;
    let spread: SyntaxNode | undefined;
    let content: SyntaxNode | undefined;
    let role = false;
    for (const c of obj.namedChildren) {
      if (c?.type === 'spread_element') spread ??= c.namedChildren[0] ?? undefined;
      else if (c?.type === 'pair') {
        const key = c.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
        if (key === 'content') content = unwrapTs(c.childForFieldName('value'));
        else if (key === 'role') role = true;
      }
    }
    // With a role of its own, the message rules read it already.
    if (!spread || !content || role || !MESSAGE_VALUE.test(spread.text.replace(/\s+/g, ''))) continue;
    const reason = `content of a message rebuilt from ${spread.text.replace(/\s+/g, '').slice(0, 40)}`;
    const target = syntax.resolve(content);
    if (syntax.isTextLiteral(target) && literalLength(syntax.text(target)) > 0 && !isSplicesOnly(target)) prompts.promptsFrom(content, 'user-template', CONFIDENCE.message, reason);
    // `${message.content}\n\n${retrievalText}`: the old content and what is added; each spliced value is read for its pieces.
    else if (target.type === 'template_string') for (const sub of target.namedChildren) if (sub?.type === 'template_substitution' && sub.namedChildren[0]) pieces(sub.namedChildren[0], 'user-template', reason);
    else pieces(content, 'user-template', reason);
  }
}

/** A template made of spliced values and separators only (its pieces are read through the assembly rules). */
function isSplicesOnly(node: SyntaxNode): boolean {
  if (node.type !== 'template_string') return false;
  return node.namedChildren.every((c) => !c || c.type === 'template_substitution' || (c.type === 'string_fragment' && /^[\s\p{P}]*$/u.test(c.text)) || c.type === 'escape_sequence');
}

/** `\`…\` as string`, `(…)`, `x!`: the expression itself. */
function unwrapTs(node: SyntaxNode | null): SyntaxNode | undefined {
  let n = node ?? undefined;
  while (n && /^(as_expression|satisfies_expression|non_null_expression|parenthesized_expression)$/.test(n.type) && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}
