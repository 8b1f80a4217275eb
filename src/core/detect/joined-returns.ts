/**
 * A function named like a prompt (`_build_system_prompt`, `build_prompt`) that returns text joined from a local
 * list (`return "\n\n".join(part for part in parts if part)`): the written texts it appends to that list
 * (`parts.append("\n".join(["You have access to Agent Skills.", …]))`) are the prompt's pieces, each reported
 * where it is written. Values appended (`parts.append(node.role)`) bring no text of their own.
 */
import type { PromptKind } from '../report/types';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { LanguageSyntax } from './syntax';
import { unfilteredList } from './joined-items';

/** Appends looked at per function. */
const MAX_APPENDS = 40;
const WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

/** The written texts appended to the lists a function's returned join reads (Python). */
export function joinedListPieces(syntax: LanguageSyntax, fn: SyntaxNode, returned: SyntaxNode): SyntaxNode[] {
  if (syntax.language !== 'python') return [];
  const lists = new Set<string>();
  for (const call of [returned, ...returned.descendantsOfType('call')]) {
    if (!call || call.type !== 'call' || !/\.join$/.test(syntax.callee(call)) || syntax.receiver(call)?.type !== 'string') continue;
    // `"\n".join(part for part in parts)`: the generator is the call's whole argument list.
    const args = call.childForFieldName('arguments');
    const arg = args?.type === 'generator_expression' ? args : syntax.args(call).positional[0];
    if (arg?.type === 'identifier') lists.add(arg.text);
    // `part for part in parts if part`: the list the generator walks.
    for (const clause of arg?.descendantsOfType('for_in_clause') ?? []) {
      const source = clause?.childForFieldName('right');
      if (source?.type === 'identifier') lists.add(source.text);
    }
  }
  if (!lists.size) return [];
  const out: SyntaxNode[] = [];
  for (const call of fn.descendantsOfType('call')) {
    if (out.length >= MAX_APPENDS) break;
    const target = call?.childForFieldName('function');
    if (!call || target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== 'append') continue;
    if (!lists.has(target.childForFieldName('object')?.text ?? '')) continue;
    const arg = syntax.args(call).positional[0];
    if (arg && syntax.isTextLiteral(arg) && syntax.text(arg).parts.some((p) => typeof p === 'string' && WORDS.test(p))) out.push(arg);
  }
  return out;
}

/**
 * TypeScript: a prompt-named function (`buildSystemPrompt`, `getEditExamplesPrompt`) that returns a list it fills
 * (`sections.push(…)` in branches, then `return sections.join("\n\n")`) or a text constant of its module: the pushed
 * texts (and what the local helpers pushed there return) or the constant are the prompt, each reported where written.
 */
export function returnedAssembly(syntax: LanguageSyntax, prompts: PromptReader, fnName: string, returned: SyntaxNode, kind: PromptKind): void {
  if (syntax.language === 'python') return;
  const reason = `returned by ${fnName}()`;
  if (returned.type === 'identifier') {
    const target = syntax.resolve(returned);
    if (target.id !== returned.id && syntax.isTextLiteral(target) && syntax.text(target).parts.some((p) => typeof p === 'string' && WORDS.test(p))) {
      prompts.promptsFrom(target, kind, CONFIDENCE.namedFunction, reason);
    }
    return;
  }
  const joined = returned.type === 'call_expression' && /\.join$/.test(syntax.callee(returned)) ? syntax.receiver(returned) : undefined;
  // `return [intro, TYPES[type], formatLine(type)].filter(Boolean).join("\n")`: a list written in place is read the same way.
  const receiver = joined && unfilteredList(syntax, joined);
  if (receiver?.type === 'identifier' || receiver?.type === 'array') prompts.assembledPieces(returned, kind, `the list ${fnName}() returns`);
  // `return (template + (withImages ? \`\n**Include the images …**\` : "")).replace("{learnings}", fromFile ? "**Read them
  // from the attached file.**" : learnings.join("\n"))`: a template filled in place, whose inserted and appended texts are
  // written here (the template itself is a value: a parameter or read from elsewhere).
  else if (fillsInPlace(syntax, returned)) prompts.assembledPieces(returned, kind, `the text ${fnName}() returns`);
}

/** A `.replace` chain or a `+` concatenation (also in parentheses): a text the function fills or extends before returning it. */
function fillsInPlace(syntax: LanguageSyntax, returned: SyntaxNode): boolean {
  let n = returned;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if (n.type === 'call_expression') return /\.(replace|replaceAll)$/.test(syntax.callee(n));
  return n.type === 'binary_expression' && n.childForFieldName('operator')?.text === '+';
}
