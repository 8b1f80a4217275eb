/**
 * A prompt-named field whose value is read from a table of texts by a key: `return { tools: groupTools[id],
 * instructions: groupInstructions[id] }` with `const groupInstructions = { web: \`You are …\`, code: \`…\` }`, then a
 * route sends `system: instructions + …`. The key is the run's mode (picked at run time), so every text of the table
 * may be the one sent: each is a prompt where it is written. Also through a local (`const instructions =
 * TABLE[mode]; return { system: instructions }`), with a fallback or an addition (`PROMPTS[locale] ?? PROMPTS.en`,
 * `PROMPTS[mode] + extra`) and with a literal key (that entry only).
 *
 * Only a table written in the file as an object literal, and only entries that are texts of their own (a written text
 * or a constant holding one, 20 characters or more): a table of ids or of imported values is not read here.
 */
import type { SyntaxNode } from './parser';
import { MIN_NAMED_LITERAL } from './prompt-reader';
import type { LanguageSyntax } from './syntax';
import { literalLength } from './text';

const MAX_ENTRIES = 60;

/** The texts of the table `value` reads by key (`table[key]`), or none when it is not such a read. */
export function keyedTableTexts(syntax: LanguageSyntax, value: SyntaxNode, depth = 0): SyntaxNode[] {
  const read = syntax.resolve(value);
  // `PROMPTS[locale] ?? PROMPTS.en`, `PROMPTS[mode] + (extra ?? "")`: the table read on either side.
  if (depth < 2 && (read.type === 'binary_expression' || read.type === 'boolean_operator') && /^(\|\||\?\?|\+|or)$/.test(read.childForFieldName('operator')?.text ?? '')) {
    return [read.childForFieldName('left'), read.childForFieldName('right')].flatMap((side) => (side ? keyedTableTexts(syntax, side, depth + 1) : []));
  }
  if (read.type !== 'subscript_expression' && read.type !== 'subscript') return [];
  const obj = read.childForFieldName('object') ?? read.childForFieldName('value');
  const index = read.childForFieldName('index') ?? read.childForFieldName('subscript');
  if (obj?.type !== 'identifier' || !index) return [];
  const table = syntax.resolve(obj);
  if (table.id === obj.id || (table.type !== 'object' && table.type !== 'dictionary')) return [];
  const entries = syntax.entries(table);
  if (!entries) return [];
  const key = index.type === 'string' ? syntax.stringConstant(index) : undefined;
  const picked = key !== undefined ? [entries.get(key)] : [...entries.values()].slice(0, MAX_ENTRIES);
  return picked.filter((v): v is SyntaxNode => {
    if (!v) return false;
    const text = syntax.resolve(v);
    return syntax.isTextLiteral(text) && literalLength(syntax.text(text)) >= MIN_NAMED_LITERAL && /\S\s+\S/.test(text.text);
  });
}
