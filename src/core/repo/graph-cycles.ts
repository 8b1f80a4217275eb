/**
 * LangGraph cycles whose node functions live in other files (`.addNode("condensePost", condensePost)` with
 * `condensePost` imported): detection names the cycle's nodes (detect/graphs.ts); here each node's function is
 * followed to its file and the requests it sends, through the call graph, are the cycle's steps. The bound is the
 * counter detection read in a router of the cycle (`state.condenseCount <= 3`: 4 passes), else LangGraph's
 * recursion limit.
 *
 * Not agent loops: a cycle through a node that waits for a person (`interrupt(…)`, LangGraph's human-in-the-loop:
 * one pass per answer, like a REPL), and a cycle whose node functions cannot all be followed (a node we cannot read
 * might be that person). Where a group of nodes holds both, the cycles that avoid the person's nodes are the loop
 * (a drafting node's tool rounds beside an approval step).
 */
import type { DetectedLoop } from '../detect/types';
import type { SourceRef } from '../report/types';
import type { Evaluator, Val } from './evaluate';
import { tryEval } from './eval-args';
import type { FunctionFact, GraphCycleFact } from './facts';
import { counterSide, passPlan } from '../detect/graph-passes';
import { routerBound } from './graph-routers';
import { refExpr } from './resolved-models';
import type { CallGraph } from './graph';
import type { RepoStore } from './store';
import type { RepoLoop } from './types';

const MAX_HOPS = 3;
/** LangGraph's human-in-the-loop pause: a node calling it waits for a person's answer. */
const WAITS_FOR_PERSON = /(^|\.)(interrupt|NodeInterrupt)$/;

interface Fn {
  readonly path: string;
  readonly fn: string;
}

export function graphCycleLoops(store: RepoStore, graph: CallGraph, ev: Evaluator): RepoLoop[] {
  const out: RepoLoop[] = [];
  for (const f of store.files()) {
    for (const cycle of f.facts.graphCycles ?? []) {
      const loop = cycleLoop(store, graph, ev, f.file.path, cycle);
      if (loop) out.push(loop);
    }
  }
  return out;
}

