/**
 * LlamaIndex agents: objects the library runs as a tool-calling loop, built once and run by their own methods. Building
 * one sends nothing; each run (`agent.chat(…)`, `await agent.astream_chat(…)`, `agent.query(…)`, a workflow agent's
 * `agent.run(user_msg=…)`) is a request of the agent's loop, on the model of its `llm=` (else `Settings.llm`). The
 * loop stays where the agent is built, bounded by the option given there (or the library's default), like an AI SDK
 * agent object (agent-object-runs.ts).
 *
 * Read from github:run-llama/llama_index (main, 2026; llama-index-core 0.12–0.14, llama-index-agent-openai 0.4):
 * - llama-index-integrations/agent/llama-index-agent-openai/llama_index/agent/openai/base.py: `OpenAIAgent(AgentRunner)`,
 *   `OpenAIAgent.from_tools(tools, llm=…, max_function_calls=DEFAULT_MAX_FUNCTION_CALLS (5), …)`, `llm or Settings.llm`.
 *   …/openai/step.py `OpenAIAgentWorker._should_continue`: stops when `n_function_calls > max_function_calls` or a
 *   reply has no tool call, so with one tool call per reply the loop sends `max_function_calls + 2` requests.
 * - llama-index-core/llama_index/core/agent/function_calling/step.py `FunctionCallingAgentWorker` (run by
 *   `FunctionCallingAgent.from_tools`): done when `n_function_calls >= max_function_calls` (default 5) after a reply:
 *   `max_function_calls + 1` requests.
 * - llama-index-core/llama_index/core/agent/react/base.py `ReActAgent.from_tools(…, max_iterations=10)`: one request
 *   per reasoning step, at most `max_iterations`.
 * - llama-index-core/llama_index/core/agent/runner/base.py `AgentRunner` (BaseAgent: a chat engine and a query
 *   engine): chat/achat/stream_chat/astream_chat, query/aquery run a task to its end.
 * - llama-index-core/llama_index/core/agent/workflow/base_agent.py `BaseWorkflowAgent` (`FunctionAgent`, `ReActAgent`,
 *   `CodeActAgent`; multi_agent_workflow.py `AgentWorkflow`): `run(user_msg=…, max_iterations=…)`, one LLM step per
 *   iteration, `DEFAULT_MAX_ITERATIONS = 20`; `llm` defaults to `Settings.llm`.
 * The defaults are the catalog's framework entries (scripts/catalog/overlay/frameworks.json) under these keys.
 */
import type { CallRule } from './call-rules';

/** The library's modules that export its agents (0.9's `llama_index.agent`, core's `llama_index.core.agent[.workflow]`, the OpenAI package). */
const AGENT_MODULE = /^llama_index\.(core\.)?agent(\.|$)|^llama_index(\.core)?$/;

// `system_prompt=` is sent as the prefix message of every request of the agent's task (the runners' and the workflow
// agents' constructors take it under this name).
const BASE: CallRule = { framework: 'llama-index', role: 'agent', modelKeys: ['llm'], toolsKeys: ['tools'], promptKeys: { system_prompt: 'system' } };

interface AgentKind {
  /** The callee as written: the class, or the class and its factory. */
  readonly callee: RegExp;
  readonly rule: CallRule;
  /** The methods that run one task of it (agent-object-runs.ts). */
  readonly runs: RegExp;
}

/** The legacy runner's task methods (AgentRunner / BaseAgent). */
const RUNNER_METHODS = /\.(chat|achat|stream_chat|astream_chat|query|aquery)$/;

export const LLAMA_INDEX_AGENT_KINDS: readonly AgentKind[] = [
  {
    callee: /^OpenAIAgent(\.(from_tools|from_llm))?$/,
    rule: { ...BASE, toolsArg: 0, stepKeys: ['max_function_calls'], stepOffset: 2, defaultsKey: 'llama-index-openai-agent', providerHint: 'openai' },
    runs: RUNNER_METHODS,
  },
  {
    callee: /^FunctionCallingAgent(\.from_tools)?$/,
    rule: { ...BASE, toolsArg: 0, stepKeys: ['max_function_calls'], stepOffset: 1, defaultsKey: 'llama-index-function-calling-agent' },
    runs: RUNNER_METHODS,
  },
  {
    // The legacy ReAct runner is built by its factories; `ReActAgent(…)` called itself is the workflow agent below.
    callee: /^ReActAgent\.(from_tools|from_llm)$/,
    rule: { ...BASE, toolsArg: 0, stepKeys: ['max_iterations'], defaultsKey: 'llama-index-react-agent' },
    runs: RUNNER_METHODS,
  },
  {
    // Workflow agents take their bound when run (`agent.run(user_msg, max_iterations=…)`).
    callee: /^(FunctionAgent|ReActAgent|CodeActAgent|AgentWorkflow)(\.from_tools_or_functions)?$/,
    rule: { ...BASE, stepKeys: ['max_iterations'], stepsAtRun: true, defaultsKey: 'llama-index-workflow-agent' },
    runs: /\.run$/,
  },
];

/** The rule of a LlamaIndex agent built by `callee`, whose head is imported from `module`. */
export function llamaIndexAgentRule(callee: string, module: string | undefined): CallRule | undefined {
  const m = module?.split('#')[0];
  if (m === undefined || !AGENT_MODULE.test(m)) return undefined;
  // `from llama_index.core.agent import ReActAgent` imported under another name: classify by the imported name.
  return LLAMA_INDEX_AGENT_KINDS.find((k) => k.callee.test(callee))?.rule;
}

/** The run methods of a LlamaIndex agent kind, by its defaults key. */
export function llamaIndexRunMethods(defaultsKey: string | undefined): RegExp | undefined {
  return LLAMA_INDEX_AGENT_KINDS.find((k) => k.rule.defaultsKey === defaultsKey)?.runs;
}
