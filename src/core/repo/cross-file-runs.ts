/**
 * Agent runs across files: `Runner.run(agent, …)` in one file, the agent defined in another (imported,
 * or returned by a helper: `get_agent(name)` → `agents.get(name, triage_agent)`). The run is the task:
 * the loop is anchored at the run, bounded by its `max_turns` or the framework's default, and the
 * agent's own loop (with its handoff targets) becomes a step of it instead of a task of its own.
 */
import { loopOwnsAgent } from '../detect/loop-groups';
import { AGENT_METHOD_RUN, loopStaysAtDefinition, RUNS_AGENT_OPTION, runsAgentByMethod } from '../detect/agent-object-runs';
import type { DetectedCall, DetectedLoop } from '../detect/types';
import type { Expr, FunctionFact } from './facts';
import type { Evaluator } from './evaluate';
import { heldValues, whole } from './held-values';
import type { RepoStore } from './store';
import type { Ctx } from './values';
import type { RepoLoop, ResolvedModel } from './types';

const RUN = /^(Runner|runner)\.(run|run_sync|run_streamed)$/;
/** Hops from a run to the agent's definition: a Streamlit page's state object, its session state, a loader's tuple, the builder. */
const MAX_DEPTH = 14;

export interface AgentRuns {
  readonly loops: RepoLoop[];
  /** Per file: the loop ids now run from another file → the id of the loop that runs them (`path#id`). */
  readonly elsewhere: Map<string, Map<string, string>>;
  /**
   * Per file: the requests its runs of agents defined elsewhere make, one at each run's line (the agent's
   * call, moved there, as a same-file run is by report/agent-runs.ts), each a step of the run's loop.
   */
  readonly requests: Map<string, RunRequest[]>;
}

export interface RunRequest {
  readonly call: DetectedCall;
  /** The agent definition it runs, in its own file (for a model only the repository pass resolves there). */
  readonly agent: { readonly path: string; readonly call: DetectedCall };
  /** The loop of the run (in the same file): the request is its task's, priced there. */
  readonly loopId: string;
}

export function findAgentRuns(store: RepoStore, ev: Evaluator): AgentRuns {
  const loops: RepoLoop[] = [];
  const elsewhere = new Map<string, Map<string, string>>();
  const requests = new Map<string, RunRequest[]>();
  // Runs of agent objects are looked for only where the repository builds one (the common calls they share names with are many).
  const objectAgents = [...store.files()].some((f) => f.file.loops.some((l) => loopStaysAtDefinition(l.defaultsKey)));
  for (const f of store.files()) {
    const path = f.file.path;
    for (const fn of [undefined, ...f.facts.functions]) {
      for (const c of fn ? fn.calls : f.facts.moduleCalls) {
        if (c.expr.k !== 'call') continue;
        if (!RUN.test(c.callee)) {
          if (objectAgents) objectRun(store, ev, c.expr, { path, fn }, requests);
          continue;
        }
        const first = c.expr.args[0] ?? c.expr.kw.starting_agent;
        const def = first ? definitionOf(store, ev, first, { path, fn }, 0) : undefined;
        if (!def || def.path === path) continue; // a run in the agent's own file is detection's (agent-runs.ts in report)
        const target = store.get(def.path)?.file;
        const agent = target?.calls.find((x) => x.agent && x.line === def.line);
        const agentLoop = agent ? target!.loops.find((l) => loopOwnsAgent(l, agent.id) && !l.stepOf) : undefined;
        if (!agent || !agentLoop) continue;
        const id = `l${c.line}.0`;
        const ref = `${path}#${id}`;
        const turns = c.expr.kw.max_turns;
        const maxTurns = turns?.k === 'num' ? turns.v : undefined;
        const steps = target!.loops.filter((l) => l === agentLoop || l.stepOf === agentLoop.id);
        const stepSites = steps.map((l) => ({ path: def.path, line: target!.calls.find((x) => x.id === l.callId)?.line ?? l.line }));
        const loop: DetectedLoop = {
          id,
          line: c.line,
          column: 1,
          endLine: c.line,
          endColumn: 1,
          framework: agentLoop.framework,
          ...(agentLoop.defaultsKey ? { defaultsKey: agentLoop.defaultsKey } : {}),
          ...(maxTurns !== undefined ? { maxSteps: maxTurns, stepOption: 'max_turns' } : agentLoop.maxSteps !== undefined ? { maxSteps: agentLoop.maxSteps, stepOption: agentLoop.stepOption } : {}),
          unbounded: false,
          rule: 'agent-run-elsewhere',
        };
        if (loops.some((l) => l.path === path && l.loop.id === id)) continue;
        loops.push({ path, loop, step: { path: def.path, callId: agent.id }, stepSites });
        const list = requests.get(path) ?? [];
        list.push({ call: runRequest(agent, c.callee, c.line), agent: { path: def.path, call: agent }, loopId: id });
        requests.set(path, list);
        let moved = elsewhere.get(def.path);
        if (!moved) elsewhere.set(def.path, (moved = new Map()));
        if (!moved.has(agentLoop.id)) moved.set(agentLoop.id, ref);
      }
    }
  }
  return { loops, elsewhere, requests };
}

