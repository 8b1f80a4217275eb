/**
 * Framework agents priced as requests and tasks. An agent definition (`Agent(...)`) sends nothing
 * itself: it is listed as a binding. Where the file runs it (`Runner.run(agent, …)`), each run is the
 * request, at the run's line. An agent with tools or handoffs is a loop: its runs are steps of that
 * task. An agent with neither makes one request per run: no loop. An agent that is a step of another
 * task (a handoff target, an agent run inside a judge loop) is priced there and has no loop of its own
 * in the report.
 */
import { loopStaysAtDefinition } from '../detect/agent-object-runs';
import type { DetectedCall, DetectedFile, DetectedLoop } from '../detect/types';

export function expandAgentRuns(file: DetectedFile): DetectedFile {
  if (!file.calls.some((c) => c.agent)) return file;
  const loopOf = new Map<string, DetectedLoop>();
  for (const l of file.loops) if (l.callId) loopOf.set(l.callId, l);
  // An agent built another way in an exclusive branch (detect/loop-groups.ts): a definition of that loop's task.
  const alternativeOf = new Map<string, DetectedLoop>();
  for (const l of file.loops) for (const a of l.alternatives ?? []) if (a.callId) alternativeOf.set(a.callId, l);
  const parents = new Set(file.loops.map((l) => l.stepOf).filter((id): id is string => Boolean(id)));
  const calls: DetectedCall[] = [];
  const dropped = new Set<string>();
  const moved = new Map<string, DetectedLoop>();
  for (const c of file.calls) {
    if (!c.agent) {
      calls.push(c);
      continue;
    }
    const loop = loopOf.get(c.id);
    const runs = c.runs ?? [];
    const alternativeTo = loop ? undefined : alternativeOf.get(c.id);
    if (alternativeTo) {
      calls.push(binding(c, alternativeTo.id));
      for (const r of runs) calls.push(runRequest(c, r, alternativeTo.id));
      continue;
    }
    if (loop?.stepOf) {
      // A step of another task: priced there.
      dropped.add(loop.id);
      calls.push(binding(c, loop.stepOf));
      for (const r of runs) calls.push(runRequest(c, r, loop.stepOf));
      continue;
    }
    const oneRequest = loop !== undefined && c.framework === 'openai-agents' && c.tools.length === 0 && !parents.has(loop.id) && runs.length > 0;
    if (oneRequest) {
      dropped.add(loop.id);
      calls.push(binding(c, undefined));
      for (const r of runs) calls.push(runRequest(c, r, undefined));
      continue;
    }
    if (loop && runs.length && loopStaysAtDefinition(loop.defaultsKey)) {
      // An AI SDK agent: the loop stays at the definition that bounds it; each run is a request of it.
      calls.push(binding(c, loop.id));
      for (const r of runs) calls.push(runRequest(c, r, loop.id));
      continue;
    }
    if (loop && runs.length) {
      // The task runs where the agent is run: the loop is anchored there, the runs are its steps.
      const first = runs[0];
      moved.set(loop.id, { ...loop, line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn, callId: first.id });
      calls.push(binding(c, loop.id));
      for (const r of runs) calls.push(runRequest(c, r, loop.id));
      continue;
    }
    // `streamText({ tools, stopWhen })` sends the requests itself: it stays a request, priced as its loop's steps.
    if (sendsItself(c)) calls.push(c);
    // Defined here, run elsewhere (or a framework with no run call): the definition is still a binding; its loop prices the task.
    // A LangGraph agent graph the file does not run is served as it is (a LangGraph or managed runtime starts each run):
    // its requests are inside the library, so the definition stands for them, priced as its loop's steps.
    else calls.push(loop && !servedGraph(loop) ? { ...c, role: 'binding' } : c);
  }
  const loops = file.loops.filter((l) => !dropped.has(l.id)).map((l) => moved.get(l.id) ?? l);
  return { ...file, calls, loops };
}

/** A LangGraph-built agent (`create_react_agent`, LangChain's `create_agent`, Deep Agents): a graph a runtime can serve. */
function servedGraph(loop: DetectedLoop): boolean {
  return loop.framework === 'langgraph' || loop.defaultsKey === 'langgraph';
}

/** An AI SDK request with a step limit (`generateText`/`streamText` with `stopWhen`/`maxSteps`): the tool loop runs inside the call. */
function sendsItself(c: DetectedCall): boolean {
  return c.framework === 'vercel-ai' && /^(generateText|streamText|generateObject|streamObject)$/.test(c.callee);
}

/** The definition: listed, never billed; a step of `usedBy` when given. */
function binding(c: DetectedCall, usedBy: string | undefined): DetectedCall {
  return { ...c, role: 'binding', agent: false, ...(usedBy ? { usedBy } : { usedBy: undefined }) };
}

function runRequest(c: DetectedCall, run: NonNullable<DetectedCall['runs']>[number], usedBy: string | undefined): DetectedCall {
  return {
    ...c,
    id: run.id,
    line: run.line,
    column: run.column,
    endLine: run.endLine,
    endColumn: run.endColumn,
    callee: run.callee,
    agent: false,
    role: undefined,
    runs: undefined,
    bindingId: c.id,
    promptIds: [...new Set([...c.promptIds, ...run.promptIds])],
    inputPlaceholders: [...new Set([...c.inputPlaceholders, ...run.inputPlaceholders])],
    usedBy,
  };
}
