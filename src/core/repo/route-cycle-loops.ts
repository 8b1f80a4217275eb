/**
 * TypeScript: a tool loop that goes round a page's functions through the app's own API route. The page posts to a
 * route that sends the request and streams its events back; the handler of those events, when the answer asks for
 * tools, runs them and posts the results, whose new stream is handled again (OpenAI's Assistants quickstart):
 *
 *   const submitActionResult = async (runId, toolCallOutputs) => {
 *     const response = await fetch(`/api/assistants/threads/${threadId}/actions`, { method: 'POST', body: … });
 *     handleReadableStream(AssistantStream.fromReadableStream(response.body));     // the route: submitToolOutputsStream
 *   };
 *   const handleRequiresAction = async (event) => {
 *     const toolCalls = event.data.required_action.submit_tool_outputs.tool_calls;
 *     const outputs = await Promise.all(toolCalls.map(async (c) => ({ output: await functionCallHandler(c), … })));
 *     submitActionResult(event.data.id, outputs);
 *   };
 *   const handleReadableStream = (stream) => {
 *     stream.on('event', (event) => { if (event.event === 'thread.run.requires_action') handleRequiresAction(event); });
 *   };
 *
 * The call graph has the calls made in callbacks (`stream.on(…, (e) => handle(e))`) as calls of the function that
 * registers them, and a `fetch` of the app's own route as a call of its handler (route-callers.ts). A cycle of the
 * file's functions is such a loop when one of them reaches a request (its own, or the route's, a few hops on) and
 * the cycle comes back after reading the answer's tool calls (`tool_calls`, `required_action`, …) or through a
 * request that continues a run with tool outputs (`submitToolOutputsStream`). One pass per request; nothing counts
 * the passes: unbounded. Anchored on the function that reads the tool calls. A cycle with no tool handling (a retry
 * from an error handler, a poll that refreshes itself, event handlers that only render) is none.
 */
import type { CallGraph } from './graph';
import type { FunctionFact, LoopFact } from './facts';
import type { LoopRequests } from './loop-requests';
import type { ReachFrom } from './recursion-loops';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import { functionLoop } from './function-loops';
import { isToolOutputsSubmit } from '../detect/assistant-runs';
import type { ToolReaderFacts } from './tool-readers-ts';

const MAX_DEPTH = 5;
const MAX_FUNCTIONS = 300;
/** Paths tried from one function before giving up (a dense file of handlers calling each other). */
const MAX_VISITS = 2000;

export function routeCycleLoops(store: RepoStore, graph: CallGraph, reachFrom: ReachFrom, requests: Pick<LoopRequests, 'lineOf'>, taken: (path: string, line: number, endLine: number) => boolean): RepoLoop[] {
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    const path = f.file.path;
    if (f.file.language === 'python' || f.facts.functions.length > MAX_FUNCTIONS) continue;
    const readers = new Set((f.facts as ToolReaderFacts).toolReaders ?? []);
    // Neither a reader of tool calls nor a post to the app's own route (a tool-outputs submit behind it): nothing to find.
    if (!readers.size && !f.facts.routeSends?.length) continue;
    const functions = new Map(f.facts.functions.map((fn) => [fn.name, fn]));
    // Calls between the file's functions (callbacks included), and the functions that reach a request.
    const next = new Map<string, string[]>();
    for (const fn of functions.values()) next.set(fn.name, graph.outgoing(path, fn.name).filter((e) => e.target.path === path && e.target.fn !== fn.name && functions.has(e.target.fn)).map((e) => e.target.fn));
    const reported = new Set<string>();
    for (const fn of functions.values()) {
      const cycle = cycleBack(next, fn.name);
      if (!cycle) continue;
      const members = cycle.map((n) => functions.get(n)!);
      const sender = members.map((m) => ({ m, steps: stepsOf(reachFrom, path, m) })).find((s) => s.steps.length);
      if (!sender) continue;
      const reader = members.find((m) => readers.has(m.name));
      const submits = sender.steps.some((s) => isToolOutputsSubmit(store.get(s.path)?.file.calls.find((c) => c.id === s.callId)?.callee ?? ''));
      const anchor = reader ?? (submits ? sender.m : undefined);
      if (!anchor || reported.has(anchor.name) || taken(path, anchor.line, anchor.endLine)) continue;
      reported.add(anchor.name);
      out.push(functionLoop(path, anchor, sender.steps, (s) => requests.lineOf(s), { unbounded: true, rule: 'route-cycle-loop' }));
    }
  }
  return out;
}

/** The requests one call of the function reaches (its body's calls, through the call graph). */
function stepsOf(reachFrom: ReachFrom, path: string, fn: FunctionFact): readonly { path: string; callId: string }[] {
  const body: LoopFact = { line: fn.line, column: 0, endLine: fn.endLine, endColumn: 0, kind: 'while', limits: [], calls: fn.calls };
  return reachFrom(path, fn, body).steps;
}

/** The functions of a path from `start` back to itself (start first), or undefined. */
function cycleBack(next: ReadonlyMap<string, readonly string[]>, start: string): string[] | undefined {
  let budget = MAX_VISITS;
  const search = (at: string, trail: string[]): string[] | undefined => {
    if (trail.length > MAX_DEPTH || --budget < 0) return undefined;
    for (const n of next.get(at) ?? []) {
      if (n === start) return trail;
      if (trail.includes(n)) continue;
      const found = search(n, [...trail, n]);
      if (found) return found;
    }
    return undefined;
  };
  return search(start, [start]);
}
