/**
 * Python texts that reach a named prompt template's `.format(…)` through a table or a list of the file
 * (format-values.ts follows plain locals):
 *
 *     PROMPTS = {"v1": """You are a strict fact-checker. … {evidence} … {question}""", "v2": """…"""}
 *     prompt = PROMPTS[self.version].format(evidence=evidence, question=question)
 *
 *     TYPE_GUIDANCE = {"factoid": "Ask for one specific value, name, part number or figure.", …}
 *     prompt = PROMPT.format(qtype=qtype, type_guidance=TYPE_GUIDANCE[qtype])
 *
 *     mutation_prompts = ["""Given the following prompt template for an LLM, write me a better prompt.""", …]
 *     selected_mutation = random.choice(mutation_prompts)
 *     mutate_prompt_template.format(prompt_template=template, instruction=selected_mutation)
 *
 * The key (or the random pick) is chosen at run time, so every entry may be the one formatted in: each is a prompt
 * where it is written. A table of templates counts only under a prompt name and only for entries whose `{slots}`
 * the `.format` keywords fill (a table of renderer programs or SQL filled the same way is no prompt); a picked value
 * counts only as a keyword of a template format-values.ts already takes as a prompt, and only entries of three
 * written words (file names, ids and single words picked the same way are data).
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { tableTexts } from './joined-items';
import { valuesAssignedToLocal } from './local-assignments';

/** A phrase of three written words: a label or an instruction, not an id, a file name or a single word. */
const PHRASE = /[A-Za-z]{2,}[\w-]*\s+[A-Za-z]{2,}[\w-]*\s+[A-Za-z]{2,}/;
/** Random picks of one item: `random.choice(xs)`, `secrets.choice(xs)`, `np.random.choice(xs)`, `rng.choice(xs)`. */
const PICK = /(^|\.)choice$/;
/** Entries and items read per table or list. */
const MAX_ITEMS = 40;
/** Assignments of a local looked at. */
const MAX_ASSIGNMENTS = 8;
/** Locals and fallbacks followed from the keyword (`x = x or TABLE.get(k)` ends). */
const MAX_DEPTH = 3;

/**
 * `PROMPTS[key]` formatted with keywords: the table's texts whose `{slots}` include one of `keywords`, when the
 * table is a dict literal of the file. Empty for anything else.
 */
export function formattedTableTemplates(syntax: LanguageSyntax, receiver: SyntaxNode, keywords: readonly string[]): SyntaxNode[] {
  if (receiver.type !== 'subscript' || !keywords.length) return [];
  const table = receiver.childForFieldName('value');
  if (table?.type !== 'identifier' || syntax.resolve(table).type !== 'dictionary') return [];
  return (tableTexts(syntax, receiver) ?? []).slice(0, MAX_ITEMS).filter((t) => keywords.some((k) => t.text.includes(`{${k}}`)));
}

/**
 * The texts a `.format` keyword value picks from a table or a list of the file: `TABLE[key]`, `LIST[i]`,
 * `random.choice(LIST)`, `TABLE.get(key)` (also before `or "none"`), or a local of the function assigned one of those.
 */
export function pickedTexts(syntax: LanguageSyntax, value: SyntaxNode, depth = 0): SyntaxNode[] {
  if (depth > MAX_DEPTH) return [];
  if (value.type === 'identifier') return assignedValues(value).flatMap((v) => picked(syntax, v, depth + 1));
  return picked(syntax, value, depth);
}

function picked(syntax: LanguageSyntax, value: SyntaxNode, depth: number): SyntaxNode[] {
  let from: SyntaxNode | undefined;
  if (value.type === 'subscript') {
    const table = value.childForFieldName('value');
    if (table?.type !== 'identifier') return [];
    const target = syntax.resolve(table);
    if (target.type === 'dictionary') return (tableTexts(syntax, value) ?? []).filter((t) => PHRASE.test(t.text)).slice(0, MAX_ITEMS);
    from = table;
  } else if (value.type === 'call' && PICK.test(syntax.callee(value))) {
    from = syntax.args(value).positional[0];
  } else if (value.type === 'call' && /\.get$/.test(syntax.callee(value))) {
    // `GUIDANCE.get(qtype, "")`: the table's entries, as for `GUIDANCE[qtype]`.
    const table = syntax.receiver(value);
    const key = syntax.args(value).positional[0];
    if (table?.type !== 'identifier' || !key || syntax.resolve(table).type !== 'dictionary') return [];
    const entries = syntax.entries(syntax.resolve(table));
    const k = syntax.stringConstant(key);
    const values = k !== undefined ? [entries?.get(k)] : [...(entries?.values() ?? [])];
    return values.filter((v): v is SyntaxNode => Boolean(v) && syntax.isTextLiteral(v!) && PHRASE.test(v!.text)).slice(0, MAX_ITEMS);
  } else if (value.type === 'boolean_operator' && value.childForFieldName('operator')?.text === 'or') {
    // `type_guidance or "none"`: the picked side.
    const left = value.childForFieldName('left');
    return left ? pickedTexts(syntax, left, depth + 1) : [];
  }
  if (from?.type !== 'identifier') return [];
  const list = syntax.resolve(from);
  if (list.type !== 'list' && list.type !== 'tuple') return [];
  return (syntax.items(list) ?? []).slice(0, MAX_ITEMS).filter((item) => syntax.isTextLiteral(item) && PHRASE.test(item.text));
}

/** The values the function that reads `name` assigns to it (`selected = random.choice(xs)`), none for a parameter. */
function assignedValues(name: SyntaxNode): SyntaxNode[] {
  return valuesAssignedToLocal(name).slice(0, MAX_ASSIGNMENTS);
}
