/**
 * A provider picker chosen by which keys the environment holds (TypeScript):
 *
 *   function llmConfig() {
 *     if (process.env.OPENAI_API_KEY) return { chatModel: process.env.OPENAI_MODEL ?? 'gpt-4o-mini' };
 *     if (process.env.TOGETHER_API_KEY) return { chatModel: 'meta-llama/Llama-3-8b-chat-hf' };
 *     return { chatModel: process.env.LOCAL_MODEL ?? 'llama3' };   // nothing set: the local default
 *   }
 *
 * Each guarded return runs only when one of its variables is set; with none set (the repository ships no
 * `.env` example that sets them, conditions.ts) the unguarded fall-through is what runs, so it is followed
 * first and the guarded returns stay behind it as later candidates. A variable the `.env` example sets, or
 * writes empty ("fill in yours"), leaves its return where it is written (the evaluator's first-that-resolves
 * order), so nothing changes where the configuration does not say.
 */
import type { SyntaxNode } from '../detect/parser';
import { envUnsetByDefault } from './conditions';
import type { Expr, FunctionFact } from './facts';
import type { RepoStore } from './store';

const FUNCTION_TYPES = /^(function_declaration|function_expression|function|arrow_function|method_definition|generator_function_declaration)$/;
const ENV_OBJECT = /^(process\.env|import\.meta\.env)$/;
const MAX_PICKER_RETURNS = 6;

function unwrap(node: SyntaxNode): SyntaxNode {
  let n = node;
  while ((n.type === 'parenthesized_expression' || n.type === 'non_null_expression') && n.namedChildren[0]) n = n.namedChildren[0];
  return n;
}

/** `process.env.X`, `process.env['X']`: the variable read, else undefined. */
function envRead(node: SyntaxNode): string | undefined {
  const n = unwrap(node);
  if (n.type !== 'member_expression' && n.type !== 'subscript_expression') return undefined;
  if (!ENV_OBJECT.test(n.childForFieldName('object')?.text ?? '')) return undefined;
  const key = n.type === 'member_expression' ? n.childForFieldName('property')?.text : n.childForFieldName('index')?.text.replace(/^['"`]|['"`]$/g, '');
  return key && /^\w+$/.test(key) ? key : undefined;
}

/**
 * The variables a condition needs set to be true: it is false when none of them is. `undefined` where the
 * condition could be true with all of them unset (`!process.env.X`, a comparison with another value, a call).
 * `locals` binds a function's own names (`const provider = process.env.LLM_PROVIDER`).
 */
export function presenceVars(raw: SyntaxNode, locals: Readonly<Record<string, Expr>>, depth = 0): string[] | undefined {
  if (depth > 6) return undefined;
  const node = unwrap(raw);
  const direct = envRead(node);
  if (direct) return [direct];
  if (node.type === 'identifier') {
    const bound = locals[node.text];
    return bound?.k === 'env' && !bound.def ? [bound.name] : undefined;
  }
  if (node.type === 'binary_expression') {
    const op = node.childForFieldName('operator')?.text;
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    if (!l || !r) return undefined;
    if (op === '&&') return presenceVars(l, locals, depth + 1) ?? presenceVars(r, locals, depth + 1);
    if (op === '||') {
      const a = presenceVars(l, locals, depth + 1);
      const b = a && presenceVars(r, locals, depth + 1);
      return a && b ? [...a, ...b] : undefined;
    }
    // `process.env.LLM_PROVIDER === 'openai'`: an unset variable equals no written text.
    if (op === '===' || op === '==') {
      const literal = (n: SyntaxNode): boolean => /^(string|template_string)$/.test(n.type) && !/^['"`]{2}$/.test(n.text);
      if (literal(r)) return presenceVars(l, locals, depth + 1);
      if (literal(l)) return presenceVars(r, locals, depth + 1);
    }
    return undefined;
  }
  if (node.type === 'ternary_expression') {
    // `provider ? provider === 'openai' : process.env.OPENAI_API_KEY`: with `provider` unset, the alternative decides.
    const c = node.childForFieldName('condition');
    const alt = node.childForFieldName('alternative');
    const test = c ? presenceVars(c, locals, depth + 1) : undefined;
    const other = test && alt ? presenceVars(alt, locals, depth + 1) : undefined;
    return test && other ? [...test, ...other] : undefined;
  }
  return undefined;
}

/** The variables of the innermost `if` whose taken branch holds `ret` and tests the environment's keys; null when none does. */
function guardOf(ret: SyntaxNode, locals: Readonly<Record<string, Expr>>): string[] | null {
  let child = ret;
  for (let p = ret.parent; p && !FUNCTION_TYPES.test(p.type); child = p, p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const condition = p.childForFieldName('condition');
    // An `else` branch runs when the test fails: under the default configuration, so it does not guard.
    if (!condition || child.type === 'else_clause' || child.id === condition.id) continue;
    const vars = presenceVars(condition, locals);
    if (vars) return vars;
  }
  return null;
}

/**
 * The returns of a provider picker and the variables guarding each (null: the fall-through), or undefined
 * where the function is not one: every return but the last is guarded by keys of the environment, the last
 * is not. A picker is read whatever its length (its branches are long), keeping its fall-through.
 */
export function pickerReturns(returns: readonly SyntaxNode[], locals: Readonly<Record<string, Expr>>): { returns: SyntaxNode[]; guards: (string[] | null)[] } | undefined {
  if (returns.length < 2) return undefined;
  const guards = returns.map((r) => guardOf(r, locals));
  const last = guards.length - 1;
  if (guards[last] !== null || guards.slice(0, last).some((g) => g === null)) return undefined;
  const keep = returns.length <= MAX_PICKER_RETURNS ? returns.map((_, i) => i) : [...returns.slice(0, MAX_PICKER_RETURNS - 1).map((_, i) => i), last];
  return { returns: keep.map((i) => returns[i]), guards: keep.map((i) => guards[i]) };
}

/**
 * A function's returns in the order to try them under the repository's default configuration: the returns
 * whose guarding keys are all unset move behind the others (their relative order kept).
 */
export function returnsInDefaultOrder(fn: FunctionFact, path: string, store: RepoStore): Expr[] {
  const all = fn.returns ? [fn.returns, ...(fn.moreReturns ?? [])] : [...(fn.returnedObjects ?? [])];
  const guards = fn.returns ? fn.returnGuards : undefined;
  if (!guards || guards.length !== all.length) return all;
  const off = guards.map((g) => Boolean(g && g.every((name) => envUnsetByDefault(store, name, path))));
  if (!off.some(Boolean)) return all;
  return [...all.filter((_, i) => !off[i]), ...all.filter((_, i) => off[i])];
}
