/**
 * Agent compositions priced as one task at their entry point:
 * - OpenAI Agents SDK: handoff targets (`handoffs=[billing_agent, handoff(refund_agent)]`, `x.handoffs.append(y)`)
 *   and agents used as tools (`tools=[spanish_agent.as_tool(…)]`) are steps of the entry agent's task, not
 *   tasks with their own traffic. The entry is the agent `Runner.run` is given, else one no other agent names.
 * - A loop around agent runs (`while True:` generator → judge, each a `Runner.run`) is an agent loop; the
 *   agents it runs are its steps. Without a counter or a step cap it is unbounded.
 * - CrewAI: a crew's agents are steps of the task its `kickoff` runs.
 */
import { AGENT_METHOD_RUN, RUNS_AGENT_OPTION, runsAgentByMethod } from './agent-object-runs';
import type { CallInfo } from './call-links';
import type { SyntaxNode } from './parser';
import { spanOf, type Mutable, type SiteRegistry } from './sites';
import { contains, type Collected, type LanguageSyntax } from './syntax';
import type { DetectedLoop } from './types';

const RUN = /^(Runner|runner)\.(run|run_sync|run_streamed|runSync)$|^run$/;
const HANDOFF_LIST = ['handoffs'];
/** Reads a person's input: the loop is a conversation, one task per turn. */
const USER_INPUT = /(^|[^\w.])(input|raw_input|input_with_fallback|confirm|readline|question|prompt)\s*\(|rl\.question|process\.stdin|sys\.stdin|console\.input/;

export function linkAgentTasks(syntax: LanguageSyntax, collected: Collected, sites: SiteRegistry, calls: readonly CallInfo[], loopBound: (loop: SyntaxNode) => { value: number; option: string } | undefined | 'not-a-loop'): void {
  const agents = calls.filter((c) => c.call.agent);
  if (!agents.length) return;
  const loopOf = (c: CallInfo): Mutable<DetectedLoop> | undefined => sites.loops.find((l) => l.callId === c.call.id);
  const agentAt = (node: SyntaxNode | undefined): CallInfo | undefined => {
    if (!node) return undefined;
    const target = syntax.resolve(node);
    return agents.find((a) => a.node.id === target.id);
  };
  const runTargets = new Set<CallInfo>();
  const runs: { node: SyntaxNode; agent: CallInfo }[] = [];
  for (const c of collected.calls) {
    const callee = syntax.callee(c);
    // An agent object run by its own methods (agent-object-runs.ts), or handed to a helper that runs its `agent` option.
    const byMethod = !RUN.test(callee) && AGENT_METHOD_RUN.test(callee);
    const byOption = RUNS_AGENT_OPTION.test(callee);
    if (!byMethod && !byOption && !RUN.test(callee)) continue;
    const agent = byMethod ? agentAt(syntax.receiver(c)) : agentAt(byOption ? syntax.args(c).named.get('agent') : syntax.args(c).positional[0]);
    if (!agent || (byMethod && !runsAgentByMethod(agent.rule.defaultsKey, callee)) || (byOption && agent.rule.defaultsKey !== 'vercel-ai-agent')) continue;
    runTargets.add(agent);
    runs.push({ node: c, agent });
    const span = spanOf(c);
    const input = byOption ? syntax.args(c).named.get('uiMessages') : (syntax.args(c).positional[byMethod ? 0 : 1] ?? syntax.args(c).named.get('input'));
    const inputIds = input ? sites.promptsWithin(input.startIndex, input.endIndex) : [];
    const placeholders = input && inputIds.length === 0 && input.type === 'identifier' ? [input.text] : [];
    agent.call.runs = [...(agent.call.runs ?? []), { id: `c${span.line}.${span.column}`, ...span, callee, promptIds: inputIds, inputPlaceholders: placeholders }];
  }

  // Who names whom: handoff lists and agents as tools, in the definition or set later (`x.handoffs = […]`, `.append`).
  const children = new Map<CallInfo, Set<CallInfo>>();
  const link = (parent: CallInfo | undefined, childNode: SyntaxNode | undefined): void => {
    if (!parent || !childNode) return;
    const handoffArgs = isCall(childNode) && /(^|\.)handoff$/.test(syntax.callee(childNode)) ? syntax.args(childNode) : undefined;
    const inner = handoffArgs ? (handoffArgs.positional[0] ?? handoffArgs.named.get('agent')) : childNode;
    const asTool = inner && isCall(inner) && /\.(as_tool|asTool)$/.test(syntax.callee(inner)) ? syntax.receiver(inner) : undefined;
    const child = agentAt(asTool ?? inner);
    if (!child || child === parent) return;
    let set = children.get(parent);
    if (!set) children.set(parent, (set = new Set()));
    set.add(child);
  };
  for (const a of agents) {
    for (const key of [...HANDOFF_LIST, 'tools']) {
      const list = a.args.named.get(key);
      for (const item of list ? (syntax.items(list) ?? []) : []) link(a, item);
    }
  }
  const byName = (name: string): CallInfo | undefined => agents.find((a) => declaredName(a.node) === name);
  for (const c of collected.calls) {
    const m = /^(\w+)\.handoffs\.(append|push|extend)$/.exec(syntax.callee(c));
    if (!m) continue;
    for (const arg of syntax.args(c).positional) for (const item of syntax.items(arg) ?? [arg]) link(byName(m[1]), item);
  }
  for (const d of collected.declarations) {
    const m = /^(\w+)\.handoffs$/.exec(d.nameNode.text);
    if (m) for (const item of syntax.items(d.value) ?? []) link(byName(m[1]), item);
  }
  // The entries: the agents this file runs; else the one that hands off to the most others (a triage hub).
  let entries = [...runTargets].filter((a) => children.has(a));
  if (!entries.length && !runTargets.size && children.size) {
    const hub = [...children.entries()].reduce((best, e) => (e[1].size >= best[1].size ? e : best));
    entries = [hub[0]];
  }
  for (const entry of entries) {
    const entryLoop = loopOf(entry);
    if (!entryLoop) continue;
    const queue = [...(children.get(entry) ?? [])];
    const seen = new Set<CallInfo>([entry]);
    while (queue.length) {
      const a = queue.shift()!;
      if (seen.has(a) || runTargets.has(a)) continue;
      seen.add(a);
      const l = loopOf(a);
      if (l && !l.stepOf) l.stepOf = entryLoop.id;
      queue.push(...(children.get(a) ?? []));
    }
  }

  // CrewAI: `crew.kickoff(…)` runs the crew's tasks with its agents: one task, its agents' loops are steps of it.
  for (const c of collected.calls) {
    if (!/\.(kickoff|kickoff_async|kickoff_for_each|akickoff)$/.test(syntax.callee(c))) continue;
    const receiver = syntax.receiver(c);
    const crew = receiver ? syntax.resolve(receiver) : undefined;
    if (!crew || !isCall(crew) || !/(^|\.)Crew$/.test(syntax.callee(crew))) continue;
    const list = syntax.args(crew).named.get('agents');
    const members = (list ? (syntax.items(list) ?? []) : []).map(agentAt).filter((a): a is CallInfo => Boolean(a));
    if (!members.length) continue;
    const memberLoops = members.map(loopOf).filter((l): l is Mutable<DetectedLoop> => Boolean(l));
    const known = memberLoops.every((l) => l.maxSteps !== undefined) && memberLoops.length === members.length;
    const span = spanOf(c);
    const id = `l${span.line}.${span.column}`;
    const added = sites.addLoop({
      id,
      ...span,
      framework: 'crewai',
      ...(known ? { maxSteps: memberLoops.reduce((n, l) => n + l.maxSteps!, 0), stepOption: 'max_iter of its agents' } : {}),
      unbounded: false,
      defaultsKey: 'crewai',
      callId: members[0].call.id,
      rule: 'crew',
    });
    if (!added) return;
    for (const l of memberLoops) l.stepOf ??= id;
  }

  // A loop around agent runs: the loop is the task, the runs inside it its steps.
  for (const loop of collected.loops) {
    const inside = runs.filter((r) => contains(loop, r.node));
    // A chat REPL (each turn waits for a person) runs one task per turn; a loop of two or more runs with no one in it is one task.
    if (inside.length < 2 || USER_INPUT.test(loop.text) || sites.loops.some((l) => l.line === spanOf(loop).line && l.framework === 'hand-written')) continue;
    const bound = loopBound(loop);
    if (bound === 'not-a-loop') continue;
    const span = spanOf(loop);
    const id = `l${span.line}.${span.column}`;
    if (!sites.addLoop({ id, ...span, framework: 'hand-written', maxSteps: bound?.value, stepOption: bound?.option, unbounded: bound === undefined, callId: inside[0].agent.call.id, rule: 'agent-run-loop' })) return;
    for (const r of inside) {
      const l = loopOf(r.agent);
      if (l) l.stepOf = id;
    }
  }
}

function declaredName(node: SyntaxNode): string | undefined {
  const parent = node.parent;
  if (parent?.type === 'assignment') return parent.childForFieldName('left')?.text;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  return undefined;
}

function isCall(n: SyntaxNode): boolean {
  return n.type === 'call' || n.type === 'call_expression' || n.type === 'new_expression';
}
