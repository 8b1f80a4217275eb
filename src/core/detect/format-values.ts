/**
 * Values formatted into a prompt template: `novelty_prompt.format(last_query_results=papers_str)`, where the
 * function builds `papers_str` from written text (`papers_str = "No papers found."`, or
 * `"\n\n".join(paper_strings)` after `paper_strings.append("""{i}: {title}. Abstract: {abstract}""".format(…))`).
 * Those written pieces are sent inside the prompt like the template's own text: each is a prompt site.
 *
 * Only templates named as prompts are followed (the rule of named prompts), and only locals the function assigns:
 * a parameter or an attribute brings no written text (assembled-prompts.ts follows the local and finds none).
 */
import { NOT_PROMPT_NAME, PROMPT_NAME } from './frameworks';
import { CONFIDENCE, kindFromName, type PromptReader } from './prompt-reader';
import { formattedTableTemplates, pickedTexts } from './picked-format-texts-py';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';
import { textsAssignedToLocal } from './local-assignments';

/** A template name that says it is sent to a model (`novelty_prompt`, `SYSTEM_MSG`), not one that only says template. */
const SAYS_PROMPT = /prompt|instruction|system|human|user|persona|backstory/i;
/** Arguments looked at per `.format` call. */
const MAX_ARGS = 20;

export function findFormattedValues(syntax: LanguageSyntax, collected: Collected, prompts: PromptReader): void {
  if (syntax.language !== 'python') return;
  for (const call of collected.calls) {
    const callee = syntax.callee(call);
    if (!/\.format$/.test(callee)) continue;
    const receiver = syntax.receiver(call);
    // `PROMPTS[self.version].format(…)`: the table's name says prompt (below, the texts its keywords fill).
    const named = receiver?.type === 'subscript' ? receiver.childForFieldName('value') : receiver;
    // `TEMPLATE.format(…)` of an HTML page is not a prompt: the name must say prompt or instruction, not only template.
    if (!receiver || named?.type !== 'identifier' || !PROMPT_NAME.test(named.text) || !SAYS_PROMPT.test(named.text) || NOT_PROMPT_NAME.test(named.text)) continue;
    const args = syntax.args(call);
    if (receiver.type === 'subscript') {
      const templates = formattedTableTemplates(syntax, receiver, [...args.named.keys()]);
      for (const t of templates) prompts.promptsFrom(t, kindFromName(named.text), CONFIDENCE.named, `template of ${named.text}, formatted at line ${call.startPosition.row + 1}`);
      if (!templates.length) continue;
    } else {
      const template = syntax.resolve(receiver);
      // `SYSTEM_MESSAGE.format(…)` of a template another module writes (`from app.constants import SYSTEM_MESSAGE`):
      // the name says prompt, and the values formatted in here are written here.
      const imported = template.id === receiver.id && collected.imports.has(receiver.text);
      if (!imported && (template.id === receiver.id || !syntax.isTextLiteral(template))) continue;
    }
    for (const value of [...args.named.values(), ...args.positional].slice(0, MAX_ARGS)) {
      const reason = `value formatted into ${named.text}`;
      // `type_guidance=TYPE_GUIDANCE[qtype]`, `instruction=random.choice(mutations)`: every entry that may be picked.
      for (const text of pickedTexts(syntax, value)) prompts.promptsFrom(text, 'other', CONFIDENCE.key, `picked and ${reason}`);
      if (value.type !== 'identifier') continue;
      const target = syntax.resolve(value);
      // `papers_str = "\n\n".join(paper_strings)`: the pieces appended to the list (read through the list's name).
      let found = false;
      for (const list of joinedLists(syntax, value)) found = Boolean(prompts.assembledPieces(list, 'other', reason)) || found;
      if (prompts.assembledPieces(value, 'other', reason) || found) continue;
      // A local given a written text (`note = "No results were found."`), on any branch (`else: titles = "None selected."`).
      const texts = textsAssignedToLocal(syntax, value);
      for (const text of texts.length ? texts : target.id !== value.id ? [target] : []) {
        if (text.type === 'string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text.text)) prompts.promptsFrom(text, 'other', CONFIDENCE.key, `part of ${reason}`);
      }
    }
  }
}

/** The lists a local is joined from in its function (`name = "\n\n".join(parts)`): their names. */
function joinedLists(syntax: LanguageSyntax, name: SyntaxNode): SyntaxNode[] {
  let fn: SyntaxNode | null = name.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return [];
  const out: SyntaxNode[] = [];
  for (const a of fn.descendantsOfType('assignment').slice(0, 200)) {
    if (a?.childForFieldName('left')?.text !== name.text) continue;
    const right = a.childForFieldName('right');
    const list = right ? joinedList(syntax, right) : undefined;
    if (list) out.push(list);
  }
  return out;
}

/** `"\n\n".join(parts)` with `parts` a name: that name (its appends are read through it). */
function joinedList(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'call' || !/\.join$/.test(syntax.callee(node)) || syntax.receiver(node)?.type !== 'string') return undefined;
  const list = syntax.args(node).positional[0];
  return list?.type === 'identifier' ? list : undefined;
}
