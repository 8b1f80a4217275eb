/**
 * Messages built with a constructor of any class given a role and a content by keyword (Python):
 * `Message(role=MessageRole.TOOL, content=f"Tool {name} error: {exc}")`, `ChatMessage(role="system", content=…)`.
 * A repository's own message class carries the same `{role, content}` a dict message does (prompt-places.ts),
 * so its text is read the same way: by role, and for a tool result only a text the code writes (an error or
 * acknowledgement template), not data passed back.
 */
import { kindOfRole } from './frameworks';
import { hasWrittenText } from './prompt-places';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { SyntaxNode } from './parser';
import type { CallArgs, LanguageSyntax } from './syntax';

export function roleKeywordMessage(syntax: LanguageSyntax, prompts: PromptReader, callee: string, args: () => CallArgs): void {
  if (syntax.language !== 'python') return;
  const a = args();
  const role = a.named.get('role');
  const content = a.named.get('content');
  if (!role || !content) return;
  const roleText = prompts.roleOf(role)?.toLowerCase();
  if (!roleText) return;
  const name = callee.split('.').pop() ?? callee;
  if (/^(tool|function)$/.test(roleText)) {
    // A short template (`f"Tool {name} error: {exc}"`) is written for the model too: its words frame the values.
    const written = (n: SyntaxNode): boolean => (hasWrittenText(syntax, n) || isTemplate(syntax, n)) && writesWords(syntax, n);
    if (written(content)) prompts.promptsFrom(content, 'other', CONFIDENCE.key, `${roleText} result text of ${name}`);
    // `content=f"Error: {error_msg}"`: the label adds nothing, the message the function wrote into the local is the text.
    else for (const local of splicedLocals(syntax, content)) if (written(local)) prompts.promptsFrom(local, 'other', CONFIDENCE.key, `${roleText} result text of ${name}, spliced in`);
    return;
  }
  // Assistant messages the code synthesizes (an error reported as the answer) often end a run: nothing reads them after.
  const kind = roleText === 'assistant' ? undefined : kindOfRole(roleText);
  if (kind) prompts.promptsFrom(content, kind, CONFIDENCE.message, `${roleText} message of ${name}`);
}

/** The text literals a template splices in by name (`f"Error: {error_msg}"` → what `error_msg` was assigned). */
function splicedLocals(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode[] {
  const target = syntax.resolve(node);
  if (!syntax.isTextLiteral(target)) return [];
  const out: SyntaxNode[] = [];
  for (const sub of target.descendantsOfType('interpolation').slice(0, 5)) {
    const expr = sub?.namedChildren[0];
    const value = expr?.type === 'identifier' ? syntax.resolve(expr) : undefined;
    if (value && value.id !== expr!.id && syntax.isTextLiteral(value)) out.push(value);
  }
  return out;
}

/** A text literal with values spliced in (an f-string with an interpolation). */
function isTemplate(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  return syntax.isTextLiteral(target) && target.descendantsOfType('interpolation').length > 0;
}

/**
 * The literal's own text (outside its splices) has two words: `f"Tool {name} is not allowed here"`; a label around
 * a spliced value (`f"Error: {error_msg}"`) writes nothing the model reads as an instruction.
 */
function writesWords(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  const target = syntax.resolve(node);
  const own = target.type === 'string' ? target.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join(' ') : target.text;
  return /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(own);
}
