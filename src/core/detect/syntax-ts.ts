/** TypeScript / JavaScript view of a parse tree (tree-sitter typescript, tsx, javascript grammars). */
import type { SyntaxNode, SyntaxTree } from './parser';
import { type CallArgs, type Collected, type LanguageSyntax } from './syntax';
import { collectTypeScript, isFunctionNode, stringLiteralValue, unwrap } from './collect-ts';
import { arithmetic, MAX_DEPTH, SyntaxBase } from './syntax-base';
import { concat, dedent, decodeEscape, EMPTY_TEXT, join, literal, literalLength, mapLiterals, placeholder, type TextValue } from './text';

const DEDENT_HELPERS = /^(dedent|outdent|stripIndent|stripIndents|oneLine|oneLineTrim|codeBlock|html|md|markdown|String\.raw)$/;

export class TypeScriptSyntax extends SyntaxBase implements LanguageSyntax {
  readonly language = 'typescript' as const;
  protected readonly memberType = 'member_expression';

  collect(tree: SyntaxTree): Collected {
    return collectTypeScript(tree);
  }

  protected unwrap(node: SyntaxNode): SyntaxNode {
    return unwrap(node);
  }

  protected isName(node: SyntaxNode): boolean {
    return node.type === 'identifier' || node.type === 'shorthand_property_identifier';
  }

  protected isFunctionScope(node: SyntaxNode): boolean {
    return isFunctionNode(node);
  }

  protected isFunction(node: SyntaxNode): boolean {
    return isFunctionNode(node);
  }

  protected readCallee(call: SyntaxNode): string {
    const fn = call.childForFieldName(call.type === 'new_expression' ? 'constructor' : 'function');
    if (!fn) return '';
    return fn.text.replace(/\s+/g, '').replace(/\?\./g, '.').replace(/<[^()]*>$/, '');
  }

  protected readArgs(call: SyntaxNode): CallArgs {
    const list = call.childForFieldName('arguments');
    const positional: SyntaxNode[] = [];
    const named = new Map<string, SyntaxNode>();
    if (!list) return { positional, named };
    if (list.type === 'template_string') return { positional: [list], named };
    for (const arg of list.namedChildren) {
      if (!arg || arg.type === 'comment') continue;
      positional.push(arg);
      const entries = arg.type === 'object' ? this.entries(arg) : undefined;
      if (entries) for (const [k, v] of entries) if (!named.has(k)) named.set(k, v);
    }
    return { positional, named };
  }

  entries(node: SyntaxNode, depth = 0): Map<string, SyntaxNode> | undefined {
    const target = this.resolve(node);
    if (target.type !== 'object') return undefined;
    const out = new Map<string, SyntaxNode>();
    for (const child of target.namedChildren) {
      if (!child) continue;
      if (child.type === 'pair') {
        const key = child.childForFieldName('key');
        const value = child.childForFieldName('value');
        const name = key ? propertyName(key) : undefined;
        if (name !== undefined && value) out.set(name, value);
      } else if (child.type === 'shorthand_property_identifier') {
        out.set(child.text, child);
      } else if (child.type === 'spread_element' && depth < 3) {
        const inner = child.namedChildren[0];
        const spread = inner ? this.entries(inner, depth + 1) : undefined;
        if (spread) for (const [k, v] of spread) if (!out.has(k)) out.set(k, v);
      }
    }
    return out;
  }

