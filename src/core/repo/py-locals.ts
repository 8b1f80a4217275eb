/**
 * Python locals the declaration list does not hold: `with open(path) as f:` binds `f` to the opened file
 * (`yaml.safe_load(f)` then reads that file). Found in one native walk per file and placed in the
 * innermost function, like the other locals (extract-shared.ts).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { FunctionBucket } from './extract-shared';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

export function addWithAliases(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: ExprOf, depth: number): void {
  if (!buckets.length) return;
  for (const a of root.descendantsOfType('as_pattern')) {
    if (a?.parent?.type !== 'with_item') continue;
    const value = a.namedChildren[0];
    const alias = a.childForFieldName('alias') ?? a.namedChildren[1];
    const id = alias?.type === 'identifier' ? alias : alias?.namedChildren.find((x) => x?.type === 'identifier');
    if (!value || !id) continue;
    let owner: FunctionBucket | undefined;
    for (const b of buckets) if (b.node.startIndex <= a.startIndex && a.endIndex <= b.node.endIndex && (!owner || b.node.startIndex >= owner.node.startIndex)) owner = b;
    if (owner) owner.locals[id.text] ??= expr(value, depth);
  }
}

const PATTERN = /^(pattern_list|tuple_pattern|list_pattern)$/;

/**
 * Names bound by unpacking: `client, model = create_client(name)` binds `model` to item 1 of what the call returns
 * (`return anthropic.Anthropic(), model` → a tuple), and a loop's target is bound to the first item it runs on
 * (`for name, llm in chain:`, `for i, (name, llm) in enumerate(chain):` → `chain[0]`): the first pass is the one a
 * fallback chain sends on and the one a default run prices. Module-level names go to the module's values.
 */
export function addUnpackedLocals(root: SyntaxNode, buckets: readonly FunctionBucket[], expr: ExprOf, depth: number, values: Record<string, Expr>): void {
  const bind = (node: SyntaxNode, name: string, value: Expr): void => {
    let owner: FunctionBucket | undefined;
    for (const b of buckets) if (b.node.startIndex <= node.startIndex && node.endIndex <= b.node.endIndex && (!owner || b.node.startIndex >= owner.node.startIndex)) owner = b;
    // A parameter rebound by a loop or an unpacking (`for msg in history: print(msg)` after the request) keeps its
    // callers' value: the body's own rebinding mostly comes after the uses a request makes of it.
    if (owner) {
      if (!paramNames(owner.node).has(name)) owner.locals[name] ??= value;
    } else if (!insideClassBody(node)) values[name] ??= value;
  };
  // `self.provider, self.model = self.parse_llm(spec)`: attributes of the method's class, like `self.x = …`.
  const bindSelf = (node: SyntaxNode, attr: string, value: Expr): void => {
    let owner: FunctionBucket | undefined;
    for (const b of buckets) if (b.node.startIndex <= node.startIndex && node.endIndex <= b.node.endIndex && (!owner || b.node.startIndex >= owner.node.startIndex)) owner = b;
    if (owner?.className) owner.selfAttrs[attr] ??= value;
  };
  const unpack = (at: SyntaxNode, pattern: SyntaxNode, value: Expr): void => {
    const line = pattern.startPosition.row + 1;
    pattern.namedChildren.forEach((p, i) => {
      if (!p) return;
      const item: Expr = { k: 'index', obj: value, key: String(i), line };
      if (p.type === 'identifier') bind(at, p.text, item);
      else if (PATTERN.test(p.type)) unpack(at, p, item);
      else if (p.type === 'attribute' && p.childForFieldName('object')?.text === 'self' && at.type === 'assignment') bindSelf(at, p.childForFieldName('attribute')?.text ?? '', item);
    });
  };
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (a && left && right && PATTERN.test(left.type)) unpack(a, left, expr(right, depth));
  }
  for (const f of root.descendantsOfType('for_statement')) {
    const left = f?.childForFieldName('left');
    const right = f?.childForFieldName('right');
    if (!f || !left || !right) continue;
    const first = firstItem(right, expr, depth);
    if (!first) continue;
    if (first.enumerated) {
      // `for i, x in enumerate(xs)`: x is xs[0]; the counter is not a value anyone follows.
      const target = PATTERN.test(left.type) ? left.namedChildren[1] : undefined;
      if (target?.type === 'identifier') bind(f, target.text, first.value);
      else if (target && PATTERN.test(target.type)) unpack(f, target, first.value);
    } else if (left.type === 'identifier') bind(f, left.text, first.value);
    else if (PATTERN.test(left.type)) unpack(f, left, first.value);
  }
}

/** The first item a loop runs on: `xs[0]`, or `xs[0]` of `enumerate(xs)` (then `enumerated`). */
function firstItem(iterable: SyntaxNode, expr: ExprOf, depth: number): { value: Expr; enumerated: boolean } | undefined {
  const line = iterable.startPosition.row + 1;
  if (iterable.type === 'call') {
    const fn = iterable.childForFieldName('function')?.text;
    const arg = iterable.childForFieldName('arguments')?.namedChildren[0];
    if (fn !== 'enumerate' || !arg || arg.type === 'keyword_argument') return undefined;
    return { value: { k: 'index', obj: expr(arg, depth), key: '0', line }, enumerated: true };
  }
  if (iterable.type !== 'identifier' && iterable.type !== 'attribute' && iterable.type !== 'list' && iterable.type !== 'tuple') return undefined;
  return { value: { k: 'index', obj: expr(iterable, depth), key: '0', line }, enumerated: false };
}

function insideClassBody(node: SyntaxNode): boolean {
  const block = node.parent?.parent;
  return block?.type === 'block' && block.parent?.type === 'class_definition';
}

const paramMemo = new WeakMap<SyntaxNode, Set<string>>();

/** The names a function's parameters bind (`self`, `msg`, `*args`, `model="x"`, `llm: BaseLlm`). */
function paramNames(fn: SyntaxNode): Set<string> {
  let names = paramMemo.get(fn);
  if (names) return names;
  names = new Set<string>();
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!p) continue;
    const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier'));
    if (id?.type === 'identifier') names.add(id.text);
  }
  paramMemo.set(fn, names);
  return names;
}
