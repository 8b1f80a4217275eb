/**
 * Which calls are model calls, agent definitions or prompt carriers, told apart by callee,
 * imports and arguments; and the names, roles and texts that mark prompts and tool handling.
 */
import type { PromptKind } from '../report/types';
import {
  ANTHROPIC,
  CLAUDE_AGENT,
  CREWAI_AGENT,
  CREWAI_TASK,
  DEEP_AGENT,
  EMBEDDING_CALL,
  TRANSCRIPTION_CALL,
  GOOGLE,
  GOOGLE_ADK,
  GOOGLE_MODEL,
  LANGCHAIN_AGENT,
  LANGCHAIN_EMBEDDINGS,
  LANGCHAIN_EXECUTOR,
  LANGCHAIN_MODEL,
  LANGGRAPH_AGENT,
  LITELLM,
  MASTRA_AGENT,
  MESSAGE_CLASS,
  MODEL_KEYS,
  OPENAI_AGENTS,
  OPENAI_AGENTS_RUN,
  OPENAI_CHAT,
  OPENAI_RESPONSES,
  REALTIME_AGENT,
  REALTIME_SESSION,
  PYDANTIC_AI,
  SMOLAGENTS,
  TEMPLATE_CLASS,
  TEMPLATE_MESSAGES,
  VERCEL_AGENT,
  VERCEL_CALL,
  VERCEL_KIND_CALL,
  type CallRule,
} from './call-rules';
import { AI_SDK_REQUESTS } from './ai-sdk-surface';

import { classifySdkCall, withClientVendor } from './sdk-calls';
import { legacyOpenAIRule } from './legacy-openai';
import { llamaIndexAgentRule } from './llama-index-agents';
import { llamaIndexIndexRule } from './llama-index-indexes';
import { assistantRunRule } from './assistant-runs';

export type { CallRule } from './call-rules';
export { NESTED_OPTION_KEYS } from './call-rules';

const LANGCHAIN_CHAT_CLASS =
  /^(Chat(OpenAI|Anthropic|GoogleGenerativeAI|VertexAI|VertexAIModelGarden|Mistral(AI)?|Groq|Ollama|Bedrock(Converse)?|Cohere|Fireworks|Together|DeepSeek|XAI|Perplexity|Cerebras|HuggingFace|LiteLLM|OpenRouter|NVIDIA|Databricks|Gemini)|AzureChatOpenAI)$/;

function providerOfClass(name: string): string | undefined {
  const n = name.toLowerCase();
  if (n.includes('openai')) return 'openai';
  if (n.includes('anthropic') || n.includes('claude')) return 'anthropic';
  if (n.includes('google') || n.includes('gemini') || n.includes('vertex')) return 'google';
  if (n.includes('mistral')) return 'mistral';
  if (n.includes('groq')) return 'groq';
  if (n.includes('deepseek')) return 'deepseek';
  if (n.includes('xai')) return 'xai';
  // Local runtimes: the model runs on the user's machine (priced as self-hosted, report/models.ts).
  if (n.includes('ollama')) return 'ollama';
  if (n.includes('lmstudio')) return 'lmstudio';
  return undefined;
}

export function providerHintOf(callee: string): string | undefined {
  return providerOfClass(callee.split('.').pop() ?? callee);
}

/** What a module import says about an `Agent` class. */
function agentFrameworkOf(module: string | undefined): string | undefined {
  if (!module) return undefined;
  const m = module.split('#')[0];
  if (m === 'crewai' || m.startsWith('crewai.')) return 'crewai';
  if (m === 'agents' || m.startsWith('agents.') || m.startsWith('@openai/agents')) return 'openai-agents';
  if (m === 'pydantic_ai' || m.startsWith('pydantic_ai.')) return 'pydantic-ai';
  if (m === 'smolagents' || m.startsWith('smolagents.')) return 'smolagents';
  if (m.startsWith('@mastra/')) return 'mastra';
  if (m === 'ai') return 'vercel-ai';
  if (m.startsWith('google.adk')) return 'google-adk';
  return undefined;
}

export interface CallContext {
  readonly imports: ReadonlyMap<string, string>;
  readonly language: 'typescript' | 'python';
  /** Names of the call's keyword/object arguments, for telling frameworks apart when imports do not. */
  readonly argNames: () => ReadonlySet<string>;
  readonly firstArgIsModelString: () => boolean;
  /** How many arguments the call passes by position (an empty list literal not counted), where the caller can say. */
  readonly positionalCount?: () => number;
}

