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
  /** Returned texts led by one turn marker, by the function that returns them. */
  const led = new Map<number, { human: SyntaxNode[]; assistant: SyntaxNode[] }>();
  for (const node of collected.assigned ?? []) {
    const value = valueOf(node);
    if (!value || !syntax.isTextLiteral(value)) continue;
    const text = render(syntax.text(value)).text;
    if (HUMAN.test(text) && ASSISTANT.test(text)) {
      prompts.promptsFrom(value, 'user-template', CONFIDENCE.key, 'Human:/Assistant: turn format of a text-completion prompt');
      continue;
    }
    const fn = node.type === 'return_statement' ? enclosingFunction(node) : undefined;
    const lead = LED_HUMAN.test(text) ? 'human' : LED_ASSISTANT.test(text) ? 'assistant' : undefined;
    if (!fn || !lead) continue;
    const entry = led.get(fn.id) ?? { human: [], assistant: [] };
    entry[lead].push(value);
    led.set(fn.id, entry);
  }
  // `if (m.role === "user") return \`Human: ${text}\`; else return \`Assistant: ${text}\``: a history formatter whose
  // branches write the two turn markers. Each line is a turn of the transcript spliced into a prompt.
  for (const { human, assistant } of led.values()) {
    if (!human.length || !assistant.length) continue;
    for (const value of [...human, ...assistant]) prompts.promptsFrom(value, 'user-template', CONFIDENCE.key, 'Human:/Assistant: turn prefix returned by a history formatter');
  }
}

const LED_HUMAN = /^\s*Human:/;
const LED_ASSISTANT = /^\s*Assistant:/;
const FUNCTION = /^(function_definition|function_declaration|function_expression|function|arrow_function|method_definition|lambda|generator_function_declaration)$/;

function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) if (FUNCTION.test(p.type)) return p;
  return undefined;
}

/** The text an assignment or a return gives (through parentheses). */
function valueOf(node: SyntaxNode): SyntaxNode | undefined {
  let v = node.type === 'return_statement' ? node.namedChildren[0] : (node.childForFieldName('right') ?? node.childForFieldName('value'));
  while (v && v.type === 'parenthesized_expression' && v.namedChildren[0]) v = v.namedChildren[0];
  return v ?? undefined;
}
