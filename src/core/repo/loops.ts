/**
 * Agent loops across functions and files: a loop whose body reaches a request
 * through the repository's own functions and methods. Its bound comes from the
 * header (`range(n)`, `i < max_steps`) or a guard (`if cost > limit: break`), with
 * parameters, attributes and their defaults followed; a cost limit is kept apart
 * (pricing turns it into steps at the cost per step).
 */
import type { DetectedFile } from '../detect/types';
import type { SourceRef } from '../report/types';
import type { FunctionFact, LoopFact } from './facts';
import type { Evaluator } from './evaluate';
import type { CallGraph } from './graph';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';

const COST = /cost|budget|spend|price|usd|dollar/i;
const MAX_HOPS = 8;

export function findRepoLoops(store: RepoStore, graph: CallGraph, ev: Evaluator): RepoLoop[] {
  const requests = requestsByFunction(store);
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    const path = f.file.path;
    const scopes: { fn?: FunctionFact; loops: readonly LoopFact[] }[] = [{ loops: f.facts.moduleLoops }, ...f.facts.functions.map((fn) => ({ fn, loops: fn.loops }))];
    for (const { fn, loops } of scopes) {
      const found: { loop: LoopFact; steps: { path: string; callId: string }[] }[] = [];
      for (const loop of loops) {
        if (loop.overData || f.file.loops.some((l) => l.line === loop.line)) continue;
        if (directRequest(f.file, loop)) continue;
        const steps = reach(store, graph, requests, path, fn, loop);
        if (steps.length) found.push({ loop, steps });
      }
      // Innermost loops only: an outer loop around an agent loop runs tasks, not steps.
      for (const { loop, steps } of found) {
        if (found.some((o) => o.loop !== loop && o.loop.line >= loop.line && o.loop.endLine <= loop.endLine)) continue;
        out.push(priceable(ev, path, fn, loop, steps, store));
      }
    }
  }
  return out;
}

/** Requests detection found, by `path#function`. */
function requestsByFunction(store: RepoStore): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of store.files()) {
    for (const c of f.facts.calls) {
      const call = f.file.calls.find((x) => x.id === c.id);
      if (!call || call.agent || !c.fn) continue;
      const key = `${f.file.path}#${c.fn}`;
      out.set(key, [...(out.get(key) ?? []), c.id]);
    }
  }
  return out;
}

function directRequest(file: DetectedFile, loop: LoopFact): boolean {
  return file.calls.some((c) => !c.agent && c.line >= loop.line && c.line <= loop.endLine);
}

/** Requests reachable from the loop's body through the call graph (breadth first, a few hops). */
function reach(store: RepoStore, graph: CallGraph, requests: ReadonlyMap<string, string[]>, path: string, fn: FunctionFact | undefined, loop: LoopFact): { path: string; callId: string }[] {
  const lines = new Set(loop.calls.map((c) => c.line));
  let frontier = graph.outgoing(path, fn?.name).filter((e) => lines.has(e.line)).map((e) => e.target);
  const seen = new Set<string>();
  const found: { path: string; callId: string }[] = [];
  for (let hop = 0; hop < MAX_HOPS && frontier.length && found.length === 0; hop++) {
    const next: { path: string; fn: string }[] = [];
    for (const t of frontier) {
      const key = `${t.path}#${t.fn}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const id of requests.get(key) ?? []) found.push({ path: t.path, callId: id });
      if (store.get(t.path)) next.push(...graph.outgoing(t.path, t.fn).map((e) => e.target));
    }
    frontier = next;
  }
  return found;
}

function priceable(ev: Evaluator, path: string, fn: FunctionFact | undefined, loop: LoopFact, steps: { path: string; callId: string }[], store: RepoStore): RepoLoop {
  const ctx = { path, fn };
  let maxSteps: number | undefined;
  let option: string | undefined;
  let boundKind: RepoLoop['boundKind'];
  let boundAt: SourceRef | undefined;
  let costLimitUsd: number | undefined;
  if (loop.rangeEnd) {
    const v = ev.eval(loop.rangeEnd, ctx);
    if (v?.t === 'num') {
      maxSteps = v.v;
      option = 'range';
      boundKind = loop.rangeEnd.k === 'num' ? 'steps' : 'parameter';
      boundAt = v.at;
    }
  }
  for (const limit of loop.limits) {
    if (maxSteps !== undefined) break;
    const v = ev.eval(limit.right, ctx);
    if (v?.t !== 'num') continue;
    const rightText = limit.right.k === 'member' ? limit.right.prop : limit.right.k === 'name' ? limit.right.v : '';
    if (COST.test(limit.left) || COST.test(rightText)) {
      costLimitUsd ??= v.v;
      boundAt ??= v.at;
      continue;
    }
    if (v.v <= 0) continue;
    maxSteps = v.v + (limit.op === '<=' || limit.op === '>' ? 1 : 0);
    option = `${limit.left} ${limit.op} ${rightText || v.v}`;
    boundKind = limit.right.k === 'num' ? 'counter' : 'parameter';
    boundAt = v.at;
  }
  if (maxSteps === undefined && costLimitUsd !== undefined) boundKind = 'cost-limit';
  const id = `l${loop.line}.${loop.column}`;
  const stepSites = steps.map((s) => ({ path: s.path, line: store.get(s.path)?.file.calls.find((c) => c.id === s.callId)?.line ?? 1 }));
  return {
    path,
    loop: {
      id,
      line: loop.line,
      column: loop.column,
      endLine: loop.endLine,
      endColumn: loop.endColumn,
      framework: 'hand-written',
      ...(maxSteps !== undefined ? { maxSteps, stepOption: option } : {}),
      unbounded: maxSteps === undefined && costLimitUsd === undefined,
      // A step in another file is named by stepSites; a call id is only meaningful within the loop's file.
      ...(steps[0].path === path ? { callId: steps[0].callId } : {}),
    },
    step: steps[0],
    stepSites,
    ...(boundKind ? { boundKind } : {}),
    ...(boundAt ? { boundAt } : {}),
    ...(costLimitUsd !== undefined ? { costLimitUsd } : {}),
  };
}
