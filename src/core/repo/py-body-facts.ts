/**
 * Facts read from a Python function body as a whole (extract-py.ts builds the rest of the function's facts):
 * the `self.<holder>.<field>` reads of a method, and the model an object is switched to before it is handed on.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, FieldSetFact } from './facts';

const MAX_SELF_REFS = 120;
/** Fields of a chat-model object that name its model (LangChain's `model_name`, alias `model`). */
const MODEL_FIELD = /^(model|model_name|model_id|deployment_name)$/;

/** `self.<holder>.<field>` reads in a method body, each pair once (bounded: a method is read once per file version). */
export function selfAttributeReads(body: SyntaxNode): { holder: string; field: string; line: number }[] {
  const out: { holder: string; field: string; line: number }[] = [];
  const seen = new Set<string>();
  for (const n of body.descendantsOfType('attribute')) {
    const inner = n?.childForFieldName('object');
    if (!n || inner?.type !== 'attribute' || inner.childForFieldName('object')?.text !== 'self') continue;
    const holder = inner.childForFieldName('attribute')?.text;
    const field = n.childForFieldName('attribute')?.text;
    if (!holder || !field || seen.has(`${holder}.${field}`)) continue;
    seen.add(`${holder}.${field}`);
    out.push({ holder, field, line: n.startPosition.row + 1 });
    if (out.length >= MAX_SELF_REFS) break;
  }
  return out;
}

/**
 * `self.model.model_name = "gpt-3.5-turbo-16k"` as a statement of the body itself (not under a branch, which may
 * not run): the object `self.model` holds that model from here on, whatever it was built with, so a call below that
 * hands `self.model` on hands that model (evaluate.ts, caller-sets.ts). A plain `self.x = …` is an attribute
 * (classes' attrs), not a field set on a held object.
 */
export function modelFieldSets(body: SyntaxNode, expr: (n: SyntaxNode, depth: number) => Expr): FieldSetFact[] {
  const out: FieldSetFact[] = [];
  for (const statement of body.namedChildren) {
    const assignment = statement?.type === 'expression_statement' ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    const holder = left?.type === 'attribute' ? left.childForFieldName('object') : undefined;
    const field = left?.childForFieldName('attribute')?.text ?? '';
    if (!right || !holder || (holder.type !== 'attribute' && holder.type !== 'identifier') || holder.text === 'self' || !MODEL_FIELD.test(field)) continue;
    out.push({ holder: holder.text, field, value: expr(right, 0), line: assignment.startPosition.row + 1 });
  }
  return out;
}
