/**
 * Attributes a class sets from a dict's entries: `for key, value in config.items(): setattr(self, key.lower(), value)`
 * (a configuration class filling itself from a dict of defaults, or from `**kwargs`). Each key of the dict becomes an
 * attribute, so `cfg.smart_llm` is the dict's `"SMART_LLM"` entry. The dict is kept as the class's `**` attribute
 * (the convention of a call's `**` keyword: a dict whose keys are names) and read when no attribute of that name is
 * written anywhere else (evaluate.ts). The value set is the dict's own: an environment override in the loop is a
 * run-time choice, like any other.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { FunctionBucket } from './extract-shared';
import type { Val } from './values';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

const PATTERN = /^(pattern_list|tuple_pattern)$/;
/** `key`, `key.lower()`, `key.upper()`: the loop's key, maybe with its case changed. */
const KEY = /^([A-Za-z_]\w*)(\.(lower|upper)\(\))?$/;

/** Records, on the method holding it, the dict whose items a `setattr(self, key, value)` loop walks. */
export function addSetattrLoops(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: ExprOf, depth: number): void {
  if (!buckets.some((b) => b.className) || !root.text.includes('setattr(')) return;
  for (const call of root.descendantsOfType('call')) {
    if (call?.childForFieldName('function')?.text !== 'setattr') continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment') ?? [];
    const key = args[1] ? KEY.exec(args[1].text)?.[1] : undefined;
    if (args.length !== 3 || args[0]?.text !== 'self' || !key) continue;
    let loop: SyntaxNode | null = call.parent;
    while (loop && loop.type !== 'for_statement' && loop.type !== 'function_definition') loop = loop.parent;
    const left = loop?.type === 'for_statement' ? loop.childForFieldName('left') : undefined;
    const right = loop?.childForFieldName('right');
    if (!left || !PATTERN.test(left.type) || left.namedChildren[0]?.text !== key || right?.type !== 'call') continue;
    const items = right.childForFieldName('function');
    const dict = items?.type === 'attribute' && items.childForFieldName('attribute')?.text === 'items' && !right.childForFieldName('arguments')?.namedChildren.length ? items.childForFieldName('object') : undefined;
    if (!dict) continue;
    let owner: FunctionBucket | undefined;
    for (const b of buckets) if (b.node.startIndex <= call.startIndex && call.endIndex <= b.node.endIndex && (!owner || b.node.startIndex >= owner.node.startIndex)) owner = b;
    if (owner?.className) owner.selfAttrs['**'] ??= expr(dict, depth);
  }
}

/** The entry of a dict of attributes named `key` (exactly, else whatever its case: `key.lower()` set it). */
export function entryAttr(dict: Val | undefined, key: string, evalIn: (e: Expr, v: Extract<Val, { t: 'dict' }>) => Val | undefined): Val | undefined {
  if (dict?.t !== 'dict') return undefined;
  const name = key in dict.entries ? key : Object.keys(dict.entries).find((k) => k.toLowerCase() === key.toLowerCase());
  return name === undefined ? undefined : evalIn(dict.entries[name], dict);
}
