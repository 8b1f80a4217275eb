/** Python view of a parse tree (tree-sitter python grammar). */
import type { SyntaxNode, SyntaxTree } from './parser';
import { returnedByCall, type CallArgs, type Collected, type LanguageSyntax } from './syntax';
import { collectPython } from './collect-py';
import { arithmetic, MAX_DEPTH, SyntaxBase } from './syntax-base';
import { concat, dedent, join, literal, literalLength, mapLiterals, placeholder, type TextValue } from './text';

const DEDENT_CALLS = /^(textwrap\.)?dedent$|^(inspect\.)?cleandoc$/;

export class PythonSyntax extends SyntaxBase implements LanguageSyntax {
  readonly language = 'python' as const;
  protected readonly memberType = 'attribute';

  protected unwrap(node: SyntaxNode): SyntaxNode {
    return unwrap(node);
  }

  protected isName(node: SyntaxNode): boolean {
    return node.type === 'identifier';
  }

  protected isFunctionScope(node: SyntaxNode): boolean {
    return isFunctionScope(node);
  }

  protected isFunction(node: SyntaxNode): boolean {
    return isFunction(node);
  }

  collect(tree: SyntaxTree): Collected {
    return collectPython(tree);
  }

  protected readCallee(call: SyntaxNode): string {
    let fn = call.childForFieldName('function');
    // `Agent[Deps, Output](…)`: the generic parameters are not part of the name.
    if (fn?.type === 'subscript') fn = fn.childForFieldName('value');
    return fn ? fn.text.replace(/\s+/g, '') : '';
  }

  /** `depth`: how many `**x` splats were followed to get here (a dict built from itself must not recurse forever). */
  protected readArgs(call: SyntaxNode, depth: number): CallArgs {
    const list = call.childForFieldName('arguments');
    const positional: SyntaxNode[] = [];
    const named = new Map<string, SyntaxNode>();
    if (!list) return { positional, named };
    for (const arg of list.namedChildren) {
      if (!arg || arg.type === 'comment') continue;
      if (arg.type === 'keyword_argument') {
        const name = arg.childForFieldName('name');
        const value = arg.childForFieldName('value');
        if (name && value) named.set(name.text, value);
      } else if (arg.type === 'dictionary_splat') {
        const inner = arg.namedChildren[0];
        const entries = inner && depth < 4 ? this.entries(inner, depth + 1) : undefined;
        if (entries) for (const [k, v] of entries) if (!named.has(k)) named.set(k, v);
      } else if (arg.type !== 'list_splat') positional.push(arg);
    }
    return { positional, named };
  }

  entries(node: SyntaxNode, depth = 0): Map<string, SyntaxNode> | undefined {
    const target = this.resolve(node);
    if (target.type === 'dictionary') {
      const out = new Map<string, SyntaxNode>();
      for (const c of target.namedChildren) {
        if (c?.type !== 'pair') continue;
        const key = c.childForFieldName('key');
        const value = c.childForFieldName('value');
        const name = key ? plainString(key) : undefined;
        if (name !== undefined && value) out.set(name, value);
      }
      return out;
    }
    // `dict(role="user", content=…)`
    if (target.type === 'call' && this.callee(target) === 'dict') return new Map(this.readArgs(target, depth + 1).named);
    // `**self._prepare_params()`: the dict a function of this file builds.
    if (target.type === 'call' && depth < 3) {
      const returned = returnedByCall(this, target, target.childForFieldName('function'), isFunction);
      if (returned) return this.entries(returned, depth + 1);
    }
    return undefined;
  }

  items(node: SyntaxNode): SyntaxNode[] | undefined {
    const target = this.resolve(node);
    if (target.type !== 'list' && target.type !== 'tuple') return undefined;
    return target.namedChildren.filter((c): c is SyntaxNode => Boolean(c) && c!.type !== 'comment');
  }

  name(node: SyntaxNode): string | undefined {
    const n = unwrap(node);
    if (n.type === 'identifier') return n.text;
    if (n.type === 'attribute') return n.childForFieldName('attribute')?.text;
    if (n.type === 'call') return this.name(n.childForFieldName('function')!);
    return undefined;
  }

  number(node: SyntaxNode): number | undefined {
    const n = this.resolve(node);
    if (n.type === 'integer' || n.type === 'float') {
      const v = Number(n.text.replace(/_/g, ''));
      return Number.isFinite(v) ? v : undefined;
    }
    if (n.type === 'unary_operator' && n.text.startsWith('-')) {
      const inner = n.childForFieldName('argument');
      const v = inner ? this.number(inner) : undefined;
      return v === undefined ? undefined : -v;
    }
    if (n.type === 'binary_operator') {
      const op = n.childForFieldName('operator')?.text;
      return arithmetic(op, this.number(n.childForFieldName('left')!), this.number(n.childForFieldName('right')!));
    }
    if (n.type === 'boolean_operator') return this.number(n.childForFieldName('left')!) ?? this.number(n.childForFieldName('right')!);
    if (n.type === 'call' && /^(int|os\.getenv|os\.environ\.get)$/.test(this.callee(n))) {
      const args = this.args(n).positional;
      const last = args[args.length - 1];
      if (last) return this.number(last) ?? (this.stringConstant(last) !== undefined ? Number(this.stringConstant(last)) : undefined);
    }
    return undefined;
  }

