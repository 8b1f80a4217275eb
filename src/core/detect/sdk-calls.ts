/**
 * Request methods of the provider SDKs that are not OpenAI- or Anthropic-shaped: Mistral v1, Ollama, Cohere,
 * Amazon Bedrock's runtime, OpenAI's legacy completions, and the client vendor of OpenAI-compatible SDKs
 * (Groq, Together, Fireworks, Cerebras, Zhipu, Volcengine Ark: `client.chat.completions.create` with their own models).
 *
 * Method names whose words are common (`client.chat(…)`, `x.generate(…)`) count only in a file that imports
 * the SDK, and only with the SDK's required model argument, so that an unrelated `chat()` is never a request.
 * Documented shapes (checked 2026-12):
 * - Mistral v1 (`mistralai`, `@mistralai/mistralai`): `client.chat.complete(model=, messages=)`, `.stream`,
 *   `.complete_async`, `.stream_async`; FIM `client.fim.complete(model=, prompt=)` (docs.mistral.ai, "Chat Completions").
 * - Ollama (`ollama`, Python and JS): `ollama.chat(model=, messages=)`, `ollama.generate(model=, prompt=, system=)`,
 *   the same on `Client`/`AsyncClient`/`new Ollama()`; `embed`/`embeddings` for vectors (pypi.org/project/ollama).
 * - Cohere (`cohere`, `cohere-ai`): `co.chat(model=, messages=)` (v2) or `message=` + `preamble=` (v1), `chat_stream`/`chatStream`.
 * - google-genai (`google.genai`, `@google/genai`): `client.chats.create(model=…)` makes a chat session whose
 *   `send_message`/`sendMessage`/`sendMessageStream` are the requests (googleapis.github.io/js-genai, chats.Chat).
 * - Bedrock runtime (boto3 `bedrock-runtime`): `converse(modelId=, messages=, system=)`, `converse_stream`,
 *   `invoke_model(modelId=, body=)`, `invoke_model_with_response_stream`; JS `new ConverseCommand({ modelId, … })`
 *   and the other `…Command` classes of `@aws-sdk/client-bedrock-runtime` (AWS Bedrock API reference).
 */
import type { CallContext } from './frameworks';
import { EMBEDDING_CALL, GOOGLE_MODEL, MAX_OUTPUT, type CallRule } from './call-rules';

const MISTRAL: CallRule = { framework: 'mistral', role: 'call', modelKeys: ['model'], messagesKeys: ['messages'], promptKeys: { prompt: 'user-template' }, toolsKeys: ['tools'], maxOutputKeys: MAX_OUTPUT, providerHint: 'mistral' };
const OLLAMA: CallRule = {
  framework: 'ollama',
  role: 'call',
  modelKeys: ['model'],
  messagesKeys: ['messages'],
  promptKeys: { prompt: 'user-template', system: 'system' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'ollama',
};
const COHERE: CallRule = {
  framework: 'cohere',
  role: 'call',
  modelKeys: ['model'],
  messagesKeys: ['messages', 'message'],
  promptKeys: { preamble: 'system' },
  toolsKeys: ['tools'],
  maxOutputKeys: MAX_OUTPUT,
  providerHint: 'cohere',
};
const BEDROCK: CallRule = { framework: 'bedrock', role: 'call', modelKeys: ['modelId'], messagesKeys: ['messages'], promptKeys: { system: 'system' }, maxOutputKeys: MAX_OUTPUT, providerHint: 'bedrock' };
const OPENAI_COMPLETIONS: CallRule = { framework: 'openai', role: 'call', modelKeys: ['model'], promptKeys: { prompt: 'user-template' }, maxOutputKeys: MAX_OUTPUT };

/** SDKs that copy OpenAI's client (`client.chat.completions.create`) for their own models: the module names their vendor. */
const OPENAI_COMPATIBLE: readonly (readonly [RegExp, string])[] = [
  [/^groq($|\.)|^groq-sdk$/, 'groq'],
  [/^together($|\.)|^together-ai$/, 'together'],
  [/^fireworks($|\.)|^@fireworks-ai\//, 'fireworks'],
  [/^cerebras($|\.)|^@cerebras\//, 'cerebras'],
  // Zhipu's `ZhipuAI()` and Volcengine Ark's `Ark()` (Doubao, hosted GLM/DeepSeek) copy the client too.
  [/^zhipuai($|\.)/, 'zhipu'],
  [/^volcenginesdkarkruntime($|\.)/, 'volcengine'],
];

/** Whether the file imports a module that matches (`from ollama import Client` and `import ollama` alike). */
function imports(ctx: CallContext, module: RegExp): boolean {
  for (const m of ctx.imports.values()) if (module.test(m.split('#')[0])) return true;
  return false;
}

/** The rule of an SDK request this module knows, or undefined. */
export function classifySdkCall(callee: string, ctx: CallContext): CallRule | undefined {
  const segments = callee.split('.');
  const last = segments[segments.length - 1];
  // google-genai's chat session (`client.chats.create(model=…)`): it holds the model; its `send_message` is the request (model-objects.ts).
  if (/(^|\.)chats\.create$/.test(callee) && imports(ctx, /^google(\.genai)?$|^@google\/genai$/)) return { ...GOOGLE_MODEL, modelArg: undefined };
  if (/(^|\.)(chat|fim)\.(complete|stream|complete_async|stream_async|completeAsync|streamAsync)$/.test(callee) && imports(ctx, /^mistralai($|\.)|^@mistralai\//)) return MISTRAL;
  if (/^(chat|generate|embed|embeddings)$/.test(last) && imports(ctx, /^ollama($|\.)/) && ctx.argNames().has('model')) {
    // `ollama.chat(…)`, `chat(…)` imported from ollama, `client.generate(…)` on a client of the file that imports it.
    if (last === 'embed' || last === 'embeddings') return { ...EMBEDDING_CALL('ollama', 'ollama'), messagesKeys: ['input', 'prompt'] };
    return OLLAMA;
  }
  if (segments.length > 1 && /^(chat|chat_stream|chatStream)$/.test(last) && imports(ctx, /^cohere($|\.)|^cohere-ai$/) && (ctx.argNames().has('model') || ctx.argNames().has('message'))) return COHERE;
  if (segments.length > 1 && /^(converse|converse_stream|invoke_model|invoke_model_with_response_stream)$/.test(last) && ctx.argNames().has('modelId')) return BEDROCK;
  if (segments.length === 1 && /^(Converse|ConverseStream|InvokeModel|InvokeModelWithResponseStream)Command$/.test(last) && imports(ctx, /^@aws-sdk\/client-bedrock-runtime$/)) return BEDROCK;
  // OpenAI's legacy text completions (also served by OpenAI-compatible SDKs); Anthropic's legacy API is retired.
  if (segments.length > 1 && /(^|\.)completions\.create$/.test(callee) && !/chat\.completions\.create$/.test(callee) && !imports(ctx, /^anthropic$|^@anthropic-ai\//)) {
    return withClientVendor(OPENAI_COMPLETIONS, ctx) ?? { ...OPENAI_COMPLETIONS, providerHint: 'openai' };
  }
  return undefined;
}

/** An OpenAI-shaped rule with the vendor of the OpenAI-compatible SDK the file imports, when it imports one and not `openai`. */
export function withClientVendor(rule: CallRule, ctx: CallContext): CallRule | undefined {
  if (imports(ctx, /^openai($|\.)|^@azure\/openai$/)) return undefined;
  for (const [module, vendor] of OPENAI_COMPATIBLE) if (imports(ctx, module)) return { ...rule, providerHint: vendor };
  return undefined;
}
