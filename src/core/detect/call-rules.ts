/**
 * The rule table: where each SDK and framework call keeps its model, prompts, tools, output cap and
 * step limit. Keys are listed in both spellings (`max_tokens`, `maxTokens`) so one table serves
 * TypeScript and Python. Which rule a call gets is decided in `frameworks.ts`.
 */
import type { PromptKind } from '../report/types';
import type { RequestKind } from './ai-sdk-surface';

export interface CallRule {
  readonly framework: string;
  /** `call`: one model call; `agent`: a framework agent loop; `model`: a chat-model constructor; `prompts`: only carries prompts. */
  readonly role: 'call' | 'agent' | 'model' | 'prompts';
  readonly modelKeys?: readonly string[];
  readonly modelArg?: number;
  readonly promptKeys?: Readonly<Record<string, PromptKind>>;
  readonly promptArgs?: Readonly<Record<number, PromptKind>>;
  readonly messagesKeys?: readonly string[];
  readonly messagesArg?: number;
  readonly toolsKeys?: readonly string[];
  readonly toolsArg?: number;
  readonly maxOutputKeys?: readonly string[];
  /** Options that bound the agent loop; looked up on the call, then anywhere in the file (e.g. `Runner.run(…, max_turns=5)`). */
  readonly stepKeys?: readonly string[];
  /** Whether the step option may be set elsewhere in the file, at run time (`Runner.run(agent, max_turns=5)`). */
  readonly stepsAtRun?: boolean;
  /**
   * Requests the loop sends beyond its step option's value: LlamaIndex's OpenAIAgent stops only once it has made more
   * than `max_function_calls` tool calls (so `n + 2` requests), its FunctionCallingAgent at `n` (`n + 1`).
   */
  readonly stepOffset?: number;
  /** The catalog's framework entry (`catalog.frameworks[].framework`) whose default step limit applies, when not `framework`. */
  readonly defaultsKey?: string;
  readonly providerHint?: string;
  /** `embedding`: an embedding request or binding (input tokens only); the other kinds are billed per unit (ai-sdk-surface.ts). */
  readonly kind?: Exclude<RequestKind, 'chat'>;
  /**
   * A library-wide setting that holds the model when the call passes none (LlamaIndex `Settings.embed_model`): the
   * file's own assignment to it (`Settings.embed_model = HuggingFaceEmbedding(model_name=…)`) is the model.
   */
  readonly settingsKey?: string;
  /** The model the library's class uses when the code passes none (LangChain's `OpenAIEmbeddings()`: `text-embedding-ada-002`). */
  readonly classDefaultModel?: string;
  /** Provenance tag of the calls this rule finds, when not the table's `sdk-call` (rule-tags.ts). */
  readonly tag?: 'bound-model-invoke' | 'model-named-value' | 'aliased-request' | 'forwarded-post';
}

/** Nested option objects whose keys count as the call's own (`config={…}` in google-genai, `options` in the Claude Agent SDK). */
export const NESTED_OPTION_KEYS = [
  'config',
  'options',
  'generationConfig',
  'generation_config',
  'model_settings',
  'modelSettings',
  'settings',
  'defaultGenerateOptions',
  'defaultOptions',
  'providerOptions',
];

export const MAX_OUTPUT = ['max_tokens', 'maxTokens', 'max_completion_tokens', 'maxCompletionTokens', 'max_output_tokens', 'maxOutputTokens', 'num_predict'];
export const MODEL_KEYS = ['model', 'model_name', 'modelName', 'model_id', 'modelId', 'llm', 'deployment_name', 'azureDeployment'];

