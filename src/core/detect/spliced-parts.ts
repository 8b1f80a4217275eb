/**
 * Texts of the file spliced into a prompt other than by a bare name in a template (prompt-reader.ts handles
 * `{categories_context}`): an entry of a dict of texts (`{per_section_tips["Abstract"]}`, or every entry for
 * `{per_section_tips[section]}`), and a constant concatenated into the prompt (`"""…""" + error_list + """…"""`).
 * Each is written once and sent inside the prompt: a prompt site of its own.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** Substitutions and concatenations looked at per prompt, and entries taken per dict. */
const MAX_NODES = 30;
const MAX_ENTRIES = 50;

/** The declared text nodes a prompt splices in through a dict entry or a concatenated name. */
export function splicedTexts(syntax: LanguageSyntax, prompt: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const sub of prompt.descendantsOfType(['template_substitution', 'interpolation']).slice(0, MAX_NODES)) {
    const expr = sub?.namedChildren[0];
    if (expr && (expr.type === 'subscript' || expr.type === 'subscript_expression')) out.push(...dictEntries(syntax, expr));
  }
  const sums = [prompt, ...prompt.descendantsOfType(['binary_operator', 'binary_expression']).slice(0, MAX_NODES)];
  for (const sum of sums) {
    if (!sum || (sum.type !== 'binary_operator' && sum.type !== 'binary_expression') || sum.childForFieldName('operator')?.text !== '+') continue;
    for (const side of [sum.childForFieldName('left'), sum.childForFieldName('right')]) {
      if (side?.type !== 'identifier') continue;
      const target = syntax.resolve(side);
      if (target.id !== side.id) out.push(target);
    }
  }
  return out;
}

/** `tips["Abstract"]`: that entry's value; `tips[section]`: every entry's (the key is picked at run time). */
function dictEntries(syntax: LanguageSyntax, subscript: SyntaxNode): SyntaxNode[] {
  const obj = subscript.childForFieldName('value') ?? subscript.childForFieldName('object');
  const index = subscript.childForFieldName('subscript') ?? subscript.childForFieldName('index');
  if (obj?.type !== 'identifier' || !index) return [];
  const dict = syntax.resolve(obj);
  if (dict.id === obj.id) return [];
  const entries = syntax.entries(dict);
  if (!entries) return [];
  const key = syntax.stringConstant(index);
  if (key !== undefined) {
    const value = entries.get(key);
    return value ? [value] : [];
  }
  return [...entries.values()].slice(0, MAX_ENTRIES);
}
