/**
 * Every text a Python function writes into a local, not only its first binding: a tool loop sets one local
 * per outcome (`function_response = f"Function '{name}' executed: {out}"` in the `try`, `function_response =
 * f"Error executing function '{name}': {e}"` in the `except`, `error_msg = …` in each guard) and sends it as
 * the tool message's content, so each assignment is a text the model reads back.
 */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

const MAX_ASSIGNMENTS = 12;

/** The text literals assigned to the local `name` names in the function that holds it (both arms of a conditional). */
export function textsAssignedToLocal(syntax: LanguageSyntax, name: SyntaxNode): SyntaxNode[] {
  if (syntax.language !== 'python' || name.type !== 'identifier') return [];
  const out: SyntaxNode[] = [];
  for (const right of valuesAssignedToLocal(name)) {
    for (const value of arms(right)) if (syntax.isTextLiteral(value) && out.length < MAX_ASSIGNMENTS) out.push(value);
  }
  return out;
}

/** Python: the right sides of every plain assignment to the local `name` names, in the function that reads it. */
export function valuesAssignedToLocal(name: SyntaxNode): SyntaxNode[] {
  let fn: SyntaxNode | null = name.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return [];
  const out: SyntaxNode[] = [];
  for (const a of fn.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (left?.type === 'identifier' && left.text === name.text && right) out.push(right);
  }
  return out;
}

function arms(node: SyntaxNode): SyntaxNode[] {
  const n = node.type === 'parenthesized_expression' && node.namedChildren[0] ? node.namedChildren[0] : node;
  if (n.type !== 'conditional_expression') return [n];
  const kids = n.namedChildren.filter((c): c is SyntaxNode => Boolean(c));
  // `a if cond else b`: the first and last children are the two values.
  return kids.length === 3 ? [...arms(kids[0]), ...arms(kids[2])] : [n];
}