/**
 * `researchAgent.stream({ messages })`, `createAgentUIStreamResponse({ agent })`: a run of an agent object (an AI SDK
 * agent) built in another module or by a factory (`researchAgent = researcher({...})` returning `new ToolLoopAgent(…)`).
 * The run is a request at its line, on the agent's model; the agent's loop stays at its definition, bounded there,
 * and the request is priced as its task's (agent-object-runs.ts). A run detection linked already (an agent
 * written in the same file) is left to it.
 */
function objectRun(store: RepoStore, ev: Evaluator, call: Extract<Expr, { k: 'call' }>, ctx: { path: string; fn?: FunctionFact }, requests: Map<string, RunRequest[]>): void {
  const option = RUNS_AGENT_OPTION.test(call.text.split('(')[0]) ? agentOption(call) : undefined;
  const receiver = !option && call.callee.k === 'member' && AGENT_METHOD_RUN.test(`.${call.callee.prop}`) ? call.callee.obj : undefined;
  const agentExpr = option ?? receiver;
  if (!agentExpr) return;
  const def = definitionOf(store, ev, agentExpr, ctx, 0);
  const target = def ? store.get(def.path)?.file : undefined;
  const agent = target?.calls.find((x) => x.agent && x.line === def!.line);
  if (!agent || agent.runs?.length) return;
  const agentLoop = target!.loops.find((l) => loopOwnsAgent(l, agent.id) && !l.stepOf);
  if (!agentLoop || !loopStaysAtDefinition(agentLoop.defaultsKey)) return;
  const callee = option ? call.text.split('(')[0] : `${exprName(call.callee.k === 'member' ? call.callee.obj : call.callee)}.${call.callee.k === 'member' ? call.callee.prop : ''}`;
  if (receiver && !runsAgentByMethod(agentLoop.defaultsKey, callee)) return;
  const list = requests.get(ctx.path) ?? [];
  if (list.some((r) => r.call.line === call.line)) return;
  const loopId = def!.path === ctx.path ? agentLoop.id : `${def!.path}#${agentLoop.id}`;
  list.push({ call: { ...runRequest(agent, callee, call.line), rule: 'agent-object-run' }, agent: { path: def!.path, call: agent }, loopId });
  requests.set(ctx.path, list);
}

/** The `agent` option of a helper's options object (`createAgentUIStreamResponse({ agent, uiMessages })`). */
function agentOption(call: Extract<Expr, { k: 'call' }>): Expr | undefined {
  const first = call.args[0];
  return call.kw.agent ?? (first?.k === 'dict' ? first.entries.agent : undefined);
}

function exprName(e: Expr): string {
  return e.k === 'name' ? e.v : e.k === 'member' ? `${exprName(e.obj)}.${e.prop}` : 'agent';
}

/** The request a run of `agent` makes at `line` of another file: the agent's call (its tools, framework) at the run. */
function runRequest(agent: DetectedCall, callee: string, line: number): DetectedCall {
  return {
    ...agent,
    id: `c${line}.run`,
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    callee,
    agent: false,
    rule: 'agent-run-elsewhere',
    role: undefined,
    runs: undefined,
    // Its model is the agent's, resolved where the agent is defined (RepoIndex.modelFor): not written here.
    model: undefined,
    modelRef: undefined,
    modelOrigin: undefined,
    alternatives: undefined,
    // The agent's prompts are reported (and sized) in its own file; this file has none of those ids.
    promptIds: [],
    // Not a step of the loop (it is the loop's own request): RepoIndex.stepOf names the loop it is priced in.
    usedBy: undefined,
  };
}

