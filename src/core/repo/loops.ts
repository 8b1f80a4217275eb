/**
 * Agent loops across functions and files: a loop whose body reaches a request through the
 * repository's own functions and methods (the call graph resolves calls through imports, `self`,
 * attribute and parameter types, factories and class hierarchies). Retries of one request, samples of
 * one request and interactive REPLs are not agent loops (loop-kinds.ts). The bound is read by
 * loop-bound.ts: counters and their start, parameters and their defaults, cost limits in the loop or
 * in a function the step runs through.
 */
import type { DetectedFile, DetectedLoop } from '../detect/types';
import type { SourceRef } from '../report/types';
import type { FunctionFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import type { CallGraph, Edge } from './graph';
import { Dispatch } from './dispatch';
import { loopBound, type Chain } from './loop-bound';
import { notAgentLoop } from './loop-kinds';
import { carriedStep, fannedOutStep, stepLoop } from './carried-items';
import { recursionLoops } from './recursion-loops';
import { requeueLoops } from './requeue-loops';
import { chatHookLoops } from './chat-hook-loops';
import { storeMethodLoops } from './store-method-loops';
import { routeCycleLoops } from './route-cycle-loops';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';
import { innerLoopsOf, withoutTaskLoops, type Candidate, type LoopSpan, type Passage } from './task-loops';
import { LoopRequests, type RevealedLookup, type StepRequest } from './loop-requests';

const MAX_HOPS = 8;

/** Where a loop is written: a loop of the facts, or one the file's detection reports. */
type Span = { readonly line: number; readonly endLine: number };

export function findRepoLoops(store: RepoStore, graph: CallGraph, ev: Evaluator, revealed?: RevealedLookup): RepoLoop[] {
  const requests = new LoopRequests(store, revealed);
  const dispatch = new Dispatch(store, ev);
  const candidates: Candidate<Reached>[] = [];
  const nested = new Map<LoopFact, Span[]>();
  for (const f of store.files()) {
    const path = f.file.path;
    const scopes: { fn?: FunctionFact; loops: readonly LoopFact[] }[] = [{ loops: f.facts.moduleLoops }, ...f.facts.functions.map((fn) => ({ fn, loops: fn.loops }))];
    for (const { fn, loops } of scopes) {
      const found: { loop: LoopFact; reached: Reached }[] = [];
      for (const loop of loops) {
        if (!stepLoop(loop) || f.file.loops.some((l) => l.line === loop.line)) continue;
        // A loop around a detected request is the file's detection's to take (it did not: no tool handling in it).
        if (directRequest(f.file, loop)) continue;
        // A request only the repository reveals, sent by the body itself (loop-requests.ts); else what the body reaches.
        const own = requests.inBody(path, loop);
        const reached = own.length ? sentInBody(store, graph, requests, path, fn, loop, own) : reach(store, graph, requests, path, fn, loop);
        if (!reached.steps.length || !carriedStep(loop, reached.stepEdges.map((e) => e.line))) continue;
        if (fannedOutStep(loop, reached.stepEdges.map((e) => e.line))) continue;
        if (notAgentLoop(ev, graph, store, path, fn, loop, reached)) continue;
        found.push({ loop, reached });
      }
      // An outer loop around an agent loop runs tasks, not steps — unless it sends a request of its own outside
      // the inner loops (one idea per pass, then rounds of reflection on it): then the inner loops run inside its steps.
      // Loops the file's detection took count as inner loops too.
      const spans: Span[] = [...found.map((o) => o.loop), ...f.file.loops];
      for (const { loop, reached } of found) {
        const inside = spans.filter((o) => o !== loop && o.line >= loop.line && o.endLine <= loop.endLine && (o.line > loop.line || o.endLine < loop.endLine));
        if (inside.length && !reached.stepEdges.some((e) => !inside.some((o) => o.line <= e.line && e.line <= o.endLine))) continue;
        if (inside.length) nested.set(loop, inside);
        candidates.push({ path, fn, loop, reached });
      }
    }
  }
  const priced = candidates.map((c) => ({ ...c, repoLoop: priceable(ev, dispatch, c.path, c.fn, c.loop, c.reached, store, requests) }));
  const kept = withoutTaskLoops(priced.map((c) => ({ ...c, runsToEnd: c.repoLoop.loop.unbounded })));
  // Loops run inside each step of another (found here or by detection): steps of that loop's task.
  const found = new Map<string, LoopSpan[]>();
  for (const c of kept) found.set(c.path, [...(found.get(c.path) ?? []), { path: c.path, line: c.loop.line, endLine: c.loop.endLine }]);
  const loopsIn = (path: string): LoopSpan[] => [...(found.get(path) ?? []), ...(store.get(path)?.file.loops ?? []).map((l) => ({ path, line: l.line, endLine: l.endLine }))];
  const inner = innerLoopsOf(kept, loopsIn);
  for (const c of kept) {
    // Inner loops of its own function: those kept here, and those the file's detection reports.
    const reported = (l: Span): boolean => kept.some((k) => k.path === c.path && k.loop === l) || (store.get(c.path)?.file.loops ?? []).includes(l as DetectedLoop);
    const own = (nested.get(c.loop) ?? []).filter(reported).map((l) => ({ path: c.path, line: l.line, hops: 0 }));
    if (own.length) inner.set(c, [...own, ...(inner.get(c) ?? []).filter((i) => !own.some((o) => o.line === i.line && o.path === i.path))]);
  }
  const loops = kept.map((c) => (inner.has(c) ? { ...c.repoLoop, innerLoops: inner.get(c)! } : c.repoLoop));
  // Functions that call themselves level by level (recursion-loops.ts), where no loop is reported already.
  const taken = (path: string, line: number, endLine: number): boolean => loops.some((l) => l.path === path && l.loop.line === line) || (store.get(path)?.file.loops ?? []).some((l) => l.line >= line && l.endLine <= endLine);
  const reachFrom = (path: string, fn: FunctionFact, body: LoopFact) => reach(store, graph, requests, path, fn, body);
  const recursions = recursionLoops(store, ev, reachFrom, taken, requests);
  // Tasks that re-enqueue themselves (requeue-loops.ts), where no loop is reported already.
  const takenToo = (path: string, line: number, endLine: number): boolean => taken(path, line, endLine) || recursions.some((l) => l.path === path && l.loop.line === line);
  // Chat hooks that post again while the answer's tool calls have results (chat-hook-loops.ts): the loop is in the
  // client component, its steps the route's request.
  return [...loops, ...recursions, ...requeueLoops(store, graph, ev, reachFrom, takenToo, requests), ...chatHookLoops(store, ev, reachFrom, requests), ...storeMethodLoops(store, requests, revealed, takenToo), ...routeCycleLoops(store, graph, reachFrom, requests, takenToo)];
}

interface Reached {
  readonly steps: { path: string; callId: string }[];
  /** Requests reached only through a call under a condition while others are reached on every pass: sent on some passes. */
  readonly sometimes: { path: string; callId: string }[];
  /** Edges out of the loop body that lead to a request, and the others. */
  readonly stepEdges: Edge[];
  readonly otherEdges: Edge[];
  /** Functions on the way from the loop to its requests, and the ones they call directly (cost checks). */
  readonly chain: Chain[];
  /** The calls taken on the way, past the loop's own function: `path#function` and the line of the call it makes. */
  readonly through: Passage[];
}

/** A breadth-first search from a loop's body to the requests it reaches: the first requests found and the way there. */
interface Search {
  readonly steps: { path: string; callId: string }[];
  readonly hits: string[];
  /** Where each function was first reached from: the loop's edge or a function key. */
  readonly parent: Map<string, string | Edge>;
  /** The line of the call in the parent function that reached each function. */
  readonly via: Map<string, number>;
  /** Further calls in the same parent to the same function. */
  readonly alsoVia: Map<string, number[]>;
}

/**
 * Requests reachable from the loop's body (breadth first, a few hops). `sure`: only through calls made on
 * every run of their function (not in an `if`/`except` branch, branch-calls.ts): the requests every pass sends.
 */
function search(store: RepoStore, graph: CallGraph, requests: ReadonlyMap<string, string[]>, bodyEdges: readonly Edge[], sure: boolean): Search {
  const parent = new Map<string, string | Edge>();
  const via = new Map<string, number>();
  const alsoVia = new Map<string, number[]>();
  let frontier: { key: string; path: string; fn: string }[] = [];
  for (const e of bodyEdges) {
    const key = `${e.target.path}#${e.target.fn}`;
    if (sure && e.branch) continue;
    if (!parent.has(key)) {
      parent.set(key, e);
      frontier.push({ key, ...e.target });
    }
  }
  const steps: { path: string; callId: string }[] = [];
  const hits: string[] = [];
  const seen = new Set<string>();
  for (let hop = 0; hop < MAX_HOPS && frontier.length && steps.length === 0; hop++) {
    const next: typeof frontier = [];
    for (const t of frontier) {
      if (seen.has(t.key)) continue;
      seen.add(t.key);
      const ids = requests.get(t.key) ?? [];
      for (const id of ids) steps.push({ path: t.path, callId: id });
      if (ids.length) hits.push(t.key);
      if (!store.get(t.path)) continue;
      for (const e of graph.outgoing(t.path, t.fn)) {
        if (sure && e.branch) continue;
        const key = `${e.target.path}#${e.target.fn}`;
        // Every call from the parent to the function is on the way (`ai.next` before a retry loop and inside it).
        if (parent.get(key) === t.key) alsoVia.set(key, [...(alsoVia.get(key) ?? []), e.line]);
        if (parent.has(key)) continue;
        parent.set(key, t.key);
        via.set(key, e.line);
        next.push({ key, ...e.target });
      }
    }
    frontier = next;
  }
  return { steps, hits, parent, via, alsoVia };
}

/**
 * Requests reachable from the loop's body through the call graph, with the way there. The step is what every
 * pass sends: requests reached through calls made on each run come first; a request reached only under a
 * condition (a judge when the task is done) is the step only when nothing else is reached, and is otherwise
 * kept aside as sent on some passes.
 */
function reach(store: RepoStore, graph: CallGraph, requests: LoopRequests, path: string, fn: FunctionFact | undefined, loop: LoopFact): Reached {
  const lines = new Set(loop.calls.map((c) => c.line));
  const bodyEdges = graph.outgoing(path, fn?.name).filter((e) => lines.has(e.line));
  const every = search(store, graph, requests.sure, bodyEdges, true);
  const any = search(store, graph, requests.any, bodyEdges, false);
  const found = every.steps.length ? every : any;
  const sometimes = found === every ? any.steps.filter((s) => !every.steps.some((e) => e.path === s.path && e.callId === s.callId)) : [];
  const { steps, hits, parent, via, alsoVia } = found;
  const onWay = new Set<string>();
  const stepEdges = new Set<Edge>();
  const through: Passage[] = [];
  for (const hit of hits) {
    let key: string | Edge | undefined = hit;
    const passages: { fn: string; line: number; level: number }[] = [];
    let levels = 0;
    for (let i = 0; typeof key === 'string' && i <= MAX_HOPS; i++) {
      onWay.add(key);
      const up: string | Edge | undefined = parent.get(key);
      const line = via.get(key);
      if (typeof up === 'string' && line !== undefined) {
        for (const l of [line, ...(alsoVia.get(key) ?? [])]) passages.push({ fn: up, line: l, level: levels });
        levels++;
      }
      key = up;
    }
    // Counted from the loop: the first function past the loop's own is one call away.
    for (const p of passages) through.push({ fn: p.fn, line: p.line, hops: levels - p.level });
    if (key && typeof key !== 'string') stepEdges.add(key);
  }
  const stepLines = new Set([...stepEdges].map((e) => e.line));
  for (const e of bodyEdges) if (stepLines.has(e.line)) stepEdges.add(e);
  const chain: Chain[] = [];
  const addChain = (key: string): void => {
    const [p, name] = [key.slice(0, key.indexOf('#')), key.slice(key.indexOf('#') + 1)];
    const f = store.get(p)?.functions.get(name);
    if (f && !chain.some((c) => c.fn === f)) chain.push({ path: p, fn: f });
  };
  for (const key of onWay) {
    addChain(key);
    const [p, name] = [key.slice(0, key.indexOf('#')), key.slice(key.indexOf('#') + 1)];
    for (const e of graph.outgoing(p, name)) addChain(`${e.target.path}#${e.target.fn}`);
  }
  return { steps, sometimes, stepEdges: [...stepEdges], otherEdges: bodyEdges.filter((e) => !stepEdges.has(e)), chain, through };
}

function directRequest(file: DetectedFile, loop: LoopFact): boolean {
  return file.calls.some((c) => !c.agent && c.line >= loop.line && c.line <= loop.endLine);
}

/**
 * A loop whose body sends revealed requests itself: they are its steps. The calls carrying them stand for the
 * edges to a request (what the sampling and REPL checks read); the body's other calls are its own, and the
 * functions they call are where a cost check may stop it.
 */
function sentInBody(store: RepoStore, graph: CallGraph, requests: LoopRequests, path: string, fn: FunctionFact | undefined, loop: LoopFact, own: readonly StepRequest[]): Reached {
  const lines = new Set(loop.calls.map((c) => c.line));
  const bodyEdges = graph.outgoing(path, fn?.name).filter((e) => lines.has(e.line));
  const stepCalls = own.map((s) => ({ s, call: requests.callIn(loop, s) }));
  const stepEdges: Edge[] = [];
  for (const { s, call } of stepCalls) {
    if (!call || call.expr.k !== 'call') continue;
    stepEdges.push({ path, from: fn?.name, line: call.line, callee: call.callee, bound: { args: call.expr.args, kw: call.expr.kw, ctx: { path, fn } }, target: { path, fn: `<request ${s.callId}>` } });
  }
  const stepLines = new Set(stepEdges.map((e) => e.line));
  const otherEdges = bodyEdges.filter((e) => !stepLines.has(e.line));
  const chain: Chain[] = [];
  for (const e of otherEdges) {
    const target = store.get(e.target.path)?.functions.get(e.target.fn);
    if (target && !chain.some((c) => c.fn === target)) chain.push({ path: e.target.path, fn: target });
  }
  return { steps: [...own], sometimes: [], stepEdges, otherEdges, chain, through: [] };
}

function priceable(ev: Evaluator, dispatch: Dispatch, path: string, fn: FunctionFact | undefined, loop: LoopFact, reached: Reached, store: RepoStore, requests: LoopRequests): RepoLoop {
  const steps = reached.steps;
  const stepLine = reached.stepEdges.length ? Math.min(...reached.stepEdges.map((e) => e.line)) : undefined;
  const calleeAt = (line: number): Chain | undefined => {
    const edge = [...reached.stepEdges, ...reached.otherEdges].find((e) => e.line === line);
    const target = edge ? store.get(edge.target.path)?.functions.get(edge.target.fn) : undefined;
    return edge && target ? { path: edge.target.path, fn: target } : undefined;
  };
  const bound = loopBound(ev, dispatch, { path, fn }, loop, stepLine, reached.chain, store, reached.stepEdges.map((e) => e.line), calleeAt);
  const id = `l${loop.line}.${loop.column}`;
  const siteOf = (s: StepRequest): SourceRef => ({ path: s.path, line: requests.lineOf(s) });
  const stepSites = steps.map(siteOf);
  const sometimesSites = reached.sometimes.map(siteOf);
  return {
    path,
    loop: {
      id,
      line: loop.line,
      column: loop.column,
      endLine: loop.endLine,
      endColumn: loop.endColumn,
      framework: 'hand-written',
      ...(bound.maxSteps !== undefined ? { maxSteps: bound.maxSteps, stepOption: bound.option } : {}),
      // A loop over data ends with its list (carried-items.ts).
      unbounded: bound.maxSteps === undefined && !bound.costBounded && !loop.overData,
      // A step in another file is named by stepSites; a call id is only meaningful within the loop's file.
      ...(steps[0].path === path ? { callId: steps[0].callId } : {}),
      rule: 'call-graph-loop',
    },
    step: steps[0],
    stepSites,
    ...(bound.boundKind ? { boundKind: bound.boundKind } : {}),
    ...(bound.boundAt ? { boundAt: bound.boundAt } : {}),
    ...(bound.costLimitUsd !== undefined ? { costLimitUsd: bound.costLimitUsd } : {}),
    ...(sometimesSites.length ? { sometimesSites } : {}),
  };
}
