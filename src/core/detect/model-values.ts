/** Values an SDK call is configured with: the tools it lists (its model: `model-resolve.ts`; its step count: `ai-sdk-steps.ts`). */
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
