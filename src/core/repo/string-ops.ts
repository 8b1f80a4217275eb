/**
 * String methods the evaluator computes exactly: `name.replace("azure/", "")`, `id.trim()`,
 * `model.lower()`. A result is given only when the receiver and every argument are known strings
 * (a regular expression or a computed argument gives no value, never a guess such as the first
 * argument of `replace`). Client input stays client input through them: `body.model.trim()` is still
 * what the client sends.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The result of a string method call; `handled` false when the call is not one (the evaluator goes on). */
export interface StringOpResult {
  readonly handled: boolean;
  readonly value?: Val;
}

const NOT_HANDLED: StringOpResult = { handled: false };
const NO_VALUE: StringOpResult = { handled: true };

type Op = (s: string, args: readonly string[], python: boolean) => string | undefined;

const OPS: Readonly<Record<string, Op>> = {
  // JavaScript replaces the first occurrence of a string pattern, Python every occurrence.
  replace: (s, [from, to], python) => (from === undefined || to === undefined ? undefined : python ? s.split(from).join(to) : replaceFirst(s, from, to)),
  replaceAll: (s, [from, to]) => (from === undefined || to === undefined ? undefined : s.split(from).join(to)),
  trim: (s, args) => (args.length ? undefined : s.trim()),
  trimStart: (s, args) => (args.length ? undefined : s.trimStart()),
  trimEnd: (s, args) => (args.length ? undefined : s.trimEnd()),
  strip: (s, args) => (args.length ? undefined : s.trim()),
  lstrip: (s, args) => (args.length ? undefined : s.trimStart()),
  rstrip: (s, args) => (args.length ? undefined : s.trimEnd()),
  toLowerCase: (s, args) => (args.length ? undefined : s.toLowerCase()),
  toUpperCase: (s, args) => (args.length ? undefined : s.toUpperCase()),
  lower: (s, args) => (args.length ? undefined : s.toLowerCase()),
  upper: (s, args) => (args.length ? undefined : s.toUpperCase()),
  // `"".concat(a, ":", b)`: what an id template (`${provider}:${id}`) is read as (idTemplate).
  concat: (s, args) => s + args.join(''),
};

function replaceFirst(s: string, from: string, to: string): string {
  const at = s.indexOf(from);
  return at < 0 ? s : s.slice(0, at) + to + s.slice(at + from.length);
}

/** `recv.method(args)` for a string method of OPS, evaluated with `value`. */
export function stringOp(e: CallExpr, path: string, value: (x: Expr) => Val | undefined): StringOpResult {
  if (e.callee.k !== 'member' || !Object.prototype.hasOwnProperty.call(OPS, e.callee.prop)) return NOT_HANDLED;
  const recv = value(e.callee.obj);
  if (recv?.t === 'client') return { handled: true, value: recv };
  if (recv?.t !== 'str') return NOT_HANDLED;
  const args: string[] = [];
  // The place a joined id points to: the part that names the model (`${providerId}:${id}` → where `id` is written).
  let base: Val = recv;
  for (const a of e.args) {
    const v = a.k === 'str' ? a.v : value(a);
    if (typeof v !== 'string' && v?.t === 'client' && e.callee.prop === 'concat') return { handled: true, value: v };
    const s = typeof v === 'string' ? v : v?.t === 'str' ? v.v : undefined;
    if (s === undefined) return NO_VALUE;
    if (typeof v !== 'string' && v?.t === 'str' && e.callee.prop === 'concat' && s.length >= (base.t === 'str' ? base.v.length : 0)) base = v;
    args.push(s);
  }
  const out = OPS[e.callee.prop](recv.v, args, /\.pyi?$/.test(path));
  return out === undefined ? NO_VALUE : { handled: true, value: { ...base, v: out } as Val };
}

/** Literal parts an id template may have: separators and id characters, no words of prose. */
const ID_PART = /^[\w.:/@-]*$/;

/**
 * A template literal or f-string that builds an id from parts (`${providerId}:${id}`, `f"{vendor}/{model}"`), read as
 * `"".concat(…parts)` so the evaluator joins the parts when each is known. Only short templates whose literal parts
 * are separators or id characters: a prompt's template is text, not an id.
 */
export function idTemplate(node: SyntaxNode, line: number, exprOf: (n: SyntaxNode) => Expr): Expr | undefined {
  if (node.endIndex - node.startIndex > 160) return undefined;
  // Python: an f-string (`f"{provider}/{name}"`) on one line; its start and end quotes are children of their own.
  if (node.type === 'string' && !/^[fF][rR]?["']|^[rR][fF]["']/.test(node.text)) return undefined;
  const parts: Expr[] = [];
  let literal = '';
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'template_substitution' || c.type === 'interpolation') {
      const inner = c.namedChildren[0];
      // A conversion or format spec (`{x!r}`, `{n:03d}`) is not an id part.
      if (!inner || c.namedChildren.length > 1) return undefined;
      if (literal) parts.push({ k: 'str', v: literal, line });
      literal = '';
      parts.push(exprOf(inner));
    } else if (c.type === 'string_fragment' || c.type === 'string_content') {
      if (!ID_PART.test(c.text)) return undefined;
      literal += c.text;
    } else return undefined;
  }
  if (literal) parts.push({ k: 'str', v: literal, line });
  if (!parts.some((p) => p.k !== 'str') || parts.length > 8) return undefined;
  return { k: 'call', callee: { k: 'member', obj: { k: 'str', v: '', line }, prop: 'concat', line }, text: "''.concat", args: parts, kw: {}, line };
}
