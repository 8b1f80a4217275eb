/**
 * Python blocks appended to a prompt-named local after its first text:
 *
 *     prompt = f"""You are a meticulous fact-checker. … <CONTEXT>"""
 *     prompt += safe_context
 *     prompt += """
 *     </CONTEXT>
 *     <ANSWER>
 *     """
 *     prompt += answer
 *
 * The prompt the name rule reports (prompt-places.ts) is only its first block: each text appended with `+=` in the
 * same function is sent with it, a piece of the same prompt. Only literals that write a word or a tag of their own
 * (`prompt += "\n"`, `prompt += f"{x}"` add none), only after the first text, and only to a name the rule already
 * takes as a prompt (a log line or a message to a person built the same way is never reached).
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { render } from './text';

/** A word of three letters or an XML-like tag the model reads (`</CONTEXT>`). */
const WRITTEN = /[A-Za-z]{3,}/;
const MAX_PIECES = 30;

/** The literals appended with `+=` to the local `name` after it is given its text, in the function that holds it. */
export function appendedPieces(syntax: LanguageSyntax, name: SyntaxNode): SyntaxNode[] {
  if (syntax.language !== 'python' || name.type !== 'identifier') return [];
  let fn: SyntaxNode | null = name.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const body = fn?.childForFieldName('body');
  if (!body) return [];
  const out: SyntaxNode[] = [];
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (!c || out.length >= MAX_PIECES || c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (c.type === 'augmented_assignment' && c.startIndex > name.endIndex && c.childForFieldName('operator')?.text === '+=' && c.childForFieldName('left')?.text === name.text) {
        let right = c.childForFieldName('right');
        while (right?.type === 'parenthesized_expression' && right.namedChildren[0]) right = right.namedChildren[0];
        if (right && (right.type === 'string' || right.type === 'concatenated_string') && WRITTEN.test(render(syntax.text(right)).literalText)) out.push(right);
        continue;
      }
      walk(c);
    }
  };
  walk(body);
  return out;
}
