/**
 * Look-alikes of prompts in chat UIs that are never sent.
 *
 * A role-mapping object: `const ClaudeMapper = { assistant: "assistant", user: "user", system: "user" }` (the roles
 * one provider accepts for another's), `{ system: "user", model: "assistant" }`. Its `system` key holds a role name,
 * not a system prompt: an object whose every value is a role word is read as such a table.
 *
 * A message rendered only: `{ ...createMessage({ role: "assistant", content: "……" }), preview: true }` (NextChat's
 * loading bubble), `{ role: "assistant", content: "Thinking…", isPreview: true }`. The object carries a flag that
 * marks it as a preview or placeholder bubble, set to `true`, on itself or on the object it is spread into.
 */
import type { SyntaxNode } from './parser';

const ROLE_WORD = /^(user|system|assistant|model|human|ai|tool|function|developer|bot)$/i;
const PREVIEW_FLAG = /^(preview|isPreview|is_preview|placeholder|isPlaceholder|isTyping|typing|skeleton|isSkeleton)$/;

/** An object literal whose values are all role words (at least two entries), read by its written text. */
export function isRoleMap(entries: ReadonlyMap<string, SyntaxNode>): boolean {
  if (entries.size < 2) return false;
  for (const v of entries.values()) {
    const m = /^["'`]([^"'`]*)["'`](\s+as\s+const)?$/.exec(v.text.trim());
    if (!m || !ROLE_WORD.test(m[1])) return false;
  }
  return true;
}

/** A `{role, content}` object marked as a preview bubble: its own flag, or that of the object it is spread into. */
export function isPreviewOnly(node: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>): boolean {
  if (hasPreviewFlag(entries)) return true;
  // `{ ...createMessage({ role, content }), preview: true }`: the object is the argument of a call that is spread.
  let at: SyntaxNode | null = node.parent;
  if (at?.type === 'arguments' || at?.type === 'argument_list') at = at.parent;
  if (at?.type === 'call_expression' || at?.type === 'call') at = at.parent;
  else return false;
  if (at?.type !== 'spread_element' && at?.type !== 'dictionary_splat') return false;
  const holder = at.parent;
  if (!holder) return false;
  return holder.namedChildren.some((c) => c?.type === 'pair' && PREVIEW_FLAG.test(keyText(c)) && c.childForFieldName('value')?.text === 'true');
}

function hasPreviewFlag(entries: ReadonlyMap<string, SyntaxNode>): boolean {
  for (const [k, v] of entries) if (PREVIEW_FLAG.test(k) && /^(true|True)$/.test(v.text)) return true;
  return false;
}

function keyText(pair: SyntaxNode): string {
  return (pair.childForFieldName('key')?.text ?? '').replace(/^["'`]|["'`]$/g, '');
}

/**
 * A message rebuilt from another with its role copied (`[...messages, userMessage].map((msg) => ({ role: msg.role,
 * content: \`File contents of ${msg.file.fileName}:\n\n${text}\n\n${msg.content}\` }))`): the template the code
 * writes around the original content is sent in that message. Only a template literal with words of its own.
 */
export function isCopiedRole(role: SyntaxNode, content: SyntaxNode): boolean {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*\.role$/.test(role.text) && content.type === 'template_string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(content.text.replace(/\$\{[^}]*\}/g, ' '));
}