// `.with_raw_response.` / `.with_streaming_response.` variants are the same call with HTTP details.
const OPENAI_CHAT_CALL = /(^|\.)chat\.completions\.(with_raw_response\.|with_streaming_response\.)?(create|parse|stream)$/;
const OPENAI_RESPONSES_CALL = /(^|\.)responses\.(with_raw_response\.|with_streaming_response\.)?(create|parse|stream)$/;
const ANTHROPIC_CALL = /(^|\.)messages\.(with_raw_response\.|with_streaming_response\.)?(create|stream|parse)$/;

/** The rule for a callee, or undefined when the call is not about models. */
export function classifyCall(callee: string, ctx: CallContext): CallRule | undefined {
  if (!callee) return undefined;
  const segments = callee.split('.');
  const last = segments[segments.length - 1];
  const root = segments[0];
  const module = ctx.imports.get(root);
  // `from pydantic_ai import Agent as PAgent`: classify by the imported name.
  const importedAs = segments.length === 1 && module?.includes('#') ? module.slice(module.indexOf('#') + 1) : undefined;
  if (importedAs && importedAs !== last) return classifyCall(importedAs, { ...ctx, imports: new Map([[importedAs, module!.split('#')[0]], ...ctx.imports]) });

  if (OPENAI_CHAT_CALL.test(callee)) return withClientVendor(OPENAI_CHAT, ctx) ?? OPENAI_CHAT;
  const legacy = legacyOpenAIRule(callee, ctx.imports);
  if (legacy) return withClientVendor(legacy, ctx) ?? legacy;
  if (OPENAI_RESPONSES_CALL.test(callee)) return OPENAI_RESPONSES;
  // Assistants API runs (`beta.threads.runs.stream`, `create_and_poll`): requests on the assistant's model (assistant-runs.ts).
  const run = assistantRunRule(callee);
  if (run) return run;
  if (ANTHROPIC_CALL.test(callee) && !/threads\.messages/.test(callee)) return ANTHROPIC;
  if (/(^|\.)(generateContent|generateContentStream|generate_content|generate_content_stream)$/.test(callee)) {
    return segments.length > 1 ? GOOGLE : undefined;
  }
  if (/(^|\.)(getGenerativeModel|GenerativeModel)$/.test(callee)) return GOOGLE_MODEL;
  const sdk = classifySdkCall(callee, ctx);
  if (sdk) return sdk;

  const aiSdk = segments.length === 1 ? AI_SDK_REQUESTS.get(last) : undefined;
  if (aiSdk) {
    const fromAi = module === 'ai' || module?.startsWith('ai#');
    // The text requests were found unimported too (a re-export of the SDK's names); the other kinds only from `ai`.
    if (aiSdk === 'chat') return module === undefined || fromAi ? VERCEL_CALL : undefined;
    if (fromAi) return aiSdk === 'embedding' ? EMBEDDING_CALL('vercel-ai') : VERCEL_KIND_CALL(aiSdk);
  }
  if (segments.length === 1 && /^(Experimental_Agent|ToolLoopAgent)$/.test(last)) return VERCEL_AGENT;
  if (/^(litellm\.)?(completion|acompletion|responses|aresponses)$/.test(callee) && (module?.startsWith('litellm') || root === 'litellm')) return LITELLM;
  if (/^(litellm\.)?(embedding|aembedding)$/.test(callee) && (module?.startsWith('litellm') || root === 'litellm')) return EMBEDDING_CALL('litellm');
  if (/(^|\.)embeddings\.create$/.test(callee)) return EMBEDDING_CALL('openai', 'openai');
  if (/(^|\.)audio\.(transcriptions|translations)\.create$/.test(callee) && segments.length > 3) return TRANSCRIPTION_CALL('openai', 'openai');
  if (/(^|\.)(embed_content|embedContent|batchEmbedContents)$/.test(callee) && segments.length > 1) return EMBEDDING_CALL('google', 'google');
  if (/^(OpenAI|AzureOpenAI|GoogleGenerativeAI|VertexAI|Ollama|HuggingFace|HuggingFaceInference|Cohere|VoyageAI|Bedrock|MistralAI|FastEmbed|Nomic|Jina|Together|Fireworks)Embeddings$/.test(last)) {
    // `OpenAIEmbeddings()` with no model embeds on the class default of both LangChain ports (`model = "text-embedding-ada-002"`).
    return { ...LANGCHAIN_EMBEDDINGS, providerHint: providerOfClass(last), ...(last === 'OpenAIEmbeddings' ? { classDefaultModel: 'text-embedding-ada-002' } : {}) };
  }

  if (LANGCHAIN_CHAT_CLASS.test(last) || /^(init_chat_model|initChatModel)$/.test(last)) {
    return { ...LANGCHAIN_MODEL, providerHint: providerOfClass(last) };
  }
  const factory = libraryAgentFactory(last, module);
  if (factory) return factory;
  const llamaAgent = llamaIndexAgentRule(callee, module) ?? llamaIndexIndexRule(callee, module, ctx.argNames, ctx.positionalCount ?? (() => 1));
  if (llamaAgent) return llamaAgent;
  // LangChain's executor takes its agent and tools by keyword; an application's own `AgentExecutor()` class is not it.
  // LangChain.js imports it from a scoped package (`@langchain/classic/agents`, `langchain/agents`).
  if (/^AgentExecutor(\.from_agent_and_tools)?$/.test(callee) && (/^@?langchain\b/.test(module ?? '') || (module === undefined && (ctx.argNames().has('agent') || ctx.argNames().has('tools'))))) return LANGCHAIN_EXECUTOR;
  if (/^(SystemMessage|SystemMessagePromptTemplate\.from_template|SystemMessagePromptTemplate\.fromTemplate)$/.test(callee)) return MESSAGE_CLASS('system');
  if (/^(HumanMessage|HumanMessagePromptTemplate\.from_template|HumanMessagePromptTemplate\.fromTemplate)$/.test(callee)) return MESSAGE_CLASS('user-template');
  if (/^(PromptTemplate|ChatPromptTemplate)(\.(from_template|fromTemplate))?$/.test(callee)) return TEMPLATE_CLASS;
  if (/^ChatPromptTemplate\.(from_messages|fromMessages)$/.test(callee)) return TEMPLATE_MESSAGES;

  if (/^(ClaudeAgentOptions|ClaudeCodeOptions)$/.test(last)) return CLAUDE_AGENT;
  if (last === 'query' && segments.length === 1 && module && /claude-agent-sdk|claude-code|claude_agent_sdk|claude_code_sdk/.test(module)) {
    // With `options=ClaudeAgentOptions(…)` the options call is the agent site; without, the query runs one on defaults.
    if (ctx.language === 'typescript' || !ctx.argNames().has('options')) return CLAUDE_AGENT;
    return { framework: 'claude-agent-sdk', role: 'prompts', promptKeys: { prompt: 'user-template' } };
  }
  // Claude Agent SDK subagents: their prompt is a system prompt, their description picks them like a tool's.
  if (last === 'AgentDefinition') return { framework: 'claude-agent-sdk', role: 'prompts', promptKeys: { prompt: 'system', description: 'tool-description' } };
  if (/^(Runner|runner)\.(run|run_sync|run_streamed|runSync)$/.test(callee) || (segments.length === 1 && last === 'run' && agentFrameworkOf(module) === 'openai-agents')) {
    return OPENAI_AGENTS_RUN;
  }
  if (/^(CodeAgent|ToolCallingAgent|MultiStepAgent)$/.test(last) && (module === undefined || agentFrameworkOf(module) === 'smolagents')) return SMOLAGENTS;
  if (/^(LlmAgent)$/.test(last)) return GOOGLE_ADK;
  if (last === 'Task' && (agentFrameworkOf(module) === 'crewai' || (module === undefined && hasAll(ctx.argNames(), ['description', 'expected_output'])))) {
    return CREWAI_TASK;
  }
  // A realtime agent configures a session's conversation (its prompts); the session is the request (call-rules.ts).
  if (last === 'RealtimeAgent' || (segments.length === 2 && root === 'RealtimeAgent' && last === 'create')) return REALTIME_AGENT;
  if (last === 'RealtimeSession' || (segments.length > 2 && /(^|\.)realtime\.connect$/.test(callee))) return REALTIME_SESSION;
  if (last === 'Agent') return agentRule(module, ctx);
  // `Agent.create({…})`: the OpenAI Agents SDK's typed factory, the same definition as `new Agent({…})`.
  if (segments.length === 2 && root === 'Agent' && last === 'create') return agentRule(module, ctx);
  return undefined;
}

