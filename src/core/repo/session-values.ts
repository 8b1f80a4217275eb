/**
 * A plain value read back from Streamlit's session state (Python), as the evaluator's last resort for a read it
 * cannot follow otherwise:
 *
 *   if "provider" not in st.session_state:
 *       st.session_state.provider = os.getenv("API_PROVIDER", "anthropic") or APIProvider.ANTHROPIC
 *   def _reset_model():
 *       st.session_state.model = PROVIDER_TO_DEFAULT_MODEL_NAME[cast(APIProvider, st.session_state.provider)]
 *   await sampling_loop(model=st.session_state.model, …)
 *
 * Every value the app's files put under the key (py-session-state.ts) is evaluated where it is written; those that
 * give a string or a number must all agree, else nothing is chosen (a value the user types in a widget is no
 * store and does not count). Stores that give nothing (a widget's value copied back, a cycle) are passed over.
 * held-values.ts reads the same stores for the objects held there (clients, agents).
 */
import type { Expr } from './facts';
import { sessionKey } from './py-session-state';
import type { RepoStore } from './store';
import type { Ctx, Val } from './values';

/** Stores read per key: an app sets a key in a few places. */
const MAX_STORES = 8;

type Plain = Extract<Val, { t: 'str' } | { t: 'num' }>;

export function sessionStateValue(store: RepoStore, e: Expr, ctx: Ctx, ev: (x: Expr, c: Ctx) => Val | undefined, once: (key: string, run: () => Plain | undefined) => Plain | undefined): Plain | undefined {
  const key = e.k === 'member' || e.k === 'index' ? sessionKey(e) : undefined;
  if (key === undefined || !importsStreamlit(store, ctx.path)) return undefined;
  return once(`session-state:${key}`, () => {
    const got: Plain[] = [];
    let seen = 0;
    for (const f of store.files()) {
      if (!f.facts.sessionStores?.length || !importsStreamlit(store, f.file.path)) continue;
      for (const s of f.facts.sessionStores) {
        if (s.key !== key || seen++ >= MAX_STORES) continue;
        const fn = innermost(f.facts.functions, s.line);
        const v = ev(s.value, { path: f.file.path, ...(fn ? { fn } : {}) });
        if ((v?.t === 'str' && v.v !== '') || v?.t === 'num') got.push(v);
      }
    }
    return got.length && got.every((v) => v.v === got[0].v) ? got[0] : undefined;
  });
}

function importsStreamlit(store: RepoStore, path: string): boolean {
  return Boolean(store.get(path)?.facts.imports.some((i) => i.module === 'streamlit' || i.module.startsWith('streamlit.')));
}

function innermost<T extends { line: number; endLine: number }>(fns: readonly T[], line: number): T | undefined {
  let best: T | undefined;
  for (const fn of fns) if (fn.line <= line && line <= fn.endLine && (!best || fn.line >= best.line)) best = fn;
  return best;
}
