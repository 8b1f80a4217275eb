/**
 * `FARA_FN_CALL_TEMPLATE = _build_fn_call_template(FARA_IDENTITY)`: a prompt-named value built by a function of
 * the same file whose return joins its parameter with written text and module constants
 * (`return identity + "\n\n" + CRITICAL_POINTS + "\n\nYou are provided with …"`). The joined return is the
 * prompt's body, and a text constant passed for a parameter the return splices in is part of it too (each
 * variant's identity preamble). Python only: a module of template variants built by one helper.
 *
 * A helper that returns something else (`_resolve("prompts/x.txt")` returning a joined path, a call's result)
 * brings nothing: the return must be a text with words of its own.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';
import { nameLedConcatenation } from './spliced-parts';

const WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
/** Returns read per helper. */
const MAX_RETURNS = 4;

export interface BuiltTemplate {
  /** The returned joins (and returned texts) with words of their own. */
  readonly bodies: SyntaxNode[];
  /** Text constants passed at the call for parameters a returned join splices in. */
  readonly passed: SyntaxNode[];
}

export function builtTemplate(syntax: LanguageSyntax, value: SyntaxNode): BuiltTemplate | undefined {
  if (syntax.language !== 'python' || value.type !== 'call') return undefined;
  const callee = value.childForFieldName('function');
  if (callee?.type !== 'identifier') return undefined;
  const helper = topLevelFunction(value, callee.text);
  if (!helper) return undefined;
  const bodies: SyntaxNode[] = [];
  for (const returned of syntax.returns(helper).slice(0, MAX_RETURNS)) {
    let inner = returned;
    while (inner.type === 'parenthesized_expression' && inner.namedChildren[0]) inner = inner.namedChildren[0];
    if (nameLedConcatenation(inner)?.ownText || (syntax.isTextLiteral(inner) && WORDS.test(inner.text))) bodies.push(inner);
  }
  if (!bodies.length) return undefined;
  const params = (helper.childForFieldName('parameters')?.namedChildren ?? []).map((p) => (p?.type === 'identifier' ? p.text : (p?.childForFieldName('name') ?? p?.namedChildren[0])?.text));
  const passed: SyntaxNode[] = [];
  for (const [i, arg] of syntax.args(value).positional.entries()) {
    const param = params[i];
    if (arg.type !== 'identifier' || !param || !bodies.some((b) => b.descendantsOfType('identifier').some((id) => id?.text === param))) continue;
    const target = syntax.resolve(arg);
    if (target.id !== arg.id && syntax.isTextLiteral(target) && WORDS.test(target.text)) passed.push(target);
  }
  return { bodies, passed };
}

/** The function of that name defined at the top level of the module `node` is in. */
function topLevelFunction(node: SyntaxNode, name: string): SyntaxNode | undefined {
  let root = node;
  while (root.parent) root = root.parent;
  for (const stmt of root.namedChildren) {
    const def = stmt?.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'function_definition' && def.childForFieldName('name')?.text === name) return def;
  }
  return undefined;
}