export const OPENAI_CHAT: CallRule = {
  framework: 'openai',
  role: 'call',
  modelKeys: ['model'],
  messagesKeys: ['messages'],
  toolsKeys: ['tools', 'functions'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'openai',
};
export const OPENAI_RESPONSES: CallRule = {
  framework: 'openai',
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { instructions: 'instructions' },
  messagesKeys: ['input'],
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'openai',
};
export const ANTHROPIC: CallRule = {
  framework: 'anthropic',
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { system: 'system' },
  messagesKeys: ['messages'],
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'anthropic',
};
export const GOOGLE: CallRule = {
  framework: 'google',
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { system_instruction: 'system', systemInstruction: 'system' },
  messagesKeys: ['contents'],
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'google',
};
export const GOOGLE_MODEL: CallRule = {
  framework: 'google',
  role: 'model',
  modelKeys: ['model', 'model_name'],
  modelArg: 0,
  promptKeys: { system_instruction: 'system', systemInstruction: 'system' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'google',
};
export const VERCEL_CALL: CallRule = {
  framework: 'vercel-ai',
  role: 'call',
  modelKeys: ['model'],
  promptKeys: { system: 'system', instructions: 'instructions', prompt: 'user-template' },
  messagesKeys: ['messages'],
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  stepKeys: ['stopWhen', 'maxSteps'],
};
export const VERCEL_AGENT: CallRule = { ...VERCEL_CALL, role: 'agent', defaultsKey: 'vercel-ai-agent' };
export const MASTRA_AGENT: CallRule = {
  framework: 'mastra',
  role: 'agent',
  modelKeys: ['model'],
  promptKeys: { instructions: 'instructions', system: 'system', description: 'tool-description' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  stepKeys: ['maxSteps'],
  stepsAtRun: true,
};
export const OPENAI_AGENTS: CallRule = {
  framework: 'openai-agents',
  role: 'agent',
  modelKeys: ['model'],
  promptKeys: { instructions: 'instructions', handoff_description: 'tool-description', handoffDescription: 'tool-description' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  stepKeys: ['max_turns', 'maxTurns'],
  stepsAtRun: true,
};
/**
 * OpenAI Agents SDK voice: a `RealtimeAgent` has no run loop of its own. It configures the conversation a realtime
 * session holds (its instructions and handoff descriptions are prompts of that session); the session's request is
 * `new RealtimeSession(agent, { model })` (REALTIME_SESSION), and its handoff targets are turns of that conversation.
 */
export const REALTIME_AGENT: CallRule = { framework: 'openai-agents', role: 'prompts', promptKeys: { instructions: 'instructions', handoff_description: 'tool-description', handoffDescription: 'tool-description' } };
/**
 * A realtime session: `new RealtimeSession(agent, { model })` (Agents SDK, connected by `session.connect()`) or
 * `client.realtime.connect(model=…)` / `client.beta.realtime.connect(…)` (the OpenAI SDK). Every response of the
 * conversation is billed on the session's model: one request site, where the session is opened.
 */
export const REALTIME_SESSION: CallRule = { framework: 'openai-agents', role: 'call', modelKeys: ['model'], toolsKeys: ['tools'], providerHint: 'openai' };
export const OPENAI_AGENTS_RUN: CallRule = { framework: 'openai-agents', role: 'prompts', promptArgs: { 1: 'user-template' }, promptKeys: { input: 'user-template' } };
export const CREWAI_AGENT: CallRule = {
  framework: 'crewai',
  role: 'agent',
  modelKeys: ['llm', 'model'],
  promptKeys: { role: 'system', goal: 'system', backstory: 'system', system_template: 'system' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  stepKeys: ['max_iter'],
};
export const CREWAI_TASK: CallRule = { framework: 'crewai', role: 'prompts', promptKeys: { description: 'user-template', expected_output: 'instructions' } };
export const LANGCHAIN_MODEL: CallRule = { framework: 'langchain', role: 'model', modelKeys: MODEL_KEYS, modelArg: 0, maxOutputKeys: MAX_OUTPUT };
export const LANGGRAPH_AGENT: CallRule = {
  framework: 'langgraph',
  role: 'agent',
  modelKeys: ['model', 'llm'],
  modelArg: 0,
  promptKeys: { prompt: 'system', state_modifier: 'system', messages_modifier: 'system', stateModifier: 'system', messageModifier: 'system', system_prompt: 'system', systemPrompt: 'system' },
  toolsKeys: ['tools'],
  toolsArg: 1,
  stepKeys: ['recursion_limit', 'recursionLimit'],
  stepsAtRun: true,
};
// LangChain v1 `create_agent` runs on LangGraph: its recursion limit applies.
export const LANGCHAIN_AGENT: CallRule = { ...LANGGRAPH_AGENT, framework: 'langchain', defaultsKey: 'langgraph' };
// Deep Agents (`create_deep_agent`, the managed runtime's `define_deep_agent`) build a LangGraph tool-calling
// agent: the returned graph is the agent, its recursion limit applies. The model and prompt are given by keyword
// (the positional order changed between releases: tools first, then model first).
export const DEEP_AGENT: CallRule = {
  ...LANGGRAPH_AGENT,
  framework: 'deepagents',
  defaultsKey: 'langgraph',
  modelArg: undefined,
  toolsArg: undefined,
  promptKeys: { ...LANGGRAPH_AGENT.promptKeys, instructions: 'system' },
};
export const LANGCHAIN_EXECUTOR: CallRule = {
  framework: 'langchain',
  role: 'agent',
  modelKeys: ['agent', 'llm'],
  toolsKeys: ['tools'],
  stepKeys: ['max_iterations', 'maxIterations'],
  defaultsKey: 'langchain-agent-executor',
};
export const PYDANTIC_AI: CallRule = {
  framework: 'pydantic-ai',
  role: 'agent',
  modelKeys: ['model'],
  modelArg: 0,
  promptKeys: { system_prompt: 'system', instructions: 'instructions' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  stepKeys: ['request_limit'],
  stepsAtRun: true,
};
export const SMOLAGENTS: CallRule = {
  framework: 'smolagents',
  role: 'agent',
  modelKeys: ['model'],
  promptKeys: { instructions: 'instructions', system_prompt: 'system', description: 'tool-description' },
  toolsKeys: ['tools'],
  toolsArg: 0,
  stepKeys: ['max_steps'],
};
export const CLAUDE_AGENT: CallRule = {
  framework: 'claude-agent-sdk',
  role: 'agent',
  modelKeys: ['model'],
  promptKeys: { system_prompt: 'system', systemPrompt: 'system', prompt: 'user-template', append_system_prompt: 'system', appendSystemPrompt: 'system' },
  toolsKeys: ['allowed_tools', 'allowedTools'],
  stepKeys: ['max_turns', 'maxTurns'],
  providerHint: 'anthropic',
};
export const GOOGLE_ADK: CallRule = {
  framework: 'google-adk',
  role: 'agent',
  modelKeys: ['model'],
  promptKeys: { instruction: 'instructions', global_instruction: 'system', description: 'tool-description' },
  toolsKeys: ['tools'],
  // `RunConfig(max_llm_calls=…)` given when the agent is run.
  stepKeys: ['max_llm_calls', 'maxLlmCalls'],
  stepsAtRun: true,
};
/** `client.embeddings.create(model=…, input=…)`, `litellm.embedding(…)`, Vercel `embed`/`embedMany`, google `embed_content`. */
export const EMBEDDING_CALL = (framework: string, providerHint?: string): CallRule => ({
  framework,
  role: 'call',
  kind: 'embedding',
  modelKeys: ['model'],
  messagesKeys: ['input', 'contents', 'content', 'value', 'values', 'texts'],
  ...(providerHint ? { providerHint } : {}),
});
/** `client.audio.transcriptions.create(model=…, file=…)` (and `translations`): speech to text, priced per audio minute. */
export const TRANSCRIPTION_CALL = (framework: string, providerHint?: string): CallRule => ({
  framework,
  role: 'call',
  kind: 'transcription',
  modelKeys: ['model'],
  ...(providerHint ? { providerHint } : {}),
});
/** An AI SDK request that is neither chat nor embedding (`rerank`, `transcribe`, `generateSpeech`, `generateImage`, …): its model and kind. */
export const VERCEL_KIND_CALL = (kind: Exclude<RequestKind, 'chat' | 'embedding'>): CallRule => ({ framework: 'vercel-ai', role: 'call', kind, modelKeys: ['model'] });
/** `OpenAIEmbeddings(model=…)`: an embedding model binding; its `embed_query`/`embed_documents` are the requests. */
export const LANGCHAIN_EMBEDDINGS: CallRule = { framework: 'langchain', role: 'model', kind: 'embedding', modelKeys: ['model', 'model_name', 'modelName', 'deployment'], modelArg: 0 };
export const LITELLM: CallRule = { framework: 'litellm', role: 'call', modelKeys: ['model'], messagesKeys: ['messages'], toolsKeys: ['tools'], maxOutputKeys: MAX_OUTPUT };
export const MESSAGE_CLASS = (kind: PromptKind): CallRule => ({ framework: 'langchain', role: 'prompts', promptArgs: { 0: kind }, promptKeys: { content: kind } });
export const TEMPLATE_CLASS: CallRule = { framework: 'langchain', role: 'prompts', promptArgs: { 0: 'user-template' }, promptKeys: { template: 'user-template' } };
export const TEMPLATE_MESSAGES: CallRule = { framework: 'langchain', role: 'prompts', messagesArg: 0, messagesKeys: ['messages'] };
