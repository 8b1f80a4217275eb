/**
 * TypeScript: a tool loop that goes round a state store's methods. A chat store (zustand `create`/`persist`, a
 * `createPersistStore` callback returning a `methods` object) sends the chat request in one method, and the
 * callbacks of that request lead, through other methods reached with `get()`, to a method that runs the tool the
 * answer asked for and feeds its result back to the first method:
 *
 *   onUserInput(content) { …; api.llm.chat({ …, onFinish(message) { get().onNewMessage(message); } }); },
 *   onNewMessage(message) { …; get().checkMcpJson(message); },
 *   checkMcpJson(message) {
 *     executeMcpAction(req.clientId, req.mcp).then((result) => get().onUserInput(wrap(result), [], true));
 *   },
 *
 * The methods and their calls on the store are read by store-methods-ts.ts. A cycle of such calls through a method
 * that sends a request (detected, or revealed by the repository: a call on its own chat-model class family) and a
 * method that runs a tool (`executeMcpAction`, `runTool`, `callTool`…) is an agent loop, one pass per request,
 * anchored on the method that runs the tool; nothing counts the passes: unbounded. A cycle with no tool run (a
 * retry from `onError`, a poll that refreshes itself) is none.
 */
import type { LoopRequests, RevealedLookup, StepRequest } from './loop-requests';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import { functionLoop } from './function-loops';
import type { StoreMethodFact, StoreMethodFacts } from './store-methods-ts';

const MAX_DEPTH = 6;

export function storeMethodLoops(store: RepoStore, requests: Pick<LoopRequests, 'lineOf'>, revealed: RevealedLookup | undefined, taken: (path: string, line: number, endLine: number) => boolean): RepoLoop[] {
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    const list = (f.facts as StoreMethodFacts).storeMethods;
    if (!list?.length) continue;
    const path = f.file.path;
    // The outermost method of each name (a callback named like a store method inside another is part of it).
    const methods = new Map<string, StoreMethodFact>();
    for (const m of list) if (!methods.has(m.name) && !list.some((o) => o !== m && o.line <= m.line && m.endLine <= o.endLine && o.name !== m.name)) methods.set(m.name, m);
    const sent = [...f.file.calls, ...(revealed?.(path) ?? [])].filter((c) => !c.agent && c.kind !== 'embedding' && c.role !== 'binding');
    const reported = new Set<string>();
    for (const m of methods.values()) {
      const steps: StepRequest[] = sent.filter((c) => c.line >= m.line && c.line <= m.endLine).map((c) => ({ path, callId: c.id }));
      if (!steps.length) continue;
      const tool = cycleBack(methods, m.name)?.map((n) => methods.get(n)!).find((x) => x.runsTool);
      if (!tool || reported.has(tool.name) || taken(path, tool.line, tool.endLine)) continue;
      reported.add(tool.name);
      out.push(functionLoop(path, tool, steps, (s) => requests.lineOf(s), { unbounded: true, rule: 'store-method-loop' }));
    }
  }
  return out;
}

/** The methods of a path from `start` back to itself (start first), or undefined. */
function cycleBack(methods: ReadonlyMap<string, StoreMethodFact>, start: string): string[] | undefined {
  const search = (at: string, trail: string[]): string[] | undefined => {
    if (trail.length > MAX_DEPTH) return undefined;
    for (const n of methods.get(at)?.calls ?? []) {
      if (n === start) return trail;
      if (trail.includes(n) || !methods.has(n)) continue;
      const found = search(n, [...trail, n]);
      if (found) return found;
    }
    return undefined;
  };
  return search(start, [start]);
}
