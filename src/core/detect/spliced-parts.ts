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
      let target = syntax.resolve(side);
      // A parameter whose default is a module constant (`form=neurips_form`, then `form + examples`): the constant.
      if (target.type === 'identifier' && target.id !== side.id) target = syntax.resolve(target);
      if (target.id !== side.id && target.type !== 'identifier') out.push(target);
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

/**
 * `x = base + "…"` / `x = form + examples`: a `+` concatenation that starts with a name (the text-literal rules
 * take those that start with a literal). Undefined for anything else; `ownText` when a literal operand writes
 * text of its own (then the whole is a prompt; otherwise only the texts it joins are).
 */
export function nameLedConcatenation(node: SyntaxNode): { ownText: boolean } | undefined {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if ((n.type !== 'binary_operator' && n.type !== 'binary_expression') || n.childForFieldName('operator')?.text !== '+') return undefined;
  let left = n;
  while ((left.type === 'binary_operator' || left.type === 'binary_expression') && left.childForFieldName('left')) left = left.childForFieldName('left')!;
  if (left.type !== 'identifier') return undefined;
  const literals = [n, ...n.descendantsOfType(['binary_operator', 'binary_expression']).slice(0, MAX_NODES)].flatMap((b) =>
    b && b.childForFieldName('operator')?.text === '+' ? [b.childForFieldName('left'), b.childForFieldName('right')] : [],
  );
  return { ownText: literals.some((o) => o && /^(string|concatenated_string|template_string)$/.test(o.type) && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(o.text)) };
}

/**
 * `configured or "Reflect on the given information …"` (Python), `saved || "You are …"` / `?? "…"` (TypeScript):
 * the written text after the operator, when it has words (`x or ""`, `name || "default"` are no prompts).
 */
export function defaultText(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  const op = node.childForFieldName('operator')?.text;
  if (!((node.type === 'boolean_operator' && op === 'or') || (node.type === 'binary_expression' && (op === '||' || op === '??')))) return undefined;
  const right = node.childForFieldName('right');
  if (!right || !syntax.isTextLiteral(right)) return undefined;
  const text = syntax.text(right);
  return text.parts.some((p) => typeof p === 'string' && /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(p)) ? right : undefined;
}
