/** Facts about values a file stores in a holder that other files read back (facts.ts `FileFacts`). */
import type { Expr } from './facts';

/** The initial value of a UI state hook (`useState`, `useLocalStorage`): what the UI starts with before the user picks. */
export interface StateDefault {
  readonly name: string;
  readonly value: Expr;
  readonly line: number;
}

/**
 * Python: a value put into Streamlit's session state (`st.session_state.agent = agent`, `st.session_state["agent"] =
 * …`, an item of an unpacking `st.session_state.client, st.session_state.agent = init()`), read back by key on any page
 * of the app (repo/session-state.ts).
 */
export interface SessionStoreFact {
  readonly key: string;
  readonly value: Expr;
  readonly line: number;
}
