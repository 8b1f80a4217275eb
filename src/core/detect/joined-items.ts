/**
 * A prompt written as a list of lines joined into one text: `[intro, \`Language: ${locale}\`, TYPES[type],
 * formatLine(type)].filter(Boolean).join("\n")` (TypeScript), `"\n".join([intro, KINDS[kind], format_line(kind)])`
 * (Python). The list's literal items are the joined text itself; its other items are fragments written elsewhere
 * and spliced in by the join just as a template splices `${x}`: an entry of a table of texts (every entry when the
 * key is picked at run time), a helper's returned text, a constant. The reader treats them like template splices.
 *
 * `.filter(…)` before the join only drops items (empty optional lines), so the list it is called on is the list
 * joined; a `.map(…)` would rewrite the items and is not looked through.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

/** Items read per joined list, and `.filter` links looked through. */
const MAX_ITEMS = 40;
const MAX_FILTERS = 3;
/** Entries taken per table, and the words a table entry needs to be text for the model (not an id or a key). */
const MAX_ENTRIES = 50;
const WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;

/** The list literal a `.filter(…)` chain starts from (TypeScript), or the value itself. */
export function unfilteredList(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode {
  let n = unwrap(node);
  for (let i = 0; i < MAX_FILTERS; i++) {
    const inner = filteredList(syntax, n);
    if (!inner) break;
    n = unwrap(inner);
  }
  return n;
}

/** `xs.filter(f)` (TypeScript) or `filter(None, xs)` (Python): `xs`; undefined for any other value. */
export function filteredList(syntax: LanguageSyntax, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'call' && node.type !== 'call_expression') return undefined;
  const callee = syntax.callee(node);
  if (syntax.language === 'python') return callee === 'filter' ? syntax.args(node).positional[1] : undefined;
  return /\.filter$/.test(callee) ? syntax.receiver(node) : undefined;
}

/**
 * The non-literal items of every list joined inside `prompt` (the prompt node itself or a join within it): the
 * values a join splices in. Literal items are part of the joined text and are not returned.
 */
export function joinedItemExprs(syntax: LanguageSyntax, prompt: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const calls = [prompt, ...prompt.descendantsOfType(['call', 'call_expression']).slice(0, MAX_ITEMS)];
  for (const call of calls) {
    if (!call || (call.type !== 'call' && call.type !== 'call_expression') || !/\.join$/.test(syntax.callee(call))) continue;
    const receiver = syntax.receiver(call);
    const listNode = syntax.language === 'python' ? (receiver?.type === 'string' ? syntax.args(call).positional[0] : undefined) : receiver;
    const list = listNode ? unfilteredList(syntax, listNode) : undefined;
    if (!list || (list.type !== 'list' && list.type !== 'array')) continue;
    for (const item of list.namedChildren.slice(0, MAX_ITEMS)) {
      if (item && !syntax.isTextLiteral(item) && item.type !== 'comment') out.push(item);
    }
  }
  return out;
}

/**
 * `TYPES[type]` where `TYPES` is a table of texts declared in the file (module level or local): the entry a
 * constant key picks, or every entry with words when the key is picked at run time. Undefined when `subscript`
 * reads no such table (a list, a parameter, an object the code fills).
 */
export function tableTexts(syntax: LanguageSyntax, subscript: SyntaxNode): SyntaxNode[] | undefined {
  const obj = subscript.childForFieldName('value') ?? subscript.childForFieldName('object');
  const index = subscript.childForFieldName('subscript') ?? subscript.childForFieldName('index');
  if (obj?.type !== 'identifier' || !index) return undefined;
  const table = syntax.resolve(obj);
  if (table.id === obj.id) return undefined;
  const entries = syntax.entries(unwrap(table));
  if (!entries) return undefined;
  const key = syntax.stringConstant(index);
  const values = key !== undefined ? [entries.get(key)] : [...entries.values()].slice(0, MAX_ENTRIES);
  // A table of texts: its values are written texts; ids, numbers, nested records and keys-only tables are not read.
  return values.filter((v): v is SyntaxNode => Boolean(v) && syntax.isTextLiteral(v!) && WORDS.test(v!.text));
}

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while ((n.type === 'parenthesized_expression' || n.type === 'as_expression' || n.type === 'satisfies_expression') && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}
