/**
 * Alternatives are not sums, for agent loops too: agents built in mutually exclusive branches of one function
 * (`if is_function_calling_model(llm): OpenAIAgent.from_tools(...) else: ReActAgent.from_tools(...)`) are one loop.
 * The default branch keeps the loop; the others become its `alternatives`, whose bounds widen its range.
 */
import { chooseDefault, enclosingFunction, exclusive } from './branches';
import type { CallInfo } from './call-links';
import type { SiteRegistry } from './sites';
import type { LanguageSyntax } from './syntax';
import type { DetectedLoop, LoopAlternative } from './types';

/**
 * Which branch runs when the conditions do not say: one that tests whether the model calls tools or functions is
 * taken, since the models repositories default to do; otherwise the branch `chooseDefault` picks for calls.
 */
const CAPABILITY_TEST = /function_?call|tool_?call|supports?_?(tools|functions)|is_chat_model/i;

export function groupExclusiveLoops(syntax: LanguageSyntax, sites: SiteRegistry, calls: readonly CallInfo[]): void {
  const byId = new Map(calls.map((c) => [c.call.id, c]));
  const members = sites.loops
    .map((loop) => ({ loop, info: loop.callId ? byId.get(loop.callId) : undefined }))
    .filter((m): m is { loop: DetectedLoop; info: CallInfo } => m.info !== undefined && m.loop.stepOf === undefined);
  const owner = members.map((m) => enclosingFunction(m.info.node, true)?.id);
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      if (owner[i] === undefined || owner[i] !== owner[j]) continue;
      if (exclusive(members[i].info.node, members[j].info.node)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, typeof members>();
  members.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m]));
  const removed = new Set<DetectedLoop>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const choice = chooseDefault(syntax, group.map((g) => g.info.node));
    const capable = choice.conditions.findIndex((c) => c !== undefined && CAPABILITY_TEST.test(c));
    const chosenAt = capable >= 0 && choice.conditions[choice.chosen] === undefined ? capable : choice.chosen;
    const chosen = group[chosenAt].loop as { -readonly [K in keyof DetectedLoop]: DetectedLoop[K] };
    const alternatives: LoopAlternative[] = [...(chosen.alternatives ?? [])];
    group.forEach((g, i) => {
      if (i === chosenAt) return;
      const l = g.loop;
      alternatives.push({
        line: l.line,
        ...(l.callId ? { callId: l.callId } : {}),
        framework: l.framework,
        unbounded: l.unbounded,
        ...(l.maxSteps !== undefined ? { maxSteps: l.maxSteps } : {}),
        ...(l.defaultsKey ? { defaultsKey: l.defaultsKey } : {}),
        ...(choice.conditions[i] ? { condition: choice.conditions[i] } : {}),
      });
      removed.add(l);
    });
    chosen.alternatives = alternatives;
  }
  if (!removed.size) return;
  const kept = sites.loops.filter((l) => !removed.has(l));
  sites.loops.length = 0;
  sites.loops.push(...kept);
}

/** Whether the loop is the task of the agent bound by `callId`, in its own branch or another (an alternative). */
export function loopOwnsAgent(loop: Pick<DetectedLoop, 'callId' | 'alternatives'>, callId: string): boolean {
  return loop.callId === callId || (loop.alternatives?.some((a) => a.callId === callId) ?? false);
}
