/**
 * String methods the evaluator computes exactly: `name.replace("azure/", "")`, `id.trim()`,
 * `model.lower()`. A result is given only when the receiver and every argument are known strings
 * (a regular expression or a computed argument gives no value, never a guess such as the first
 * argument of `replace`). Client input stays client input through them: `body.model.trim()` is still
 * what the client sends.
 */
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
  for (const a of e.args) {
    const v = a.k === 'str' ? a.v : value(a);
    const s = typeof v === 'string' ? v : v?.t === 'str' ? v.v : undefined;
    if (s === undefined) return NO_VALUE;
    args.push(s);
  }
  const out = OPS[e.callee.prop](recv.v, args, /\.pyi?$/.test(path));
  return out === undefined ? NO_VALUE : { handled: true, value: { ...recv, v: out } };
}
