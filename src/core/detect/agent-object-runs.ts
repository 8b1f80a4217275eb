/**
 * Agents that are objects run by their own methods. Building the object sends nothing; each run sends the task's
 * requests, on the model the object was built with:
 *
 * - LangChain's `AgentExecutor`: `executor.invoke({ input })`, `.stream(…)`, `.streamEvents(…)`, `.run(…)`;
 * - the AI SDK's agent classes (`ToolLoopAgent` of AI SDK 6/7, `Experimental_Agent` / `Agent` of AI SDK 5):
 *   `agent.generate({ prompt })`, `agent.stream({ messages })`, AI SDK 5's `agent.respond({ messages })`, and the
 *   SDK's helpers that run the agent handed as their `agent` option (`createAgentUIStreamResponse({ agent, … })`,
 *   `createAgentUIStream`, `pipeAgentUIStreamToResponse`);
 * - LlamaIndex agents (llama-index-agents.ts): the runner's `chat`/`achat`/`stream_chat`/`astream_chat`/`query`/`aquery`,
 *   a workflow agent's `run`.
 *
 * Shared by detection (a run in the agent's own file, agent-tasks.ts) and the repository pass (a run of an agent
 * built in another module or by a factory, repo/cross-file-runs.ts).
 */
import { llamaIndexRunMethods } from './llama-index-agents';

/** The methods that run an agent object, by the agent rule's `defaultsKey`. */
const RUN_METHODS: Readonly<Record<string, RegExp>> = {
  'langchain-agent-executor': /\.(invoke|ainvoke|stream|astream|streamEvents|astream_events|astream_log|call|run|arun|batch|abatch)$/,
  'vercel-ai-agent': /\.(generate|stream|respond)$/,
};

/** Any method that runs some agent object (the receiver's agent decides whether it runs that one). */
export const AGENT_METHOD_RUN = /\.(invoke|ainvoke|stream|astream|streamEvents|astream_events|astream_log|call|run|arun|batch|abatch|generate|respond|chat|achat|stream_chat|astream_chat|query|aquery)$/;

/** AI SDK helpers that run the agent passed as their `agent` option. */
export const RUNS_AGENT_OPTION = /^(createAgentUIStreamResponse|createAgentUIStream|pipeAgentUIStreamToResponse)$/;

/** Whether `callee` (`x.generate`) is a run method of an agent of this kind. */
export function runsAgentByMethod(defaultsKey: string | undefined, callee: string): boolean {
  const methods = defaultsKey ? (RUN_METHODS[defaultsKey] ?? llamaIndexRunMethods(defaultsKey)) : undefined;
  return Boolean(methods?.test(callee));
}

/**
 * Whether a run of this kind of agent leaves its loop where the agent is built. An AI SDK agent's step limit is
 * written at its construction (`stopWhen: stepCountIs(n)`) and one object is run from many places: the loop stays
 * at the definition and each run is a request of it. Other frameworks' runs carry the task's own limit
 * (`Runner.run(agent, max_turns=…)`): the loop moves to the run.
 */
export function loopStaysAtDefinition(defaultsKey: string | undefined): boolean {
  // A LlamaIndex agent is likewise built once with its bound (or the library's) and run from a request handler.
  return defaultsKey === 'vercel-ai-agent' || llamaIndexRunMethods(defaultsKey) !== undefined;
}
