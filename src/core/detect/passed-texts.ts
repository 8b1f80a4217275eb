/**
 * A prompt written inside a text helper's call: `prompt: trimPrompt(\`Given the contents …\`, 25_000)`,
 * `content: truncate(f"Summarize the following …", limit)`. A helper handed written prose first and put where
 * a prompt goes returns that prose (trimmed, truncated, cleaned): the prose is the prompt, reported where it
 * is written. Helpers that turn their argument into something else are left out: readers and loaders given a
 * path (`readFile(\`${dir}/system.md\`)`), fetches of a URL, serializers, translations keyed by a message id,
 * message and template constructors (read by their own rules), and a first argument that is not prose (a
 * path, a key, a single word).
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { literalLength, render } from './text';

/**
 * Helpers named for what they do to something else: read, load, fetch, parse, serialize, log, send, translate; and
 * the ones that ask the user (`input_with_fallback("How can I help? ")`, `promptUser(…)`, `askQuestion(…)`): their
 * text is shown to a person, and what the person types is what reaches the model.
 */
const VERB_FIRST = /^(read|load|open|fetch|request|get|require|import|encode|decode|parse|stringify|serialize|dump|log|print|warn|error|debug|info|assert|emit|send|post|write|save|translate|format_?path|to_?json|url|input|ask|confirm|question|getpass|readline|prompt_?[Uu]ser|prompt_?[Ii]nput)(?![a-z])/;
/** Whole names of non-pass-through helpers: translations, path and URL builders, serializers. */
const NAMED = /^(t|_|i18n|gettext|ngettext|path|join|resolve|url|URL|dumps|encodeURIComponent|escape|unescape|btoa|atob|hash|md5|sha\w*|uuid\w*)$/;
/** Classes and constructors (message, template, error): their own rules read them, or they are not prompts. */
const CONSTRUCTOR = /^[A-Z]|(Message|Template|Error|Exception)$/;
/** Prose: three words at least, separated by spaces. */
const PROSE = /[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}[^\S\n]+[A-Za-z]{2,}/;

/** The written text a pass-through helper call is given first, when the call is one; else undefined. */
export function passedText(syntax: LanguageSyntax, call: SyntaxNode): SyntaxNode | undefined {
  if (call.type !== 'call_expression' && call.type !== 'call') return undefined;
  const name = syntax.callee(call).split('.').pop() ?? '';
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || VERB_FIRST.test(name) || NAMED.test(name) || CONSTRUCTOR.test(name)) return undefined;
  // Helpers the syntax reads itself (`dedent(…)`, `.trim()`, `.join(…)`) keep their own reading.
  if (literalLength(syntax.text(call)) > 0) return undefined;
  const arg = syntax.args(call).positional[0];
  // `removeExtraLineBreaks(userContent)` after `const userContent = \`…\``: the local's written text is handed over.
  const first = arg?.type === 'identifier' ? syntax.resolve(arg) : arg;
  if (!first || !syntax.isTextLiteral(first)) return undefined;
  const text = syntax.text(first);
  if (literalLength(text) === 0) return undefined;
  return PROSE.test(render(text).literalText) ? first : undefined;
}

