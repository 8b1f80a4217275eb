/**
 * Defaulted parameters of an inline callback as locals of the function it is written in. A callback
 * passed to a framework (`tool({ execute: async ({ topic, maxDepth = 7 }) => { while (depth < maxDepth) … } })`)
 * is no function of its own in the facts, so its loop belongs to the enclosing function, where the
 * parameter would be an unknown name. The framework fills in only what the tool's schema names, so the
 * default is the value the body sees; a callback parameter without a default stays unknown.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { FunctionBucket } from './extract-shared';

const INLINE = ['arrow_function', 'function_expression', 'function'];

export function addInlineParamDefaults(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: (n: SyntaxNode, depth: number) => Expr, depth: number): void {
  const own = new Set(buckets.map((b) => b.node.id));
  for (const fn of root.descendantsOfType(INLINE)) {
    if (!fn || own.has(fn.id)) continue;
    const owner = innermost(buckets, fn.startIndex, fn.endIndex);
    if (!owner) continue;
    for (const [name, value] of defaultedParams(fn)) owner.locals[name] ??= expr(value, depth);
  }
}

/** `({ a, b = 7 })` and `(b = 7)`: each defaulted name with its default. */
function defaultedParams(fn: SyntaxNode): Array<[string, SyntaxNode]> {
  const out: Array<[string, SyntaxNode]> = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const pattern = p.childForFieldName('pattern') ?? p;
    const value = p.childForFieldName('value');
    if (pattern.type === 'identifier' && value) out.push([pattern.text, value]);
    else if (pattern.type === 'assignment_pattern') {
      const left = pattern.childForFieldName('left');
      const right = pattern.childForFieldName('right');
      if (left?.type === 'identifier' && right) out.push([left.text, right]);
    } else if (pattern.type === 'object_pattern') {
      for (const e of pattern.namedChildren) {
        if (e?.type !== 'object_assignment_pattern') continue;
        const left = e.childForFieldName('left');
        const right = e.childForFieldName('right');
        if (left?.type === 'shorthand_property_identifier_pattern' && right) out.push([left.text, right]);
      }
    }
  }
  return out;
}

function innermost(buckets: readonly FunctionBucket[], start: number, end: number): FunctionBucket | undefined {
  let best: FunctionBucket | undefined;
  for (const b of buckets) {
    if (b.node.startIndex <= start && end <= b.node.endIndex && (!best || b.node.endIndex - b.node.startIndex < best.node.endIndex - best.node.startIndex)) best = b;
  }
  return best;
}
