/**
 * Text written in Anthropic's legacy completion format: `"\n\nHuman: {question}\n\nAssistant:"` (the
 * `HUMAN_PROMPT` / `AI_PROMPT` turn markers the text-completions API required). A text with both turn markers
 * is a prompt wherever it is assigned or returned (a `to_string()` of a prompt class, a template constant),
 * since no other text is written that way.
 */
import type { SyntaxNode } from './parser';
import { CONFIDENCE, type PromptReader } from './prompt-reader';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

const HUMAN = /(^|\n)\s*Human:/;
const ASSISTANT = /(^|\n)\s*Assistant:/;

export function findTurnFormatPrompts(syntax: LanguageSyntax, collected: Collected, prompts: PromptReader): void {
  for (const node of collected.assigned ?? []) {
    const value = valueOf(node);
    if (!value || !syntax.isTextLiteral(value)) continue;
    const text = render(syntax.text(value)).text;
    if (HUMAN.test(text) && ASSISTANT.test(text)) prompts.promptsFrom(value, 'user-template', CONFIDENCE.key, 'Human:/Assistant: turn format of a text-completion prompt');
  }
}

/** The text an assignment or a return gives (through parentheses). */
function valueOf(node: SyntaxNode): SyntaxNode | undefined {
  let v = node.type === 'return_statement' ? node.namedChildren[0] : (node.childForFieldName('right') ?? node.childForFieldName('value'));
  while (v && v.type === 'parenthesized_expression' && v.namedChildren[0]) v = v.namedChildren[0];
  return v ?? undefined;
}
