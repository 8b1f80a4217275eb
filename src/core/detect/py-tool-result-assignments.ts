/**
 * Python: a tool-result item built first and given its text afterwards, by outcome (anthropic-quickstarts
 * `agents/utils/tool_util.py`, copied in public code):
 *
 *     response = {"type": "tool_result", "tool_use_id": call.id}
 *     try:
 *         response["content"] = str(await tool_dict[call.name].execute(**call.input))
 *     except KeyError:
 *         response["content"] = f"Tool '{call.name}' not found"
 *
 * The texts given to the item's value key are tool results the model reads, as when written in place
 * (tool-result-items.ts, prompt-places.ts). The local must be given the item literal in the same function before
 * the assignment: the SDK shape with its call id (`tool_result` + `tool_use_id`, `function_call_output` + `call_id`)
 * or an OpenAI Chat tool message (`"role": "tool"` + `tool_call_id`); a `response["content"] = …` on any other
 * dict (an HTTP response, a UI event) is not read.
 */
import { enclosingFunction } from './branches';
import type { SyntaxNode } from './parser';
import { CONFIDENCE, PromptReader } from './prompt-reader';
import type { SiteRegistry } from './sites';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

const SHAPES: ReadonlyArray<{ key: 'type' | 'role'; value: string; id: string; text: string }> = [
  { key: 'type', value: 'tool_result', id: 'tool_use_id', text: 'content' },
  { key: 'type', value: 'function_call_output', id: 'call_id', text: 'output' },
  { key: 'role', value: 'tool', id: 'tool_call_id', text: 'content' },
];
const MAX_ASSIGNMENTS = 200;
/**
 * Fewest written words: the item's text has no reader but the model, and a short error (`f"Tool '{name}' not
 * found"`) is what it reads; a one- or two-word status (`"ok"`, `"no output"`) is not written for it. The floor of
 * the result classes' fields (py-tool-errors.ts).
 */
const MIN_WORDS = 3;
const WORD = /[A-Za-z]{2,}/g;

export function toolResultAssignmentsPy(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry): void {
  if (syntax.language !== 'python') return;
  let prompts: PromptReader | undefined;
  for (const node of (collected.contentAssignments ?? []).slice(0, MAX_ASSIGNMENTS)) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const obj = left?.childForFieldName('value');
    const key = left ? syntax.stringConstant(left.childForFieldName('subscript')!) : undefined;
    if (!right || obj?.type !== 'identifier' || !key || !writtenText(syntax, right)) continue;
    const shape = itemShape(syntax, obj, node);
    if (!shape || shape.text !== key) continue;
    prompts ??= new PromptReader(syntax, sites);
    prompts.promptsFrom(right, 'other', CONFIDENCE.key, `tool result (${shape.value} ${key}) text, set on ${obj.text} after the item is built`);
  }
}

/** The tool-result shape of the dict literal `local` is given in the function before `at`. */
function itemShape(syntax: LanguageSyntax, local: SyntaxNode, at: SyntaxNode): (typeof SHAPES)[number] | undefined {
  const fn = enclosingFunction(at);
  if (!fn) return undefined;
  for (const a of fn.descendantsOfType('assignment')) {
    if (!a || a.startIndex >= at.startIndex || a.childForFieldName('left')?.text !== local.text) continue;
    const value = a.childForFieldName('right');
    const entries = value?.type === 'dictionary' ? syntax.entries(value) : undefined;
    if (!entries) continue;
    for (const s of SHAPES) {
      const v = entries.get(s.key);
      if (v && syntax.stringConstant(v) === s.value && entries.has(s.id)) return s;
    }
  }
  return undefined;
}

function writtenText(syntax: LanguageSyntax, node: SyntaxNode): boolean {
  return syntax.isTextLiteral(node) && (render(syntax.text(node)).literalText.match(WORD) ?? []).length >= MIN_WORDS;
}