  items(node: SyntaxNode): SyntaxNode[] | undefined {
    const target = this.resolve(node);
    if (target.type !== 'array') return undefined;
    return target.namedChildren.filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'comment');
  }

  name(node: SyntaxNode): string | undefined {
    const n = unwrap(node);
    if (n.type === 'identifier' || n.type === 'shorthand_property_identifier' || n.type === 'property_identifier') return n.text;
    if (n.type === 'member_expression') return n.childForFieldName('property')?.text;
    if (n.type === 'call_expression') return this.name(n.childForFieldName('function')!);
    return undefined;
  }

  number(node: SyntaxNode): number | undefined {
    const n = this.resolve(node);
    if (n.type === 'number') {
      const v = Number(n.text.replace(/_/g, ''));
      return Number.isFinite(v) ? v : undefined;
    }
    if (n.type === 'unary_expression' && n.text.startsWith('-')) {
      const inner = n.namedChildren[0];
      const v = inner ? this.number(inner) : undefined;
      return v === undefined ? undefined : -v;
    }
    if (n.type === 'binary_expression') {
      const op = n.childForFieldName('operator')?.text;
      const l = this.number(n.childForFieldName('left')!);
      const r = this.number(n.childForFieldName('right')!);
      return op === '??' || op === '||' ? (l ?? r) : arithmetic(op, l, r);
    }
    return undefined;
  }

  isTextLiteral(node: SyntaxNode): boolean {
    const n = unwrap(node);
    if (n.type === 'string' || n.type === 'template_string') return true;
    if (n.type === 'binary_expression' && n.childForFieldName('operator')?.text === '+') {
      return this.isTextLiteral(n.childForFieldName('left')!) || this.isTextLiteral(n.childForFieldName('right')!);
    }
    if (n.type === 'call_expression') {
      const fn = this.callee(n);
      const args = n.childForFieldName('arguments');
      if (args?.type === 'template_string') return true;
      if (/\.join$/.test(fn)) return n.childForFieldName('function')?.childForFieldName('object')?.type === 'array';
      if (/\.(trim|trimStart|trimEnd)$/.test(fn)) return this.isTextLiteral(this.receiver(n)!);
      if (DEDENT_HELPERS.test(fn)) return true;
    }
    return false;
  }

  protected evaluate(node: SyntaxNode, depth: number): TextValue {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return placeholder(n.text);
    switch (n.type) {
      case 'string':
        return literal(stringLiteralValue(n) ?? '');
      case 'template_string':
        return this.template(n, depth);
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text;
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!left || !right) return placeholder(n.text);
        if (op === '+') return concat(this.text(left, depth + 1), this.text(right, depth + 1));
        if (op === '??' || op === '||') return this.eitherText(left, right, depth);
        return placeholder(n.text);
      }
      case 'ternary_expression': {
        const a = n.childForFieldName('consequence');
        return a ? this.text(a, depth + 1) : placeholder(n.text);
      }
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.nameText(n, depth);
      case 'call_expression':
        return this.callText(n, depth);
      case 'spread_element': {
        const inner = n.namedChildren[0];
        return placeholder(inner ? inner.text : n.text);
      }
      default:
        return placeholder(n.text);
    }
  }

  private template(n: SyntaxNode, depth: number): TextValue {
    const parts: TextValue[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_fragment') parts.push(literal(c.text));
      else if (c.type === 'escape_sequence') parts.push(literal(decodeEscape(c.text)));
      else if (c.type === 'template_substitution') {
        const expr = c.namedChildren[0];
        if (!expr) continue;
        const inner = this.text(expr, depth + 1);
        // Inline text declared in this file (with its own placeholders); otherwise the substitution is a placeholder named after the expression.
        parts.push(literalLength(inner) > 0 ? inner : placeholder(expr.text));
      }
    }
    return concat(...parts);
  }

  private callText(n: SyntaxNode, depth: number): TextValue {
    const fn = this.callee(n);
    const argsNode = n.childForFieldName('arguments');
    if (argsNode?.type === 'template_string') {
      const inner = this.template(argsNode, depth + 1);
      return DEDENT_HELPERS.test(fn) && fn !== 'String.raw' ? mapLiterals(inner, (t) => dedent(t.replace(/^\n/, '')).trim()) : inner;
    }
    const args = argsNode?.namedChildren.filter((c): c is SyntaxNode => Boolean(c)) ?? [];
    if (/\.join$/.test(fn)) {
      const receiver = this.receiver(n);
      const items = receiver ? this.items(receiver) : undefined;
      if (items) {
        const sep = args[0] ? (this.stringConstant(args[0]) ?? '') : ',';
        return join(items.map((i) => this.text(i, depth + 1)), sep);
      }
    }
    if (/\.(trim|trimStart|trimEnd)$/.test(fn)) {
      const receiver = this.receiver(n);
      if (receiver) return mapLiterals(this.text(receiver, depth + 1), (t) => t.trim());
    }
    if (DEDENT_HELPERS.test(fn) && args[0]) return mapLiterals(this.text(args[0], depth + 1), (t) => dedent(t.replace(/^\n/, '')).trim());
    return this.returnedText(n.childForFieldName('function'), depth) ?? placeholder(n.text);
  }

  docstring(): SyntaxNode | undefined {
    return undefined;
  }

  returns(fn: SyntaxNode): SyntaxNode[] {
    const body = fn.childForFieldName('body');
    if (!body) return [];
    if (body.type !== 'statement_block') return [body];
    const out: SyntaxNode[] = [];
    const visit = (node: SyntaxNode): void => {
      for (const c of node.namedChildren) {
        if (!c || isFunctionNode(c)) continue;
        if (c.type === 'return_statement') {
          const e = c.namedChildren[0];
          if (e) out.push(e);
        } else visit(c);
      }
    };
    visit(body);
    return out;
  }
}

function propertyName(key: SyntaxNode): string | undefined {
  if (key.type === 'property_identifier' || key.type === 'identifier') return key.text;
  if (key.type === 'string') return stringLiteralValue(key);
  if (key.type === 'number') return key.text;
  return undefined;
}

export { EMPTY_TEXT };