/** Where the value an expression holds is defined: a module-level `name = Agent(…)`, through imports, helpers and `.get(key, default)`. */
function definitionOf(store: RepoStore, ev: Evaluator, e: Expr, ctx: Ctx, depth: number): { path: string; line: number } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  // A dotted receiver cut at the extractor's depth (`current_state` of `current_state.builder_agent.chat`): rebuilt.
  if (e.k === 'unknown' && whole(e) !== e) return definitionOf(store, ev, whole(e), ctx, depth + 1);
  if (e.k === 'name') {
    const local = ctx.fn?.locals[e.v];
    if (local) return definitionOf(store, ev, local, ctx, depth + 1);
    if (ctx.fn?.params.some((p) => p.name === e.v)) return undefined;
    return globalDefinition(store, ev, ctx.path, e.v, depth + 1);
  }
  // A holder read (`st.session_state.agent`, `state.builder_agent`, an item of a returned tuple): what was put there.
  const held = e.k === 'member' || e.k === 'index' || e.k === 'call' ? heldValues(store, ev, e, ctx) : undefined;
  if (held) {
    for (const h of held) {
      const def = definitionOf(store, ev, h.expr, h.ctx, depth + 1);
      if (def) return def;
    }
    return undefined;
  }
  if (e.k !== 'call') return undefined;
  if (/\.get$/.test(e.text) && e.args[1]) return definitionOf(store, ev, e.args[1], ctx, depth + 1);
  let callee;
  try {
    callee = ev.eval(e.callee, { path: ctx.path, fn: ctx.fn });
  } catch {
    callee = undefined;
  }
  if (callee?.t === 'fn' && callee.fn.returns) return definitionOf(store, ev, callee.fn.returns, { path: callee.path, fn: callee.fn }, depth + 1);
  if (callee?.t === 'fn') return builtInside(store, callee.path, callee.fn) ?? { path: ctx.path, line: e.line };
  return { path: ctx.path, line: e.line };
}

/**
 * A builder too long for its return to be read as a value (`async def get_chat_engine(…) -> OpenAIAgent:`, a hundred
 * lines assembling tools before `return agent`): the one agent definition written inside it, where there is exactly
 * one and the declared return type, if any, names an agent-like object.
 */
function builtInside(store: RepoStore, path: string, fn: FunctionFact): { path: string; line: number } | undefined {
  if (fn.returnType !== undefined && !/Agent|Engine|Workflow|Runner/.test(fn.returnType)) return undefined;
  const inside = store.get(path)?.file.calls.filter((c) => c.agent && c.line >= fn.line && c.line <= fn.endLine) ?? [];
  return inside.length === 1 ? { path, line: inside[0].line } : undefined;
}

function globalDefinition(store: RepoStore, ev: Evaluator, path: string, name: string, depth: number): { path: string; line: number } | undefined {
  const file = store.get(path);
  if (!file || depth > MAX_DEPTH) return undefined;
  const value = file.facts.values[name];
  if (value?.k === 'call' && !heldValues(store, ev, value, { path })) return { path, line: value.line };
  // `agent = current_state.cache.agent` at module level (a Streamlit page): the holder it reads.
  if (value?.k === 'member' || value?.k === 'index' || value?.k === 'call') return definitionOf(store, ev, value, { path }, depth + 1);
  const imp = file.facts.imports.find((i) => i.local === name && i.name);
  const target = imp ? store.modules.resolve(path, imp.module) : undefined;
  return target ? globalDefinition(store, ev, target, imp!.name!, depth + 1) : undefined;
}

/** A run request's model is its agent's, found where the agent is defined (`modelFor` resolves it there). */
export function runModelOf(runs: AgentRuns, path: string, callId: string, modelFor: (path: string, call: DetectedCall) => ResolvedModel | undefined): ResolvedModel | undefined {
  const run = runs.requests.get(path)?.find((r) => r.call.id === callId);
  if (!run) return undefined;
  const agent = run.agent;
  const detail = `the model of the agent run here (${agent.path}:${agent.call.line})`;
  if (agent.call.model) return { model: agent.call.model, source: { from: 'code', at: { path: agent.path, line: agent.call.modelOrigin?.line ?? agent.call.line }, detail } };
  const found = modelFor(agent.path, agent.call);
  return found ? { model: found.model, source: { ...found.source, detail: `${detail}: ${found.source.detail ?? found.model}` } } : undefined;
}
