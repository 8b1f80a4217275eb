/**
 * TypeScript texts a message is built from one item at a time, read where the message is assembled
 * (assembled-prompts.ts follows the flow back from the message; this module reads the shapes it meets):
 *
 * - the frame a `.map` callback writes around each item, joined into the message:
 *   `sources.map((s, i) => \`[${i + 1}] ${s.title}\nURL: ${s.url}\n${s.content}\`).join('\n\n---\n\n')`,
 *   `results.map((r) => \`Title: ${r.title}\n${r.snippet}\`).join('\n')`. The model reads the frame once per item, so
 *   it is a prompt even with few words of its own: a labelled field (`URL:`) or two words. Data wrapped in a tag only
 *   (`<doc>${d}</doc>`), joined with separators (`${a}, ${b}`) or a transcript line (`${m.role}: ${m.content}`) frames
 *   nothing.
 * - the records such a callback reads fields of, when they are written in the file:
 *   `const steps = [{ query: \`Find posts by @${user}…\`, purpose: '…' }, …]` then
 *   `${steps.map((s) => \`${s.step}. ${s.query} (purpose: ${s.purpose})\`).join('\n')}`: the fields read are sent
 *   for every record; the list is one prompt (its texts joined), not one per record.
 * - a list of plain strings joined into a message (`${LIBRARIES.join(', ')}`): one prompt, the joined text, not one
 *   per element.
 *
 * Only a value already on its way into a message reaches these readers, so a mapped template that ends in HTML, a
 * log line or an error is never read.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import type { TextPart, TextValue } from './text';

const MAX_RECORDS = 60;
const MAX_ITEMS = 200;
const TAG = /<\/?[A-Za-z_][^<>]*>/g;
const WORD = /[A-Za-z]{2,}/g;
/** A labelled field the frame writes before a value: `URL: ${url}`, `Title: `. */
const FIELD_LABEL = /[A-Za-z]{2,}\s*:/;
/** Words of the text a model reads: a four-letter word or two words (assembled-prompts.ts reads pieces the same way). */
const WRITTEN = /[A-Za-z]{4,}|[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
const CALLBACK = new Set(['arrow_function', 'function_expression', 'function']);
/** Calls that keep a list's items (a subset, in another order): `items.slice(0, 5).map(…)`. */
const KEEPS_ITEMS = /\.(slice|filter|sort|reverse|concat|toSorted|toReversed)$/;

export interface MappedItems {
  /** The template the callback returns for each item, when it frames the item. */
  readonly frame?: SyntaxNode;
  /** The file's own records the callback reads fields of: the list node and the texts of the fields it reads. */
  readonly records?: { readonly list: SyntaxNode; readonly value: TextValue };
}

/** `items.map(cb)` (the receiver of a `.join`): what the callback writes around each item and the records it reads. */
export function mappedItems(syntax: LanguageSyntax, mapped: SyntaxNode): MappedItems | undefined {
  if (syntax.language !== 'typescript' || mapped.type !== 'call_expression' || !/\.map$/.test(syntax.callee(mapped))) return undefined;
  const cb = syntax.args(mapped).positional[0];
  if (!cb || !CALLBACK.has(cb.type)) return undefined;
  const template = syntax.returns(cb).map((r) => unwrapParens(r)).find((r) => r.type === 'template_string');
  if (!template) return undefined;
  const frame = framesItem(syntax, template) ? template : undefined;
  const records = readRecords(syntax, mapped, cb, template);
  return frame || records ? { frame, records } : undefined;
}

/** Whether a per-item template writes a frame the model reads: a labelled field or two words outside tags. */
export function framesItem(syntax: LanguageSyntax, template: SyntaxNode): boolean {
  const parts = syntax.text(template).parts;
  if (!parts.some((p) => typeof p !== 'string')) return false;
  const written = parts.filter((p): p is string => typeof p === 'string').join(' ').replace(TAG, ' ');
  // `${m.role}: ${m.content}` (a value, a colon, a value) writes no word: a transcript line is the messages themselves.
  return (written.match(WORD) ?? []).length >= 2 || FIELD_LABEL.test(written);
}

/**
 * `['numpy', 'pandas', …]` joined with `sep`: the list as one text, when every item is a plain string and together
 * they write something. Undefined for lists with values in them (each value is read on its own).
 */
export function joinedLiteralList(syntax: LanguageSyntax, list: SyntaxNode, sep: string): TextValue | undefined {
  if (syntax.language !== 'typescript' || list.type !== 'array') return undefined;
  const items = list.namedChildren.filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'comment');
  if (items.length < 2 || items.length > MAX_ITEMS) return undefined;
  const texts: string[] = [];
  for (const item of items) {
    if (item.type !== 'string' && !(item.type === 'template_string' && !item.namedChildren.some((c) => c?.type === 'template_substitution'))) return undefined;
    const v = syntax.stringConstant(item);
    if (v === undefined) return undefined;
    texts.push(v);
  }
  const joined = texts.join(sep);
  return WRITTEN.test(joined) ? { parts: [joined] } : undefined;
}

/** `steps.map((s) => \`${s.query} (purpose: ${s.purpose})\`)` over a list of object literals of the file: the fields read, per record. */
function readRecords(syntax: LanguageSyntax, mapped: SyntaxNode, cb: SyntaxNode, template: SyntaxNode): MappedItems['records'] {
  let source = syntax.receiver(mapped);
  for (let i = 0; source && i < 3 && source.type === 'call_expression' && KEEPS_ITEMS.test(syntax.callee(source)); i++) source = syntax.receiver(source);
  if (!source) return undefined;
  const list = syntax.resolve(source);
  if (list.id === source.id || list.type !== 'array') return undefined;
  const param = cb.childForFieldName('parameters')?.namedChildren.find((c) => c && c.type !== 'comment') ?? cb.childForFieldName('parameter');
  const name = param?.type === 'identifier' ? param.text : param?.childForFieldName('pattern')?.type === 'identifier' ? param.childForFieldName('pattern')!.text : undefined;
  if (!name) return undefined;
  const fields = new Set<string>();
  for (const sub of template.descendantsOfType('template_substitution')) {
    const expr = sub?.namedChildren[0];
    if (expr?.type === 'member_expression' && expr.childForFieldName('object')?.text === name) fields.add(expr.childForFieldName('property')?.text ?? '');
  }
  fields.delete('');
  if (!fields.size) return undefined;
  const parts: TextPart[] = [];
  let written = false;
  for (const record of list.namedChildren.slice(0, MAX_RECORDS)) {
    const entries = record?.type === 'object' ? syntax.entries(record) : undefined;
    if (!entries) continue;
    for (const field of fields) {
      const value = entries.get(field);
      if (!value || !syntax.isTextLiteral(value)) continue;
      const text = syntax.text(value);
      if (text.parts.some((p) => typeof p === 'string' && WRITTEN.test(p) && /\s/.test(p))) written = true;
      if (parts.length) parts.push('\n');
      parts.push(...text.parts);
    }
  }
  return written ? { list, value: { parts } } : undefined;
}

function unwrapParens(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 4 && n.type === 'parenthesized_expression' && n.namedChildren[0]; i++) n = n.namedChildren[0]!;
  return n;
}
