/**
 * Defaults of command-line options, the value a CLI application runs with when the user passes nothing:
 * - typer: `model: str = typer.Option(os.environ.get("MODEL", "gpt-4o"), "--model")` (the first argument is the
 *   default; `default=` in newer typer), `typer.Argument(…)` alike (typer.tiangolo.com, "CLI Options");
 * - argparse: `parser.add_argument("--model", default="gpt-4o")` read back as `args.model` from
 *   `args = parser.parse_args()` (the attribute is the option's `dest`: the long flag with `-` as `_`).
 */
import type { CalleeFact, Expr, FunctionFact } from './facts';
import type { StoredFile } from './store';

type CallExpr = Extract<Expr, { k: 'call' }>;

/** `typer.Option(default, …)` / `Option(…)` imported from typer: the default expression, unless required (`...`). */
export function typerOptionDefault(e: CallExpr, file: StoredFile | undefined): Expr | undefined {
  const segments = e.text.split('.');
  const last = segments[segments.length - 1];
  if (last !== 'Option' && last !== 'Argument') return undefined;
  const fromTyper = segments.length === 2 ? segments[0] === 'typer' : segments.length === 1 && file?.facts.imports.some((i) => i.local === last && /^typer(\.|$)/.test(i.module));
  if (!fromTyper) return undefined;
  const def = e.kw.default ?? e.args[0];
  return def && !(def.k === 'unknown' && def.text === '...') ? def : undefined;
}

/** `args.model` where `args = parser.parse_args()` in the same function (or module): the `default=` of its `add_argument`. */
const PARSES = /(^|\.)parse_(known_)?args$/;

export function parsedArgDefault(e: Extract<Expr, { k: 'member' }>, fn: FunctionFact | undefined, file: StoredFile | undefined): Expr | undefined {
  if (!file || e.obj.k !== 'name') return undefined;
  const holder = fn?.locals[e.obj.v] ?? file.facts.values[e.obj.v];
  // `args = parse_arguments()`, a helper of the file that parses them (`return parser.parse_args()`).
  const helper = holder?.k === 'call' && holder.callee.k === 'name' ? file.functions.get(holder.callee.v) : undefined;
  const parsed = holder?.k === 'call' && (PARSES.test(holder.text) || Boolean(helper?.calls.some((c) => PARSES.test(c.callee))));
  if (!parsed) return undefined;
  const wanted = e.prop;
  const scan = (calls: readonly CalleeFact[]): Expr | undefined => {
    for (const c of calls) {
      if (c.expr.k !== 'call' || !/(^|\.)add_argument$/.test(c.callee)) continue;
      const dest = c.expr.kw.dest?.k === 'str' ? c.expr.kw.dest.v : destOf(c.expr.args);
      if (dest === wanted) return c.expr.kw.default;
    }
    return undefined;
  };
  // Options are declared in the function that parses them, a builder it calls, or at module level: the file's calls.
  const own = fn ? scan(fn.calls) : undefined;
  if (own) return own;
  for (const other of file.functions.values()) {
    if (other === fn) continue;
    const found = scan(other.calls);
    if (found) return found;
  }
  return scan(file.facts.moduleCalls);
}

/** argparse's `dest` from the flags: the first long flag (`--model-name` → `model_name`), else a positional name. */
function destOf(args: readonly Expr[]): string | undefined {
  const flags = args.filter((a): a is Extract<Expr, { k: 'str' }> => a.k === 'str').map((a) => a.v);
  const long = flags.find((f) => f.startsWith('--'));
  if (long) return long.slice(2).replace(/-/g, '_');
  const positional = flags.find((f) => !f.startsWith('-'));
  return positional;
}
