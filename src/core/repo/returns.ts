/**
 * Which return statements of a helper say what it gives at run time. A helper that hands out a
 * mock in tests and the real model otherwise (`if (isTestEnvironment) return mock; return
 * gateway.languageModel("…")`) returns the real one: returns inside a branch guarded by a
 * test-environment check are skipped. The others are kept in order, so that a value the first
 * cannot give (a string computed at run time) may come from the next (the fall-through return).
 */
import type { SyntaxNode } from '../detect/parser';

/** A condition that is true only under tests: `isTestEnvironment`, `process.env.NODE_ENV === "test"`, `settings.TESTING`, `use_mock`. */
const TEST_GUARD = /(^|[^A-Za-z0-9])(is_?test|test_?env|testing|use_?mock|mock_?mode|in_?tests?)|NODE_ENV['"]?\]?\s*===?\s*['"]test['"]|['"]test['"]\s*===?\s*[\w.]*NODE_ENV/i;

const IF_TYPES = new Set(['if_statement']);
const FUNCTION_TYPES = /^(function_definition|function_declaration|arrow_function|function_expression|function|method_definition|lambda)$/;
export const MAX_RETURNS = 4;

/** A return that gives no value (`return None` in a guard): it does not count towards the few returns read. */
const NO_VALUE = /^(None|null|undefined)$/;

/**
 * The returns of `statements` (in source order) that are not test-only, up to a few that give a value: guards that
 * `return None` (five of them before `return user_msg("\n".join(parts))`) are kept but do not use up the count.
 */
export function runtimeReturns(statements: readonly SyntaxNode[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  let valued = 0;
  for (const r of statements) {
    const value = r.namedChildren[0];
    if (!value || testOnly(r)) continue;
    out.push(r);
    if (!NO_VALUE.test(value.text) && ++valued >= MAX_RETURNS) break;
  }
  return out;
}

/** Whether the node sits in the taken branch of an `if` whose condition checks for tests (not in its `else`). */
export function testOnly(node: SyntaxNode): boolean {
  let child = node;
  for (let p = node.parent; p && !FUNCTION_TYPES.test(p.type); child = p, p = p.parent) {
    if (!IF_TYPES.has(p.type)) continue;
    const condition = p.childForFieldName('condition');
    if (!condition || !TEST_GUARD.test(condition.text)) continue;
    // The consequence is the `if`'s own body; else/elif arms are other children.
    if (child.type !== 'else_clause' && child.type !== 'elif_clause' && child.id !== condition.id) return true;
  }
  return false;
}

/**
 * A long Python function (past the few lines whose returns are read) that ends by building one object of a class from
 * keywords (`return CurrentSessionState(agent_registry=…, builder_agent=st.session_state.builder_agent)`, the state a
 * Streamlit helper restores and hands to each page): that construction, when it is the function's last statement and
 * its only return. What it is built with is what the callers read back from it (repo/held-values.ts).
 */
export function builtStateReturn(body: SyntaxNode): SyntaxNode[] {
  const last = body.namedChildren.filter((c) => c && c.type !== 'comment').pop();
  const value = last?.type === 'return_statement' ? last.namedChildren[0] : undefined;
  if (!last || value?.type !== 'call' || !/^[A-Z]\w*$/.test(value.childForFieldName('function')?.text ?? '')) return [];
  const args = value.childForFieldName('arguments')?.namedChildren ?? [];
  if (!args.length || !args.every((a) => a?.type === 'keyword_argument')) return [];
  return body.descendantsOfType('return_statement').length === 1 ? [last] : [];
}
