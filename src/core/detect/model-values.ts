/** Values an SDK call is configured with: the tools it lists, a step count (its model: `model-resolve.ts`). */
import type { SyntaxNode } from './parser';
import type { LanguageSyntax } from './syntax';

export function toolsFrom(syntax: LanguageSyntax, node: SyntaxNode): string[] {
  const out: string[] = [];
  const entries = syntax.entries(node);
  if (entries) return [...entries.keys()].slice(0, 50);
  const items = syntax.items(node) ?? [];
  for (const item of items.slice(0, 50)) {
    const s = syntax.stringConstant(item);
    if (s !== undefined) {
      out.push(s);
      continue;
    }
    const obj = syntax.entries(item);
    if (obj) {
      const fn = obj.get('function');
      const nameNode = obj.get('name') ?? (fn ? syntax.entries(fn)?.get('name') : undefined);
      const name = nameNode ? syntax.stringConstant(nameNode) : undefined;
      if (name) out.push(name);
      continue;
    }
    const target = syntax.resolve(item);
    if ((target.type === 'call' || target.type === 'call_expression') && syntax.args(target).positional[0]) {
      const inner = syntax.name(syntax.args(target).positional[0]);
      if (inner) {
        out.push(inner);
        continue;
      }
    }
    const name = syntax.name(item);
    if (name) out.push(name);
  }
  return out;
}

/** `stepCountIs(5)`, or the smallest of an array of conditions. */
export function stepCountIs(syntax: LanguageSyntax, node: SyntaxNode): number | undefined {
  const items = syntax.items(node);
  if (items) {
    const counts = items.map((i) => stepCountIs(syntax, i)).filter((v): v is number => v !== undefined);
    return counts.length ? Math.min(...counts) : undefined;
  }
  const target = syntax.resolve(node);
  if (target.type !== 'call_expression' || !/(stepCountIs|isStepCount)$/.test(syntax.callee(target))) return undefined;
  const first = syntax.args(target).positional[0];
  return first ? syntax.number(first) : undefined;
}
