/**
 * Parameters whose default is filled in by the body: `def __init__(self, llm=None): if llm is None: llm = Chat()`,
 * `judge_llm = judge_llm or llm`. What runs when the caller passes nothing is the body's value, not the
 * `None` written in the signature; the evaluator tries it where it would try the default (evaluate.ts).
 *
 * Also the names a Python file imports inside function bodies (`from pkg import Chat` right before
 * `Chat()`): the evaluator looks there when a name is not bound at module level.
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr, ImportFact } from './facts';
import { ownStatements } from './extract-shared';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

const IFS = new Set(['if_statement']);
const STATEMENTS = new Set(['expression_statement']);
/** Fallbacks are written near the top of a body: later statements are not read for them. */
const MAX_STATEMENTS = 400;

/** `p is None`, `p == None`, `not p`: the test that the caller passed nothing for `p`. */
function missingTest(cond: SyntaxNode): string | undefined {
  const text = cond.text.replace(/\s+/g, ' ').trim();
  const m = /^(?:([A-Za-z_]\w*) (?:is|==) None|not ([A-Za-z_]\w*))$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** `name = value` of an expression statement, or undefined. */
function assignmentOf(stmt: SyntaxNode): { name: string; value: SyntaxNode } | undefined {
  const a = stmt.namedChildren[0];
  if (a?.type !== 'assignment') return undefined;
  const left = a.childForFieldName('left');
  const right = a.childForFieldName('right');
  return left?.type === 'identifier' && right ? { name: left.text, value: right } : undefined;
}

/** An `or` of the alternatives, the first written first (the evaluator takes the first that resolves). */
function anyOf(values: readonly Expr[]): Expr {
  return values.slice(1).reduce<Expr>((left, right) => ({ k: 'or', left, right, line: left.line }), values[0]);
}

/**
 * The value each named parameter gets from the body when the caller passes nothing: the assignments to it under
 * `if p is None:` (all of them, nested branches included, as alternatives in source order), else the right side
 * of `p = p or X` / `p = X if p is None else p`.
 */
export function paramFallbacks(body: SyntaxNode, params: ReadonlySet<string>, expr: ExprOf): Record<string, Expr> {
  const out: Record<string, Expr[]> = {};
  if (!params.size) return {};
  for (const stmt of ownStatements(body, IFS, MAX_STATEMENTS)) {
    const cond = stmt.childForFieldName('condition');
    const then = stmt.childForFieldName('consequence');
    const name = cond ? missingTest(cond) : undefined;
    if (!name || !then || !params.has(name)) continue;
    for (const s of ownStatements(then, STATEMENTS, 60)) {
      const a = assignmentOf(s);
      if (a?.name === name) (out[name] ??= []).push(expr(a.value, 2));
    }
  }
  for (const s of ownStatements(body, STATEMENTS, MAX_STATEMENTS)) {
    const a = assignmentOf(s);
    if (!a || !params.has(a.name) || out[a.name]) continue;
    const v = a.value;
    // `p = p or X`: X when nothing was passed.
    if (v.type === 'boolean_operator' && v.childForFieldName('left')?.text === a.name) {
      const right = v.childForFieldName('right');
      if (right && / or /.test(` ${v.text.slice(v.childForFieldName('left')!.endIndex - v.startIndex, right.startIndex - v.startIndex)} `)) out[a.name] = [expr(right, 2)];
    } else if (v.type === 'conditional_expression') {
      // `p = X if p is None else p`
      const [then, cond, other] = v.namedChildren;
      if (then && cond && other?.text === a.name && missingTest(cond) === a.name) out[a.name] = [expr(then, 2)];
    }
  }
  const result: Record<string, Expr> = {};
  for (const [name, values] of Object.entries(out)) result[name] = anyOf(values);
  return result;
}

/**
 * Imports written inside functions (`collected.imports` holds every import of the file, by local name) that the
 * module-level list lacks. `from m import C` is recorded by detection as `C → m`; `import m` as `m → m`.
 */
export function lateImports(all: ReadonlyMap<string, string>, moduleLevel: readonly ImportFact[]): ImportFact[] {
  const known = new Set(moduleLevel.map((i) => i.local));
  const out: ImportFact[] = [];
  for (const [local, spec] of all) {
    if (known.has(local) || local === '*') continue;
    const [module, name] = spec.split('#');
    if (name !== undefined) out.push({ local, module, name, line: 0 });
    else if (module === local || module.startsWith(`${local}.`)) out.push({ local, module, line: 0 });
    else out.push({ local, module, name: local, line: 0 });
  }
  return out;
}