/**
 * Library agent factories: a call that builds a tool-calling agent the library runs (model node <-> tools until
 * the model stops, bounded by the graph's recursion limit). The returned agent is the request site and the loop.
 * `module`: the library the name must be imported from, where the name alone is not specific (LangChain's
 * `create_tool_calling_agent` builds one step for an `AgentExecutor`, so only these factories are listed).
 */
const LIBRARY_AGENT_FACTORIES: readonly { readonly name: RegExp; readonly module?: RegExp; readonly notModule?: RegExp; readonly rule: CallRule }[] = [
  // Not LangChain's classic `langchain.agents` `create_react_agent(llm, tools, prompt)` (langchain/agents/react/agent.py,
  // langchainjs `langchain/agents`): it returns one runnable step (a prompt, the model, an output parser) that an
  // `AgentExecutor` loops; building it sends nothing.
  { name: /^(create_react_agent|createReactAgent)$/, notModule: /^langchain[./]agents([./]|$)/, rule: LANGGRAPH_AGENT },
  { name: /^(create_agent|createAgent)$/, module: /^(langchain|langgraph)/, rule: LANGCHAIN_AGENT },
  // `deepagents`, `managed_deepagents`, `deepagents-js`: the Deep Agents packages.
  { name: /^((async_)?(create|define)_deep_agent|(create|define)DeepAgent)$/, module: /(^|[._/@-])deepagents/, rule: DEEP_AGENT },
];

