/**
 * A tool loop the browser drives: an AI SDK chat hook (chat-hooks-ts.ts) that posts the conversation again while the
 * last answer's tool calls all have results. Each pass is one request of the route the hook posts to (`api`, by
 * default `/api/chat`: `app/api/chat/route.ts`, `app/(chat)/api/chat/route.ts`, `pages/api/chat.ts`), so the loop
 * is written in the client component and its steps in the route:
 *
 *   // components/chat.tsx                                // app/(chat)/api/chat/route.ts
 *   const { messages, append } = useChat({ maxSteps: 10 });  export async function POST(req) {
 *                                                              const result = await streamText({ model, tools: {…} });
 *
 * It is a loop only where the route's request offers tools: without a tool call no answer has results to send back.
 * The bound is `maxSteps` (`maxToolRoundtrips` + 1), read through the values it is written with; `maxSteps: 1`
 * (the SDK's default) is one request per message, no loop. `sendAutomaticallyWhen:
 * lastAssistantMessageIsCompleteWithToolCalls` counts nothing: unbounded.
 */
import type { ChatHookFact } from './chat-hook-types';
import type { Evaluator } from './evaluate';
import type { FunctionFact, LoopFact } from './facts';
import type { LoopRequests } from './loop-requests';
import type { ReachFrom } from './recursion-loops';
import { routePattern } from './route-callers';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';

const DEFAULT_API = '/api/chat';
const HANDLERS = /^(POST|handler|default)$/;

export function chatHookLoops(store: RepoStore, ev: Evaluator, reachFrom: ReachFrom, requests: Pick<LoopRequests, 'ownOf' | 'lineOf'>): RepoLoop[] {
  const hooks: { path: string; hook: ChatHookFact }[] = [];
  for (const f of store.files()) for (const hook of f.facts.chatHooks ?? []) hooks.push({ path: f.file.path, hook });
  if (!hooks.length) return [];
  const routes: { path: string; pattern: RegExp }[] = [];
  for (const f of store.files()) {
    const pattern = routePattern(f.file.path);
    if (pattern) routes.push({ path: f.file.path, pattern });
  }
  const out: RepoLoop[] = [];
  for (const { path, hook } of hooks) {
    const fn = hook.fn ? store.get(path)?.functions.get(hook.fn) : undefined;
    const url = hook.api ? urlOf(ev, path, fn, hook) : DEFAULT_API;
    if (!url) continue;
    const steps = routes.filter((r) => r.pattern.test(url)).flatMap((r) => routeRequests(store, reachFrom, requests, r.path));
    // No tools offered: no answer asks for a tool, so none is sent back.
    const withTools = steps.filter((s) => (store.get(s.path)?.file.calls.find((c) => c.id === s.callId)?.tools.length ?? 0) > 0);
    if (!withTools.length) continue;
    const bound = boundOf(ev, path, fn, hook);
    if (bound === 'no-loop') continue;
    out.push({
      path,
      loop: {
        id: `l${hook.line}.${hook.column}`,
        line: hook.line,
        column: hook.column,
        endLine: hook.endLine,
        endColumn: hook.endColumn,
        framework: 'vercel-ai-ui',
        ...bound,
        rule: 'chat-hook-loop',
      },
      step: withTools[0],
      stepSites: withTools.map((s) => ({ path: s.path, line: requests.lineOf(s) })),
    });
  }
  return out;
}

function urlOf(ev: Evaluator, path: string, fn: FunctionFact | undefined, hook: ChatHookFact): string | undefined {
  let v;
  try {
    v = ev.eval(hook.api!, { path, ...(fn ? { fn } : {}) });
  } catch {
    return undefined;
  }
  if (v?.t !== 'str' || !v.v.startsWith('/') || v.v.startsWith('//')) return undefined;
  return v.v.replace(/\?.*$/, '').replace(/\/+$/, '') || '/';
}

/** The requests the route's handler sends: its own, else those its calls reach. */
function routeRequests(store: RepoStore, reachFrom: ReachFrom, requests: Pick<LoopRequests, 'ownOf'>, route: string): { path: string; callId: string }[] {
  const functions = store.get(route)?.functions;
  if (!functions) return [];
  const out: { path: string; callId: string }[] = [];
  for (const [name, handler] of functions) {
    if (!HANDLERS.test(name)) continue;
    const own = requests.ownOf(route, name);
    if (own.length) {
      out.push(...own);
      continue;
    }
    const body: LoopFact = { line: handler.line, column: 0, endLine: handler.endLine, endColumn: 0, kind: 'while', limits: [], calls: handler.calls };
    out.push(...reachFrom(route, handler, body).steps);
  }
  return out;
}

type HookBound = { maxSteps?: number; stepOption?: string; unbounded: boolean } | 'no-loop';

function boundOf(ev: Evaluator, path: string, fn: FunctionFact | undefined, hook: ChatHookFact): HookBound {
  if (!hook.steps) return { unbounded: true, stepOption: 'sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithToolCalls' };
  let v;
  try {
    v = ev.eval(hook.steps.value, { path, ...(fn ? { fn } : {}) });
  } catch {
    v = undefined;
  }
  // A count the repository does not show: bounded, priced at the assumed steps.
  if (v?.t !== 'num') return { unbounded: false, stepOption: hook.steps.option };
  const steps = v.v + hook.steps.offset;
  return steps > 1 ? { maxSteps: steps, stepOption: hook.steps.option, unbounded: false } : 'no-loop';
}
