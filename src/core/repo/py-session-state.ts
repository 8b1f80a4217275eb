/**
 * Python: values a file puts into Streamlit's session state (holder-facts.ts `SessionStoreFact`): `st.session_state.agent
 * = agent`, `st.session_state["agent"] = build()`, and items of an unpacking (`st.session_state.client,
 * st.session_state.agent = init()`). Found in one walk of the file's assignments, wherever they are written (module
 * level, a function, a branch); the repository pass keeps those of files that import streamlit (session-state.ts).
 */
import type { SyntaxNode } from '../detect/parser';
import type { Expr } from './facts';
import type { SessionStoreFact } from './holder-facts';
import { dottedPath } from './values';

type ExprOf = (node: SyntaxNode, depth: number) => Expr;

/** The session state object as written: `st.session_state` (any alias of streamlit), or `session_state` imported from it. */
export const SESSION_STATE = /^(\w+\.)?session_state$/;

const MAX_STORES = 200;
const PATTERN = /^(pattern_list|tuple_pattern)$/;

/** The key a target stores under (`st.session_state.agent` / `st.session_state["agent"]`), or undefined for any other target. */
export function sessionKey(target: Expr): string | undefined {
  if (target.k === 'member') return SESSION_STATE.test(dottedPath(target.obj) ?? '') ? target.prop : undefined;
  if (target.k === 'index') return SESSION_STATE.test(dottedPath(target.obj) ?? '') ? target.key : undefined;
  return undefined;
}

export function sessionStores(root: SyntaxNode, expr: ExprOf): SessionStoreFact[] {
  if (!root.text.includes('session_state')) return [];
  const out: SessionStoreFact[] = [];
  for (const a of root.descendantsOfType('assignment')) {
    const left = a?.childForFieldName('left');
    const right = a?.childForFieldName('right');
    if (!a || !left || !right || !left.text.includes('session_state')) continue;
    const line = a.startPosition.row + 1;
    if (PATTERN.test(left.type)) {
      const value = expr(right, 0);
      left.namedChildren.forEach((item, i) => {
        const key = item ? sessionKey(expr(item, 0)) : undefined;
        if (key) out.push({ key, value: { k: 'index', obj: value, key: String(i), line }, line });
      });
    } else {
      const key = sessionKey(expr(left, 0));
      if (key) out.push({ key, value: expr(right, 0), line });
    }
    if (out.length >= MAX_STORES) break;
  }
  return out;
}
