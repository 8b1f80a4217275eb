/**
 * Python: a table of buttons (or modes) whose records carry the text added before and after the user's input —
 *
 *   "Academic polish": {"Prefix": r"Below is a paragraph from an academic paper. Polish the writing …\n\n",
 *                       "Suffix": r"", "Color": "secondary"},
 *
 * then `inputs = table[key]["Prefix"] + inputs + table[key]["Suffix"]` before the request. Each written `Prefix` and
 * `Suffix` is a user prompt where it is written (the input is sent between them), short ones too (a fence around the
 * input is sent like the rest). Only a record holding both keys is read, so a lone `prefix` option (a file-name or
 * log prefix) is not; an empty text or white space is no prompt.
 */
import type { PromptReader } from './prompt-reader';
import { CONFIDENCE } from './prompt-reader';
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const AFFIXES = [
  ['Prefix', 'text written before the user\'s input (Prefix of a button record)'],
  ['Suffix', 'text written after the user\'s input (Suffix of a button record)'],
] as const;
const MAX_PIECES = 8;

export function inputAffixPrompts(syntax: LanguageSyntax, node: SyntaxNode, entries: ReadonlyMap<string, SyntaxNode>, prompts: PromptReader): void {
  if (syntax.language !== 'python' || node.type !== 'dictionary' || !entries.has('Prefix') || !entries.has('Suffix')) return;
  for (const [key, reason] of AFFIXES) {
    const value = entries.get(key)!;
    const pieces = writtenPieces(syntax, value);
    if (!pieces.length) continue;
    // A text the reader follows whole (a literal, a concatenation); else each text a helper is handed
    // (`build_masked_string(text_show_english=r"…", text_show_chinese=r"…") + "\n\n"`).
    if (prompts.promptsFrom(value, 'user-template', CONFIDENCE.key, reason).ids.length) continue;
    for (const piece of pieces) prompts.promptsFrom(piece, 'user-template', CONFIDENCE.key, reason);
  }
}

/** The string literals written in the value that hold more than white space (`"\n\n"` joins, it says nothing). */
function writtenPieces(syntax: LanguageSyntax, node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  if (out.length >= MAX_PIECES) return out;
  if (node.type === 'string' || node.type === 'concatenated_string') {
    if (/\S/.test(syntax.stringConstant(node) ?? node.text.replace(/^[rbuf]*("""|\'\'\'|"|\')|("""|\'\'\'|"|\')$/gi, ''))) out.push(node);
    return out;
  }
  for (const c of node.namedChildren) if (c && c.type !== 'comment') writtenPieces(syntax, c, out);
  return out;
}
