/** Values an SDK call is configured with: the model it names, the tools it lists, a step count. */
import type { SyntaxNode } from './parser';
import { MODEL_ARG_KEYS, PROVIDER_FACTORY, providerHintOf } from './frameworks';
import type { LanguageSyntax } from './syntax';

/** The model an expression names: a string, `openai('gpt-4.1')`, `ChatOpenAI(model=…)`, `os.getenv("M", "gpt-4o")`. */
export function modelFrom(syntax: LanguageSyntax, node: SyntaxNode, depth: number): { model: string; provider?: string } | undefined {
  if (depth > 4) return undefined;
  const s = syntax.stringConstant(node);
  if (s !== undefined) return looksLikeModel(s) ? { model: s } : undefined;
  if (node.type === 'attribute' || node.type === 'member_expression') {
    // `self.config.model`: the field of that name declared in this file (a dataclass default, a class field).
    const name = syntax.name(node);
    const declared = name ? syntax.lookup(name, node) : undefined;
    return declared && declared.id !== node.id ? modelFrom(syntax, declared, depth + 1) : undefined;
  }
  const target = syntax.resolve(node);
  if (target.type !== 'call' && target.type !== 'call_expression' && target.type !== 'new_expression') return undefined;
  const callee = syntax.callee(target);
  const args = syntax.args(target);
  if (/^(os\.getenv|os\.environ\.get|getenv|environ\.get)$/.test(callee)) {
    const fallback = args.positional[1] ?? args.named.get('default');
    return fallback ? modelFrom(syntax, fallback, depth + 1) : undefined;
  }
  if (PROVIDER_FACTORY.test(callee)) {
    const first = args.positional[0];
    const id = first ? syntax.stringConstant(first) : undefined;
    return id && looksLikeModel(id) ? { model: id, provider: callee.split('.')[0] } : undefined;
  }
  for (const key of MODEL_ARG_KEYS) {
    const v = args.named.get(key);
    if (v) {
      const inner = modelFrom(syntax, v, depth + 1);
      if (inner) return { model: inner.model, provider: inner.provider ?? providerHintOf(callee) };
    }
  }
  const first = args.positional[0];
  if (first) {
    const inner = modelFrom(syntax, first, depth + 1);
    if (inner) return { model: inner.model, provider: inner.provider ?? providerHintOf(callee) };
  }
  return undefined;
}

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

function looksLikeModel(s: string): boolean {
  return /^[\w.:/@-]{2,120}$/.test(s) && /[a-z]/i.test(s);
}
