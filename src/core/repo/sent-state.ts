/**
 * A model a browser page sends to the app's own route from its UI state (route-callers.ts):
 *
 *   const models = [{ id: "claude-3-haiku-20240307" }, { id: "claude-3-5-sonnet-20240620" }];  // the menu
 *   const [selectedModel, setSelectedModel] = useState("claude-3-5-sonnet-20240620");           // the default
 *   const requestBody = { messages, model: selectedModel };
 *   await fetch("/api/finance", { method: "POST", body: JSON.stringify(requestBody) });
 *
 * The state variable holds what the user picked; until they pick, it holds the hook's initial value, so that is the
 * model the route's request runs on by default, not the first entry of the menu the page offers. The state is the
 * one the sender's own file declares under that name (destructure.ts gathers the hooks' initial values); where the
 * file declares it more than once with different values, or its value is no model id, nothing is chosen here.
 */
import type { Expr } from './facts';
import { looksLikeModel } from './model-flow';
import type { RepoStore } from './store';
import type { Ctx, Val } from './values';
import { attempt } from './values';
import type { Evaluator } from './evaluate';

/** The initial value of the UI state `e` names in the sender's file, when it is one model id. */
export function sentStateDefault(store: RepoStore, ev: Evaluator, e: Expr, ctx: Ctx): Extract<Val, { t: 'str' }> | undefined {
  if (e.k !== 'name') return undefined;
  const states = store.get(ctx.path)?.facts.stateDefaults?.filter((s) => s.name === e.v) ?? [];
  if (!states.length) return undefined;
  const values = states.map((s) => attempt(() => ev.eval(s.value, { path: ctx.path })));
  const first = values[0];
  if (first?.t !== 'str' || !looksLikeModel(first.v)) return undefined;
  return values.every((v) => v?.t === 'str' && v.v === first.v) ? first : undefined;
}
