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

/** Fewest words of a fallback a TypeScript tool returns: `'Document not found'` is a status, not guidance. */
const MIN_FALLBACK_WORDS = 6;
/**
 * Fewest words of a fixed `error` returned as the whole result (a written sentence the model relays or acts on,
 * gemini-chatbot's `{ error: 'User is not signed in to perform this action!' }`); `'Document not found'` and
 * `'Something went wrong.'` are status labels (unlabeled in ai-chatbot and openai-realtime-agents), and an error
 * beside data fields (`{ success: false, error: '…', places: [] }`, unlabeled in scira) is a data record's status.
 */
const MIN_ERROR_WORDS = 5;
/** Fewest words of a fixed text returned in place: a document the tool serves, longer than a one-sentence status. */
const MIN_DOCUMENT_WORDS = 25;

/**
 * Fixed texts a TypeScript tool definition's `execute` returns: `tool({ description, parameters, execute })` (AI SDK,
 * OpenAI Agents) sends what `execute` resolves to back to the model as the tool result, so a sentence written there
 * for the model is prompt text: a document the tool serves (`return { policy: \`At Snowy Peak…\` }`) or the fallback
 * given when the data is missing (`data: page.markdown ?? 'Could not get the page content, try search instead'`).
 *
 * Only fixed texts (no value filled in) are taken: a fallback of six words or more, an `error` of five words or more
 * returned alone, or a text written in place of 25 words or more. An error label in front of a runtime value (`error:
 * \`Failed to extract data: ${e}\``) reports the program's failure, a one-sentence status (`message: 'The document
 * has been updated successfully.'`) reports what the tool did rather than give the model text to work from, and
 * returned data (`{ orders: [...] }`) has none.
 */
export function toolExecuteResultTexts(syntax: LanguageSyntax, entries: ReadonlyMap<string, SyntaxNode>): SyntaxNode[] {
  if (syntax.language !== 'typescript' || !entries.has('description')) return [];
  const execute = entries.get('execute');
  if (!execute || !/function|arrow_function|method/.test(execute.type)) return [];
  const out: SyntaxNode[] = [];
  for (const returned of syntax.returns(execute).slice(0, 20)) {
    const fields = syntax.entries(returned);
    const values = fields ? [...fields] : [['', returned] as const];
    for (const [key, value] of values) {
      const fallback = fallbackOf(value);
      const text = fallback ?? value;
      // `return { error: "User is not signed in to perform this action!" }`: the result is one sentence the model answers
      // from. Beside data fields (`{ success: false, error: '…', places: [] }`) it is the status of a data record.
      const least = fallback ? MIN_FALLBACK_WORDS : key === 'error' && fields?.size === 1 ? MIN_ERROR_WORDS : MIN_DOCUMENT_WORDS;
      if (syntax.isTextLiteral(text) && isFixedText(syntax, text, least)) out.push(text);
    }
  }
  return out;
}

/** The fallback of `x ?? '…'` / `x || '…'`: the text the model gets when the data it asked for is missing. */
function fallbackOf(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type !== 'binary_expression' || !/^(\?\?|\|\|)$/.test(value.childForFieldName('operator')?.text ?? '')) return undefined;
  return value.childForFieldName('right') ?? undefined;
}

function isFixedText(syntax: LanguageSyntax, text: SyntaxNode, minWords: number): boolean {
  if (text.descendantsOfType(['template_substitution']).length) return false;
  return (render(syntax.text(text)).literalText.match(WORD) ?? []).length >= minWords;
}

/**
 * `{type: "tool", content: JSON.stringify(orderDetails)}` with `orderDetails = {message: "Successfully purchased stock",
 * …}` (or `json.dumps({...})`): a tool result serialised from an object; the texts the code writes into its fields are
 * read by the model with the data. Fields only, one level (the nested records are data).
 */
export function serializedResultTexts(syntax: LanguageSyntax, content: SyntaxNode): SyntaxNode[] {
  if (!isCallNode(content) || !/^(JSON\.stringify|json\.dumps)$/.test(syntax.callee(content))) return [];
  const first = syntax.args(content).positional[0];
  const record = first ? syntax.entries(syntax.resolve(first)) : undefined;
  return record ? [...record.values()].slice(0, 20) : [];
}

function isCallNode(node: SyntaxNode): boolean {
  return node.type === 'call_expression' || node.type === 'call';
}
