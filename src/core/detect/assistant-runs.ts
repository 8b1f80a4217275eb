/**
 * OpenAI Assistants API runs: the requests of an assistant's conversation. A run executes the assistant (its model,
 * instructions and tools) on a thread: OpenAI sends the model requests, and a run that needs the app's function
 * results pauses (`requires_action`) until the app submits them, which continues the run (another request).
 *
 * Read in the SDKs' sources (openai-node `src/resources/beta/threads/runs/runs.ts`, `threads/threads.ts`;
 * openai-python `resources/beta/threads/runs/runs.py`, `threads/threads.py`, checked 2026-12):
 * - runs: `create`, `createAndPoll`, `createAndStream` (deprecated), `stream`, `submitToolOutputs`,
 *   `submitToolOutputsAndPoll`, `submitToolOutputsStream`; Python `create`, `create_and_poll`, `create_and_stream`,
 *   `stream`, `submit_tool_outputs`, `submit_tool_outputs_and_poll`, `submit_tool_outputs_stream`.
 * - threads: `createAndRun`, `createAndRunPoll`, `createAndRunStream`; Python `create_and_run`, `create_and_run_poll`,
 *   `create_and_run_stream` (a thread made and run in one request).
 * - A run may override the assistant's `model` and `instructions` and add `additional_instructions`; most pass only
 *   `assistant_id`, and the model is the assistant's (`beta.assistants.create({ model })`, assistant-models.ts).
 * Not requests: `runs.retrieve`/`list`/`cancel`/`update`/`poll`, `runs.steps.*`, `threads.create`/`retrieve`,
 * `threads.messages.*`, `beta.assistants.*`, vector stores and files. LangGraph's SDK has `client.runs.create(thread,
 * assistant)` and `client.assistants.create({ graphId })`: no `threads.runs.` path, not taken.
 */
import type { CallRule } from './call-rules';

const RAW = '(with_raw_response\\.|with_streaming_response\\.)?';
const RUN_METHOD = `(create|createAndPoll|createAndStream|stream|submitToolOutputs|submitToolOutputsAndPoll|submitToolOutputsStream|create_and_poll|create_and_stream|submit_tool_outputs|submit_tool_outputs_and_poll|submit_tool_outputs_stream)`;
const RUN_CALL = new RegExp(`(^|\\.)threads\\.runs\\.${RAW}${RUN_METHOD}$`);
const THREAD_RUN_CALL = new RegExp(`(^|\\.)threads\\.${RAW}(createAndRun|createAndRunPoll|createAndRunStream|create_and_run|create_and_run_poll|create_and_run_stream)$`);
/** The continuation of a run the app's function results unblock. */
const SUBMIT = /(submitToolOutputs|submit_tool_outputs)\w*$/;

export const ASSISTANT_RUN: CallRule = {
  framework: 'openai',
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { instructions: 'system', additional_instructions: 'system' },
  messagesKeys: ['additional_messages'],
  toolsKeys: ['tools'],
  maxOutputKeys: ['max_completion_tokens'],
  providerHint: 'openai',
};

/** Whether a callee runs an assistant (a request on the assistant's model). */
export function isAssistantRun(callee: string): boolean {
  return RUN_CALL.test(callee) || THREAD_RUN_CALL.test(callee);
}

/** Whether a callee continues a paused run with the app's tool outputs. */
export function isToolOutputsSubmit(callee: string): boolean {
  return RUN_CALL.test(callee) && SUBMIT.test(callee);
}

/** The rule of an assistant run, or undefined. */
export function assistantRunRule(callee: string): CallRule | undefined {
  return isAssistantRun(callee) ? ASSISTANT_RUN : undefined;
}

/** `client.beta.assistants.create({ model })` / `.update(id, { model })`: where an assistant's model is set (no request). */
export const ASSISTANT_MODEL_SETTER = /(^|\.)beta\.assistants\.(with_raw_response\.)?(create|update)$/;
