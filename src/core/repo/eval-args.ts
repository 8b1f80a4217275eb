/**
 * Pure readings of a call's arguments and of a path expression for the evaluator (evaluate.ts): which argument
 * carries client input, which names a file a loader reads, and the literal path an expression spells. The
 * evaluator passes itself in as `value` so these stay free of its state.
 */
import type { Expr } from './facts';
import { isRequestBody } from './model-flow';
import type { Ctx, Val } from './values';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** A call we cannot follow given client input (`schema.parse(body)`, a helper of `model` from the body): still client input. */
export function clientInputArg(e: CallExpr, path: string, value: (a: Expr) => Val | undefined): Val | undefined {
  for (const a of [...e.args, ...Object.values(e.kw)].slice(0, 4)) {
    // `schema.safeParse(await req.json())`: the body itself as the argument.
    if (a.k === 'call' && isRequestBody(a)) return { t: 'client', path, line: a.line };
    if (a.k !== 'name' && a.k !== 'member') continue;
    const v = value(a);
    if (v?.t === 'client') return v;
  }
  return undefined;
}

/** `load_config("config.yaml")`, `load_prompt("system.md")`: the file name a helper outside the repository is given. */
export function loaderFileArg(e: CallExpr): Expr | undefined {
  if (!/(load|read|open|get_prompt|prompt|template|config)/i.test(e.text)) return undefined;
  const first = e.args[0];
  return first?.k === 'str' && /\.(md|txt|ya?ml|json|toml|j2|jinja2?|prompt)$/i.test(first.v) ? first : undefined;
}

/** The literal parts of a path expression, joined: `Path(__file__).parent / "prompts" / "x.md"` → `prompts/x.md`. */
export function joinedPath(e: Expr, value: (x: Expr) => Val | undefined): string | undefined {
  const parts: string[] = [];
  const visit = (x: Expr): void => {
    if (x.k === 'path') x.parts.forEach(visit);
    else if (x.k === 'str') parts.push(x.v);
    else if (x.k === 'name' || x.k === 'member') {
      const v = value(x);
      if (v?.t === 'str') parts.push(v.v);
    }
  };
  visit(e);
  const joined = parts.filter((p) => p && p !== '__file__' && p !== '__dirname').join('/');
  return /\.[A-Za-z0-9]+$/.test(joined) ? joined : undefined;
}

/** An evaluation that gives up quietly: a cross-file answer is a hint, never a reason for the analysis to fail. */
export function tryEval(evaluator: { eval(e: Expr, ctx: Ctx): Val | undefined }, e: Expr, ctx: Ctx): Val | undefined {
  try {
    return evaluator.eval(e, ctx);
  } catch {
    return undefined;
  }
}
