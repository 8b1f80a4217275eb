/**
 * Messages built with a constructor of any class given a role and a content by keyword (Python):
 * `Message(role=MessageRole.TOOL, content=f"Tool {name} error: {exc}")`, `ChatMessage(role="system", content=…)`;
 * and a repository's own message builder (its name says message) given the role first and the text second,
 * by position or under another keyword: `Message("system", prompt)`, `format_chat_message(role="system",
 * message="…")`, `self._create_message(MessageRole.USER, item, "TASK")`.
 * A repository's own message class carries the same `{role, content}` a dict message does (prompt-places.ts),
 * so its text is read the same way: by role, and for a tool result only a text the code writes (an error or
 * acknowledgement template), not data passed back.
 */
import { kindOfRole } from './frameworks';
import { hasWrittenText } from './prompt-places';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { SyntaxNode } from './parser';
import { textsAssignedToLocal } from './local-assignments';
import type { CallArgs, LanguageSyntax } from './syntax';

/** A callee named as a message builder (`Message`, `ChatMessage`, `format_chat_message`, `_create_message`, `make_msg`). */
const MESSAGE_BUILDER = /(message|msg)$/i;

export function roleKeywordMessage(syntax: LanguageSyntax, prompts: PromptReader, callee: string, args: () => CallArgs): void {
  if (syntax.language !== 'python') return;
  const a = args();
  const name = callee.split('.').pop() ?? callee;
  const builder = MESSAGE_BUILDER.test(name);
  // A role-first builder: the role literal (or enum member) leads, the text follows it.
  const first = builder && !a.named.has('role') ? a.positional[0] : undefined;
  const firstRole = first ? prompts.roleOf(first) : undefined;
  const positionalRole = firstRole && kindOfRole(firstRole) ? first : undefined;
  const role = a.named.get('role') ?? positionalRole;
  const content = a.named.get('content') ?? (builder ? (a.named.get('message') ?? a.named.get('text') ?? a.named.get('msg') ?? a.positional[positionalRole ? 1 : 0]) : undefined);
  if (!role || !content) return;
  const roleText = prompts.roleOf(role)?.toLowerCase();
  if (!roleText) return;
  // `def get_prompt(prompt = "full")` … `Message("system", prompt)`: a one-word value reaching a builder is an option, not a text.
  const resolved = builder ? syntax.stringConstant(syntax.resolve(content)) : undefined;
  if (resolved !== undefined && !/\S\s+\S/.test(resolved.trim())) return;
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
  const via = a.named.has('role') && a.named.has('content') ? '' : ', a role-first message builder';
  if (kind) prompts.promptsFrom(content, kind, CONFIDENCE.message, `${roleText} message of ${name}${via}`);
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
    // The local set once per outcome (a guard's `error_msg = …` each): every text it is given in the function.
    if (expr?.type === 'identifier') for (const t of textsAssignedToLocal(syntax, expr)) if (!out.some((o) => o.id === t.id)) out.push(t);
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
