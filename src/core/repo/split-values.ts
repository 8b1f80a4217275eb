/**
 * A `provider:model` or `provider/model` string split into its parts: `provider, model = spec.split(":", 1)`,
 * `spec.split("/", 1)[1]`. The settings hold one string naming both (`SMART_LLM = "openai:gpt-5.4"`); the code
 * splits it and sends the model part. Computed exactly: the receiver and the separator must be known strings, and
 * each part keeps the place of the string it came from (the settings line), so a model read this way points there.
 */
import type { Expr } from './facts';
import type { Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** The parts of `recv.split(sep[, maxsplit])` as a list, or undefined when the call is not one or is not known. */
export function splitParts(e: CallExpr, value: (x: Expr) => Val | undefined): Val | undefined {
  if (e.callee.k !== 'member' || e.callee.prop !== 'split' || e.args.length > 2) return undefined;
  const sepArg = e.args[0] ?? e.kw.sep;
  const maxArg = e.args[1] ?? e.kw.maxsplit;
  const sep = sepArg ? value(sepArg) : undefined;
  if (sepArg && sep?.t !== 'str') return undefined;
  const max = maxArg ? value(maxArg) : undefined;
  if (maxArg && max?.t !== 'num') return undefined;
  const recv = value(e.callee.obj);
  if (recv?.t !== 'str') return undefined;
  const parts = splitPython(recv.v, sep?.t === 'str' ? sep.v : undefined, max?.t === 'num' ? max.v : -1);
  if (!parts) return undefined;
  const items: Expr[] = parts.map((v) => ({ k: 'str', v, line: recv.at.line }));
  return { t: 'list', items, ctx: { path: recv.at.path } };
}

/** Python's `str.split`: at most `max` splits (negative: all); no separator splits on runs of whitespace. */
function splitPython(s: string, sep: string | undefined, max: number): string[] | undefined {
  if (sep === '') return undefined;
  const all = sep === undefined ? s.trim().split(/\s+/).filter(Boolean) : s.split(sep);
  if (max < 0 || all.length <= max + 1) return all;
  const joiner = sep ?? ' ';
  return [...all.slice(0, max), all.slice(max).join(joiner)];
}
