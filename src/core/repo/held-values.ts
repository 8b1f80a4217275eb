/**
 * What a holder read gives back, as the expression that was put there and the context it is written in, for the
 * rules that follow an object to where it is built (an agent run, cross-file-runs.ts; a library model's method,
 * library-runs.ts) rather than to a value:
 *
 * - Streamlit's session state, read by key on any page (`st.session_state.agent.chat(q)`, `st.session_state["agent"]`,
 *   `st.session_state.get("agent")`): every value the repository's files put there under that key (py-session-state.ts),
 *   the placeholders (`None`) left out. Only files importing streamlit count, on both sides.
 * - A field of an object of the repository's own class built with it (`CurrentSessionState(builder_agent=agent, …)`
 *   returned by `get_current_state()`, then `current_state.builder_agent`): the keyword the construction passes for it,
 *   in the construction's context; a pydantic model or dataclass holds what it is built with.
 * - An attribute of the method's own object (`self.agent.chat(q)`): what the class's methods assign to it, in the method
 *   that assigns it (`self.agent = OpenAIAgent.from_tools(…)` in `__init__`).
 * - An item of a tuple a repository function returns (`builder_agent, builder = load_agent_and_tools()` with `return
 *   agent, builder`): that item of the returned tuple, in the function's context with the call bound.
 */
import type { Expr } from './facts';
import type { Evaluator } from './evaluate';
import { SESSION_STATE, sessionKey } from './py-session-state';
import type { RepoStore } from './store';
import { attempt, dottedPath, typeExpr, type Ctx } from './values';

export interface Held {
  readonly expr: Expr;
  readonly ctx: Ctx;
}

const MAX_HELD = 8;
const cache = new WeakMap<RepoStore, { generation: number; byKey: Map<string, Held[]> }>();

/** The expressions a holder read may hold, first the likeliest; undefined where `e` reads no holder this knows. */
export function heldValues(store: RepoStore, ev: Evaluator, read: Expr, ctx: Ctx): readonly Held[] | undefined {
  const e = whole(read);
  const key = sessionRead(e);
  if (key !== undefined) return importsStreamlit(store, ctx.path) ? sessionValues(store, key) : undefined;
  if (e.k === 'index' && e.obj.k === 'call' && /^\d+$/.test(e.key)) return tupleItem(ev, e.obj, Number(e.key), ctx);
  if (e.k !== 'member') return undefined;
  if (e.obj.k === 'name' && e.obj.v === 'self') return selfAttr(store, e.prop, ctx);
  const inst = attempt(() => ev.eval(e.obj, ctx));
  if (inst?.t !== 'inst' || !inst.ctx) return undefined;
  const passed = inst.kw[e.prop];
  return passed ? [{ expr: passed, ctx: inst.ctx }] : undefined;
}

/**
 * A read whose dotted receiver the extractor cut at its depth (`current_state.builder_agent.chat(…)` keeps
 * `current_state` as unknown text): the same read with the name rebuilt from its text.
 */
export function whole(e: Expr): Expr {
  if (e.k === 'unknown') return DOTTED.test(e.text) ? typeExpr(e.text, e.line) : e;
  if (e.k === 'member') {
    const obj = whole(e.obj);
    return obj === e.obj ? e : { ...e, obj };
  }
  if (e.k === 'index') {
    const obj = whole(e.obj);
    return obj === e.obj ? e : { ...e, obj };
  }
  return e;
}

const DOTTED = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Whether `e` reads Streamlit's session state by key. */
export function readsSessionState(e: Expr): boolean {
  return sessionRead(whole(e)) !== undefined;
}

/** The key of a session-state read: `st.session_state.k`, `st.session_state["k"]`, `st.session_state.get("k")`. */
function sessionRead(e: Expr): string | undefined {
  if (e.k !== 'call') return sessionKey(e);
  if (e.callee.k !== 'member' || e.callee.prop !== 'get' || !SESSION_STATE.test(dottedPath(whole(e.callee.obj)) ?? '')) return undefined;
  // The key as a literal (read past the extractor's depth, the literal's text).
  const key = e.args[0];
  return key?.k === 'str' ? key.v : key?.k === 'unknown' ? /^["'](\w+)["']$/.exec(key.text)?.[1] : undefined;
}

function tupleItem(ev: Evaluator, call: Extract<Expr, { k: 'call' }>, index: number, ctx: Ctx): readonly Held[] | undefined {
  const callee = attempt(() => ev.eval(call.callee, ctx));
  if (callee?.t !== 'fn') return undefined;
  const inner: Ctx = { path: callee.path, fn: callee.fn, bound: { args: call.args, kw: call.kw, ctx, line: call.line } };
  const out: Held[] = [];
  for (const r of [callee.fn.returns, ...(callee.fn.moreReturns ?? [])]) {
    const item = r?.k === 'list' ? r.items[index] : undefined;
    if (item) out.push({ expr: item, ctx: inner });
  }
  return out.length ? out : undefined;
}

/** `self.agent` in a method: what the class's methods assign to it (`self.agent = build_agent(llm)` in `__init__`). */
function selfAttr(store: RepoStore, prop: string, ctx: Ctx): readonly Held[] | undefined {
  const stored = store.get(ctx.path);
  const clsName = ctx.fn?.name.includes('.') ? ctx.fn.name.split('.')[0] : undefined;
  const cls = clsName ? stored?.classes.get(clsName) : undefined;
  const attr = cls?.attrs[prop];
  if (!stored || !cls || !attr) return undefined;
  const at: Ctx = { path: ctx.path, fn: attr.fn ? stored.functions.get(attr.fn) : undefined, ...(ctx.self ? { self: ctx.self } : {}) };
  return [attr.expr, ...(cls.moreAttrs?.[prop] ?? [])].map((expr) => ({ expr, ctx: at }));
}

function importsStreamlit(store: RepoStore, path: string): boolean {
  return Boolean(store.get(path)?.facts.imports.some((i) => i.module === 'streamlit' || i.module.startsWith('streamlit.')));
}

/** Every value put into the session state under `key`, in the order the files are stored, placeholders left out. */
function sessionValues(store: RepoStore, key: string): readonly Held[] {
  let memo = cache.get(store);
  if (!memo || memo.generation !== store.generation) cache.set(store, (memo = { generation: store.generation, byKey: collect(store) }));
  return memo.byKey.get(key) ?? [];
}

function collect(store: RepoStore): Map<string, Held[]> {
  const byKey = new Map<string, Held[]>();
  for (const f of store.files()) {
    if (!f.facts.sessionStores?.length || !importsStreamlit(store, f.file.path)) continue;
    for (const s of f.facts.sessionStores) {
      if (s.value.k === 'unknown' && /^(None|\[\]|\{\}|""|''|True|False)$/.test(s.value.text)) continue;
      if (s.value.k === 'str' || s.value.k === 'num') continue;
      const list = byKey.get(s.key) ?? [];
      if (list.length >= MAX_HELD) continue;
      const fn = innermost(f.facts.functions, s.line);
      list.push({ expr: s.value, ctx: { path: f.file.path, ...(fn ? { fn } : {}) } });
      byKey.set(s.key, list);
    }
  }
  return byKey;
}

function innermost<T extends { line: number; endLine: number }>(fns: readonly T[], line: number): T | undefined {
  let best: T | undefined;
  for (const fn of fns) if (fn.line <= line && line <= fn.endLine && (!best || fn.line >= best.line)) best = fn;
  return best;
}
