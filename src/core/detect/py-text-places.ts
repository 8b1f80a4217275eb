/**
 * Where a Python value goes within its statement: into a text (an f-string, a `.format(…)` argument, a `+`/`%` with a
 * string) or a log, print or error, which no model reads. Shared by the schema rules (schema-senders.ts,
 * held-schema-senders-py.ts, schema-dicts-py.ts): a schema dumped into a prompt is sent, one dumped into a log is not.
 */
import type { SyntaxNode } from './parser';

/** Calls whose text is shown or logged, never sent: `print`, `logger.info`, `warnings.warn`. */
export const NOT_A_MESSAGE = /^(print|log|logger|logging|warnings|console)\b|\.(debug|info|warning|warn|error|exception|critical)$/;

/** The value of `node` goes into a text before its statement ends (or `stop`, the function it is read in), outside a log or an error. */
export function inText(node: SyntaxNode, stop?: SyntaxNode): boolean {
  let text = false;
  for (let n = node.parent, child: SyntaxNode = node; n && n.id !== stop?.id; child = n, n = n.parent) {
    if (n.type === 'raise_statement' || n.type === 'assert_statement') return false;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function')?.text ?? '';
      if (NOT_A_MESSAGE.test(callee)) return false;
      if (/\.format$/.test(callee) && child.type === 'argument_list') text = true;
    }
    if (n.type === 'interpolation') text = true;
    if (n.type === 'binary_operator' && /^[+%]$/.test(n.childForFieldName('operator')?.text ?? '') && n.namedChildren.some((c) => c?.type === 'string')) text = true;
    if (n.type === 'assignment' || /(_statement|_definition)$/.test(n.type) || n.type === 'block' || n.type === 'module') return text;
  }
  return text;
}

/** The local a statement of `def` assigns a value built from `node` to (`schema = dumps(…)` → `schema`). */
export function assignedLocal(node: SyntaxNode, def: SyntaxNode): string | undefined {
  for (let n = node.parent; n && n.id !== def.id; n = n.parent) {
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      return left?.type === 'identifier' ? left.text : undefined;
    }
    if (n.type === 'expression_statement' || n.type === 'block') return undefined;
  }
  return undefined;
}
