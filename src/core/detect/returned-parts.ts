/**
 * Texts a helper function of the file returns, spliced into a prompt through its call:
 * `` `…${buildUserInstructions(extra)}` ``, or through a local holding the call
 * (`const guideline = getDescriptionInstruction();` … `` `…${guideline}` ``).
 *
 * The idiom recurs across repositories: a prompt is composed from small builders, each returning a written
 * fragment (`return "\n\n# Custom Instructions …"`), a choice between two (`cond ? "Add a short description …" :
 * "Don't add any descriptions …"`) or a constant of the module (`cond ? GITMOJI_HELP : CONVENTIONAL_KEYWORDS`).
 * What the builder returns is sent inside the prompt, so each written fragment is a prompt site of its own.
 * The caller applies the same filters as for a spliced constant (a fragment of too few characters, a web address
 * or a text made only of splices is not taken), so a builder returning `""` or `${a}\n${b}` adds nothing.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { isCallNode } from './model-uses';
import { render } from './text';

/** Returns read per builder, and branches of nested choices followed. */
const MAX_RETURNS = 12;
const MAX_CHOICE_DEPTH = 3;
/** Words a returned fragment writes outside XML-like tags: `<tweets-in-group>\n${text}\n</tweets-in-group>` wraps data. */
const MIN_WORDS = 3;
const WORD = /[A-Za-z]{2,}/g;
const TAG = /<\/?[A-Za-z][\w-]*(\s[^>]*)?>/g;
const FUNCTION_TYPES = /^(function_declaration|function_definition|arrow_function|function_expression|function|method_definition)$/;

/**
 * The written values returned by the builder that `expr` (a splice's expression) calls, directly or through a
 * local holding the call. Empty when `expr` is no call of a function declared in this file.
 */
export function returnedParts(syntax: LanguageSyntax, expr: SyntaxNode | undefined): SyntaxNode[] {
  const fn = builderOf(syntax, expr);
  return fn ? returnedTexts(syntax, fn) : [];
}

/** The written values a function returns: returned literals, both branches of a returned choice, a constant a branch names. */
export function returnedTexts(syntax: LanguageSyntax, fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const returned of syntax.returns(fn).slice(0, MAX_RETURNS)) out.push(...choices(syntax, returned, 0));
  return out.filter((n) => (render(syntax.text(n)).literalText.replace(TAG, ' ').match(WORD) ?? []).length >= MIN_WORDS);
}

/** The function of this file a splice calls: `f(…)`, or a name bound to `f(…)` (`const g = f(…)`). */
function builderOf(syntax: LanguageSyntax, expr: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!expr) return undefined;
  let call: SyntaxNode | undefined = expr;
  if (expr.type === 'identifier') {
    const bound = syntax.resolve(expr);
    call = bound.id === expr.id ? undefined : bound;
  }
  if (!call || !isCallNode(call)) return undefined;
  const callee = call.childForFieldName('function');
  // A plain name only: a method (`self.render()`, `obj.format()`) is read by the assembled-prompts rules.
  if (callee?.type !== 'identifier') return undefined;
  const fn = syntax.resolve(callee);
  return fn.id !== callee.id && FUNCTION_TYPES.test(fn.type) ? fn : undefined;
}

/** `cond ? A : B` / `A if cond else B`: both branches; a name: the text it is bound to; else the value itself. */
function choices(syntax: LanguageSyntax, node: SyntaxNode, depth: number): SyntaxNode[] {
  let n = node;
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if (depth < MAX_CHOICE_DEPTH && n.type === 'ternary_expression') {
    return [n.childForFieldName('consequence'), n.childForFieldName('alternative')].flatMap((b) => (b ? choices(syntax, b, depth + 1) : []));
  }
  if (depth < MAX_CHOICE_DEPTH && n.type === 'conditional_expression') {
    // Python: `A if cond else B` has A and B as the first and last named children.
    const parts = n.namedChildren.filter((c): c is SyntaxNode => Boolean(c));
    return [parts[0], parts[parts.length - 1]].flatMap((b) => (b ? choices(syntax, b, depth + 1) : []));
  }
  if (n.type === 'identifier') {
    const target = syntax.resolve(n);
    return target.id !== n.id && syntax.isTextLiteral(target) ? [target] : [];
  }
  return syntax.isTextLiteral(n) ? [n] : [];
}