function cycleLoop(store: RepoStore, graph: CallGraph, ev: Evaluator, path: string, cycle: GraphCycleFact): RepoLoop | undefined {
  // Node functions may be locals of the function that builds the graph (`bull = create_bull(llm)`): evaluated there.
  const builder = innermostFunction(store, path, cycle.line);
  const reached = new Map<string, Fn[]>();
  for (const node of cycle.nodes) {
    if (node.tools) continue; // a prebuilt tool node: the tools run, no request is sent there
    // A node built by a table's factory is any of them (one per pass of the loop that adds it): all are followed.
    const refs = node.fn ? [refExpr(node.fn, 'name', cycle.line)] : (node.choices ?? []).map((c) => refExpr(c, 'call', cycle.line));
    if (!refs.length) return undefined;
    const starts: Fn[] = [];
    for (const ref of refs) {
      const v = tryEval(ev, ref, { path, fn: builder });
      const fns = v?.t === 'fn' ? [{ path: v.path, fn: v.fn.name }] : ref.k === 'call' ? factoryClosures(store, tryEval(ev, ref.callee, { path, fn: builder })) : [];
      if (!fns.length) return undefined;
      starts.push(...fns);
    }
    reached.set(node.name, reachable(graph, starts));
  }
  const waits = (fns: readonly Fn[]): boolean => fns.some((fn) => store.get(fn.path)?.functions.get(fn.fn)?.calls.some((c) => WAITS_FOR_PERSON.test(c.callee)));
  const people = new Set([...reached].filter(([, fns]) => waits(fns)).map(([name]) => name));
  // A person's turn splits the group: the cycles that go round without one (the model's tool rounds) still run alone.
  const running = people.size ? cyclesAvoiding(cycle, people) : new Set(cycle.nodes.map((n) => n.name));
  if (!running.size) return undefined;
  const steps: { path: string; callId: string; line: number; fn: string }[] = [];
  const seen = new Set<string>();
  for (const fn of [...reached].filter(([name]) => running.has(name)).flatMap(([, fns]) => fns)) {
    const key = `${fn.path}#${fn.fn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stored = store.get(fn.path);
    for (const fact of stored?.facts.calls ?? []) {
      if (fact.fn !== fn.fn) continue;
      // `ChatOpenAI(…).invoke(…)` in one expression: the binding and the request start at one place and share its id.
      const call = stored!.file.calls.find((c) => c.id === fact.id && !c.agent && c.role !== 'binding');
      if (call) steps.push({ path: fn.path, callId: call.id, line: call.line, fn: key });
    }
  }
  if (!steps.length) return undefined;
  const routed = cycle.maxSteps === undefined && cycle.routers ? routerBound(ev, cycle.routers, { path, fn: builder, line: cycle.line }) : undefined;
  const bound = routed ? { maxSteps: routed.steps, stepOption: routed.option } : cycle.maxSteps !== undefined ? { maxSteps: cycle.maxSteps, stepOption: cycle.stepOption } : {};
  const loop: DetectedLoop = {
    id: `l${cycle.line}.${cycle.column}`,
    line: cycle.line,
    column: cycle.column,
    endLine: cycle.endLine,
    endColumn: cycle.endColumn,
    framework: 'langgraph',
    ...bound,
    unbounded: false,
    defaultsKey: 'langgraph',
    rule: 'graph-cycle-nodes',
  };
  const stepSites: SourceRef[] = steps.map((s) => ({ path: s.path, line: s.line }));
  const perPass = bound.maxSteps !== undefined ? passesOf(store, [...reached].filter(([name]) => running.has(name)), steps, bound.stepOption) : undefined;
  return { path, loop, step: { path: steps[0].path, callId: steps[0].callId }, stepSites, ...(perPass ? { perPass } : {}) };
}

/**
 * One request per request node each pass, where fewer nodes write the compared counter than send (the counter read
 * from the bound's comparison as written): the node's own function text is read for the write.
 */
function passesOf(store: RepoStore, nodes: readonly [string, Fn[]][], steps: readonly { path: string; callId: string; line: number; fn: string }[], option: string | undefined): RepoLoop['perPass'] {
  const text = (fn: Fn | undefined): string | undefined => {
    const f = fn ? store.get(fn.path)?.functions.get(fn.fn) : undefined;
    return f ? store.reader?.(fn!.path)?.split('\n').slice(f.line - 1, f.endLine).join('\n') : undefined;
  };
  const byNode = nodes.map(([name, fns]) => ({ name, text: text(fns[0]), requests: steps.filter((s) => fns.some((f) => `${f.path}#${f.fn}` === s.fn)) }));
  // The first request a node reaches: the others may be providers a dispatch picks between (gptme, gpt-pilot).
  const plan = passPlan(byNode.map((n) => ({ ...n, requests: n.requests.slice(0, 1).map((s) => `${s.path}#${s.callId}`) })), option ? counterSide(option) : undefined);
  if (!plan) return undefined;
  const sites = plan.requests.map((k) => steps.find((s) => `${s.path}#${s.callId}` === k)!).map((s) => ({ path: s.path, line: s.line, callId: s.callId }));
  // The loop is priced on its first step: that request leads the pass.
  sites.sort((a, b) => Number(b.callId === steps[0].callId && b.path === steps[0].path) - Number(a.callId === steps[0].callId && a.path === steps[0].path));
  return { writers: plan.writers, sites };
}

/**
 * The nodes still on a cycle once those where a person answers are taken out: `draft → find_meeting_time → draft`
 * runs by itself, `draft → ask_human → draft` waits for a person each time. Nothing without the edges (an old fact).
 */
function cyclesAvoiding(cycle: GraphCycleFact, people: ReadonlySet<string>): Set<string> {
  if (cycle.nodes.some((n) => !n.next)) return new Set();
  const next = new Map(cycle.nodes.filter((n) => !people.has(n.name)).map((n) => [n.name, (n.next ?? []).filter((t) => !people.has(t))]));
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(next.get(from) ?? [])];
    while (stack.length) {
      const n = stack.pop()!;
      if (n === target) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(...(next.get(n) ?? []));
    }
    return false;
  };
  return new Set([...next.keys()].filter((n) => reaches(n, n)));
}

/**
 * The node functions a factory builds (`def create_analyst(llm): def analyst_node(state): …; return analyst_node`):
 * the functions written inside it. Read from the factory's span, as a long factory's return is not kept as a value.
 */
function factoryClosures(store: RepoStore, factory: Val | undefined): Fn[] {
  if (factory?.t !== 'fn') return [];
  const { line, endLine } = factory.fn;
  const inner = [...(store.get(factory.path)?.functions.values() ?? [])].filter((f) => f !== factory.fn && line < f.line && f.endLine <= endLine);
  return inner.map((f) => ({ path: factory.path, fn: f.name }));
}

function innermostFunction(store: RepoStore, path: string, line: number): FunctionFact | undefined {
  let fn: FunctionFact | undefined;
  for (const f of store.get(path)?.functions.values() ?? []) if (f.line <= line && line <= f.endLine && (!fn || f.line >= fn.line)) fn = f;
  return fn;
}

/** The node functions and the repository functions they call, a few hops deep. */
function reachable(graph: CallGraph, starts: readonly Fn[]): Fn[] {
  const seen = new Map<string, Fn>();
  let frontier = [...starts];
  for (let hop = 0; hop <= MAX_HOPS && frontier.length; hop++) {
    const next: Fn[] = [];
    for (const f of frontier) {
      const key = `${f.path}#${f.fn}`;
      if (seen.has(key)) continue;
      seen.set(key, f);
      for (const e of graph.outgoing(f.path, f.fn)) next.push(e.target);
    }
    frontier = next;
  }
  return [...seen.values()];
}
