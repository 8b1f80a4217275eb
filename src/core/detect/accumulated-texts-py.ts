/**
 * Python formatting helpers that accumulate a text and return it, their result passed into a prompt template
 * (`source_str = format_sources(docs)` … `INFO_PROMPT.format(content=source_str)`):
 *
 *     formatted_text = "Sources:\n\n"
 *     for source in sources_list:
 *         formatted_text += f"Source {source['title']}:\n===\n"
 *         formatted_text += f"URL: {source['url']}\n===\n"
 *     return formatted_text.strip()
 *
 * Each written piece (`"Sources:"`, `f"Source …:"`, `f"Most relevant content from source: …"`) is part of the text
 * the template sends, once per item for a piece in a loop. The pieces are read from the assignments and `+=` of the
 * returned local in the function's own body; they are kept together when one of them writes words (three words
 * across the pieces), so a header of one word (`"Sources:"`) goes with the rest and a helper that joins ids or
 * separators (`out += ", "`) adds nothing. Which helpers are spliced into a sent prompt is decided in the repository
 * pass (repo/spliced-constants.ts), from `.format(key=helper(…))` / f-string splices of their calls
 * (`formatBuilderSplices`, builder-splices.ts): a helper whose result is only printed or logged is spliced nowhere.
 */
import type { BuilderSpliceFact, TextConstantFact } from '../repo/facts';
import { calledName } from './builder-splices';
import type { SyntaxNode } from './parser';
import type { Collected, LanguageSyntax } from './syntax';
import { render } from './text';

/** Methods that keep their receiver's text (`text.strip()`). */
const KEEPS_TEXT = /^(strip|lstrip|rstrip|lower|upper)$/;
/** Pieces read per function, and characters kept per piece. */
const MAX_PIECES = 40;
const MAX_TEXT = 4000;
/** Words written across the pieces before they count as a prompt's text (as returned-parts.ts `MIN_WORDS`). */
const MIN_WORDS = 3;
const WORD = /[A-Za-z]{2,}/g;
/** A piece that writes a word of its own (`"URL: "`), not a separator (`"\n===\n"`, `", "`). */
const HAS_WORD = /[A-Za-z]{3,}/;
const MAX_SPLICES = 60;

/** The written pieces of the local a function accumulates with `+=` and returns; empty when it writes no words. */
export function accumulatedTexts(syntax: LanguageSyntax, fn: SyntaxNode, name: string): TextConstantFact[] {
  const body = fn.childForFieldName('body');
  const local = body ? returnedLocal(body) : undefined;
  if (!body || !local) return [];
  const pieces: SyntaxNode[] = [];
  let augmented = false;
  for (const node of ownNodes(body, ['assignment', 'augmented_assignment'])) {
    if (node.childForFieldName('left')?.text !== local) continue;
    if (node.type === 'augmented_assignment') {
      if (node.childForFieldName('operator')?.text !== '+=') continue;
      augmented = true;
    }
    const right = node.childForFieldName('right');
    if (right) pieces.push(...literalPieces(right));
    if (pieces.length >= MAX_PIECES) break;
  }
  if (!augmented) return [];
  const rendered = pieces.map((n) => ({ node: n, text: render(syntax.text(n)).text }));
  const words = rendered.reduce((sum, p) => sum + (render(syntax.text(p.node)).literalText.match(WORD) ?? []).length, 0);
  if (words < MIN_WORDS) return [];
  return rendered
    .filter((p) => HAS_WORD.test(render(syntax.text(p.node)).literalText))
    .map((p) => ({ name, line: p.node.startPosition.row + 1, endLine: p.node.endPosition.row + 1, text: p.text.slice(0, MAX_TEXT) }));
}

/**
 * `.format(content=helper(…))` / `.format(content=local)` with `local = helper(…)` on a template name: the helper
 * (imported, or a top-level function of this file) whose returned text fills the slot, with the template's name.
 */
export function formatBuilderSplices(syntax: LanguageSyntax, collected: Collected, topLevel: ReadonlySet<string>): BuilderSpliceFact[] {
  const out: BuilderSpliceFact[] = [];
  for (const call of collected.calls) {
    if (out.length >= MAX_SPLICES) break;
    const callee = call.childForFieldName('function');
    const template = callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'format' ? callee.childForFieldName('object') : undefined;
    if (template?.type !== 'identifier') continue;
    for (const arg of call.childForFieldName('arguments')?.namedChildren ?? []) {
      const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : arg;
      const fn = calledName(syntax, value ?? undefined);
      if (!fn || !(collected.imports.has(fn) || topLevel.has(fn))) continue;
      const line = call.startPosition.row + 1;
      if (!out.some((o) => o.fn === fn && o.line === line)) out.push({ fn, line, template: template.text });
    }
  }
  return out;
}

/** The name a function returns (`return text`, `return text.strip()`), from its last return of its own body. */
function returnedLocal(body: SyntaxNode): string | undefined {
  const returns = ownNodes(body, ['return_statement']);
  let value = returns[returns.length - 1]?.namedChildren[0];
  while (value?.type === 'call') {
    const fn = value.childForFieldName('function');
    if (fn?.type !== 'attribute' || !KEEPS_TEXT.test(fn.childForFieldName('attribute')?.text ?? '')) return undefined;
    value = fn.childForFieldName('object');
  }
  return value?.type === 'identifier' ? value.text : undefined;
}

/** String literals a right-hand side writes: the string, parenthesized, concatenated (`"a" "b"`, `"a" + x + "b"`). */
function literalPieces(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'string' || node.type === 'concatenated_string') return [node];
  if (node.type === 'parenthesized_expression') return node.namedChildren.flatMap((c) => (c ? literalPieces(c) : []));
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
    return [node.childForFieldName('left'), node.childForFieldName('right')].flatMap((c) => (c ? literalPieces(c) : []));
  }
  return [];
}

/** Nodes of these types in a function body, not inside a nested function or class. */
function ownNodes(body: SyntaxNode, types: readonly string[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (!c || c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (types.includes(c.type)) out.push(c);
      walk(c);
    }
  };
  walk(body);
  return out;
}

/** Names of the module's top-level functions (`def` or decorated). */
export function topLevelFunctions(root: SyntaxNode): Set<string> {
  const out = new Set<string>();
  for (const stmt of root.namedChildren) {
    const fn = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (name) out.add(name);
  }
  return out;
}

/** A file that may write such a helper (`name += "…"` and `return name`): parsed though it names no model. */
export function mayAccumulateText(text: string): boolean {
  const names = new Set<string>();
  for (const m of text.matchAll(/^[ \t]+(\w+)\s*\+=\s*\(?\s*[rfbu]*["']/gim)) if (names.size < 20) names.add(m[1]!);
  if (!names.size) return false;
  for (const m of text.matchAll(/^[ \t]+return\s+(\w+)(\.\w*strip\(\))?\s*$/gm)) if (names.has(m[1]!)) return true;
  return false;
}