  isTextLiteral(node: SyntaxNode): boolean {
    const n = unwrap(node);
    if (n.type === 'string' || n.type === 'concatenated_string') return true;
    if (n.type === 'binary_operator') return this.isTextLiteral(n.childForFieldName('left')!);
    if (n.type === 'call') {
      const fn = this.callee(n);
      const receiver = this.receiver(n);
      if (/\.join$/.test(fn)) return receiver?.type === 'string';
      if (/\.(strip|lstrip|rstrip|format)$/.test(fn) && receiver) return this.isTextLiteral(receiver);
      if (DEDENT_CALLS.test(fn)) return true;
    }
    return false;
  }

  protected evaluate(node: SyntaxNode, depth: number): TextValue {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return placeholder(n.text);
    switch (n.type) {
      case 'string':
        return this.stringText(n, depth);
      case 'concatenated_string':
        return concat(...n.namedChildren.filter((c): c is SyntaxNode => c?.type === 'string').map((c) => this.stringText(c, depth)));
      case 'binary_operator': {
        const op = n.childForFieldName('operator')?.text;
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (!left || !right) return placeholder(n.text);
        if (op === '+') return concat(this.text(left, depth + 1), this.text(right, depth + 1));
        if (op === '%') return this.text(left, depth + 1);
        return placeholder(n.text);
      }
      case 'boolean_operator':
        return this.eitherText(n.childForFieldName('left')!, n.childForFieldName('right')!, depth);
      case 'conditional_expression': {
        const first = n.namedChildren[0];
        return first ? this.text(first, depth + 1) : placeholder(n.text);
      }
      case 'identifier':
        return this.nameText(n, depth);
      case 'call':
        return this.callText(n, depth);
      default:
        return placeholder(n.text);
    }
  }

  private stringText(n: SyntaxNode, depth: number): TextValue {
    const start = n.namedChildren.find((c) => c?.type === 'string_start')?.text ?? '"';
    const prefix = /^[A-Za-z]*/.exec(start)![0].toLowerCase();
    const raw = prefix.includes('r');
    const isF = prefix.includes('f');
    const parts: TextValue[] = [];
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'string_content') {
        let t = raw ? c.text : decodePythonEscapes(c.text);
        if (isF) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
        parts.push(literal(t));
      } else if (c.type === 'escape_interpolation') {
        parts.push(literal(c.text.slice(1)));
      } else if (c.type === 'interpolation') {
        const expr = c.childForFieldName('expression') ?? c.namedChildren[0];
        if (!expr) continue;
        const inner = this.text(expr, depth + 1);
        parts.push(literalLength(inner) > 0 ? inner : placeholder(expr.text));
      }
    }
    return concat(...parts);
  }

  private callText(n: SyntaxNode, depth: number): TextValue {
    const fn = this.callee(n);
    const receiver = this.receiver(n);
    const { positional } = this.args(n);
    if (/\.join$/.test(fn) && receiver) {
      const sep = this.stringConstant(receiver);
      const items = positional[0] ? this.items(positional[0]) : undefined;
      if (sep !== undefined && items) return join(items.map((i) => this.text(i, depth + 1)), sep);
    }
    if (/\.(strip|lstrip|rstrip)$/.test(fn) && receiver) return mapLiterals(this.text(receiver, depth + 1), (t) => t.trim());
    if (/\.format$/.test(fn) && receiver) return this.text(receiver, depth + 1);
    if (DEDENT_CALLS.test(fn) && positional[0]) return mapLiterals(this.text(positional[0], depth + 1), (t) => dedent(t.replace(/^\n/, '')));
    return this.returnedText(n.childForFieldName('function'), depth) ?? placeholder(n.text);
  }

  docstring(fn: SyntaxNode): SyntaxNode | undefined {
    const def = fn.type === 'decorated_definition' ? fn.childForFieldName('definition') : fn;
    const body = def?.childForFieldName('body');
    const first = body?.namedChildren.find((c) => c?.type !== 'comment');
    if (first?.type !== 'expression_statement') return undefined;
    const expr = first.namedChildren[0];
    return expr?.type === 'string' || expr?.type === 'concatenated_string' ? expr : undefined;
  }

  returns(fn: SyntaxNode): SyntaxNode[] {
    const def = fn.type === 'decorated_definition' ? fn.childForFieldName('definition') : fn;
    const body = def?.childForFieldName('body');
    if (!body) return [];
    const out: SyntaxNode[] = [];
    const visit = (node: SyntaxNode): void => {
      for (const c of node.namedChildren) {
        if (!c || c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'decorated_definition') continue;
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

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (let i = 0; i < 8; i++) {
    if (n.type === 'parenthesized_expression' || n.type === 'await') {
      const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
      if (!inner) return n;
      n = inner;
    } else return n;
  }
  return n;
}

function isFunction(n: SyntaxNode): boolean {
  return n.type === 'function_definition' || n.type === 'decorated_definition' || n.type === 'lambda';
}

/** The value of a plain (non-f) string literal: dict keys, kwargs names. */
function plainString(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((c) => c?.type === 'string_content')
    .map((c) => c!.text)
    .join('');
}

const PY_ESCAPE = /\\(N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\r?\n|.)/g;

function decodePythonEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(PY_ESCAPE, (m, body: string) => {
    const c = body[0];
    if (c === '\n' || c === '\r') return '';
    if (c === 'n') return '\n';
    if (c === 't') return '\t';
    if (c === 'r') return '\r';
    if (c === 'x' || c === 'u' || c === 'U') {
      const code = Number.parseInt(body.slice(1), 16);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    if (/^[0-7]/.test(body)) return String.fromCharCode(Number.parseInt(body, 8));
    if (c === 'N') return '?';
    if (c === '\\' || c === "'" || c === '"') return c;
    return m;
  });
}

function isFunctionScope(n: SyntaxNode): boolean {
  return n.type === 'function_definition' || n.type === 'lambda';
}