function libraryAgentFactory(name: string, module: string | undefined): CallRule | undefined {
  const m = module?.split('#')[0];
  return LIBRARY_AGENT_FACTORIES.find((f) => f.name.test(name) && (!f.module || (m !== undefined && f.module.test(m))) && !(m !== undefined && f.notModule?.test(m)))?.rule;
}

function hasAll(names: ReadonlySet<string>, keys: readonly string[]): boolean {
  return keys.every((k) => names.has(k));
}

function agentRule(module: string | undefined, ctx: CallContext): CallRule | undefined {
  const fromImport = agentFrameworkOf(module);
  const framework = fromImport ?? guessAgentFramework(ctx);
  switch (framework) {
    case 'crewai':
      return CREWAI_AGENT;
    case 'openai-agents':
      return OPENAI_AGENTS;
    case 'pydantic-ai':
      return PYDANTIC_AI;
    case 'smolagents':
      return SMOLAGENTS;
    case 'mastra':
      return MASTRA_AGENT;
    case 'vercel-ai':
      return VERCEL_AGENT;
    case 'google-adk':
      return GOOGLE_ADK;
    default:
      return undefined;
  }
}

function guessAgentFramework(ctx: CallContext): string | undefined {
  const names = ctx.argNames();
  if (names.has('backstory') || (names.has('role') && names.has('goal'))) return 'crewai';
  if (ctx.firstArgIsModelString()) return 'pydantic-ai';
  if (names.has('instructions') && names.has('name')) return ctx.language === 'python' ? 'openai-agents' : names.has('model') ? 'mastra' : 'openai-agents';
  if (names.has('instruction')) return 'google-adk';
  return undefined;
}

/** Prompt kinds of message roles, across SDKs (`human`/`ai` are LangChain's). */
export function kindOfRole(role: string): PromptKind | undefined {
  switch (role.toLowerCase()) {
    case 'system':
    case 'developer':
      return 'system';
    case 'user':
    case 'human':
      return 'user-template';
    case 'assistant':
    case 'ai':
    case 'model':
      return 'few-shot';
    case 'tool':
    case 'function':
      return 'other';
    default:
      return undefined;
  }
}

/** Model-provider factories of the Vercel AI SDK: `openai('gpt-4.1')`, `anthropic.messages('…')`, `cohere.reranking('…')` (ai-sdk-surface.ts). */
export { PROVIDER_FACTORY } from './ai-sdk-surface';

export const MODEL_ARG_KEYS = MODEL_KEYS;

/** Variable / function names that say "this text is a prompt". */
export const PROMPT_NAME = /prompt|instruction|(system|human|user)_?(message|msg)|(system|human|user)message|^system$|persona|backstory|preamble|template|^examples$|few_?shot/i;
/**
 * Names of values that are not prompt text. `approval_prompt`, `confirm_prompt`: the question a person is asked
 * (`Do you approve? (yes/no)`, shown in a terminal or an input request), a prompt in the shell's sense.
 */
export const NOT_PROMPT_NAME = /(name|id|ids|key|path|file|files|dir|url|version|count|tokens|len|length|type|label|title|button|color|style|class|regex|pattern|schema|format|ext|suffix|prefix_len|limit|(approval|confirm|confirmation|permission|consent|password)_?prompt)$/i;

/** Text in a loop body that says it handles tool calls. */
export const TOOL_HANDLING = /tool_calls|toolCalls|tool_use|tool_result|toolResults|stop_reason|stopReason|finish_reason|finishReason|function_call|functionCall|tool_call_id|toolCallId|function_response|functionResponse/;
