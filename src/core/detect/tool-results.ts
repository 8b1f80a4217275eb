/**
 * Texts a tool function returns: what a `@tool` function returns is the tool result the framework sends back to
 * the model as the tool message, so a template it returns (`return f"Error: {url} timed out. Direct the user to
 * {url} for current pricing."`, `return f"""ID: {id}\nTitle: {title}\n…"""`) is prompt text read by the next request.
 *
 * Only templates (a text with values filled in) of four words or more are taken: a fixed status word (`"ok"`,
 * `"No URLs provided."`) and a short label in front of an exception (`f"Error fetching article: {e}"`) are
 * program output rather than text written for the model, and data the tool computes (`return json.dumps(rows)`,
 * `return text`) has no written text at all.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { render } from './text';

const MIN_WORDS = 4;
const WORD = /[A-Za-z]{2,}/g;

/** The returned templates of a tool function (its own returns, not those of functions nested in it). */
export function returnedToolTemplates(syntax: LanguageSyntax, fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const returned of syntax.returns(fn).slice(0, 20)) {
    if (!syntax.isTextLiteral(returned)) continue;
    // Filled in: an f-string or template literal with a substitution (a constant spliced in counts: its text is inlined).
    if (!returned.descendantsOfType(['interpolation', 'template_substitution']).length) continue;
    if ((render(syntax.text(returned)).literalText.match(WORD) ?? []).length >= MIN_WORDS) out.push(returned);
  }
  return out;
}
