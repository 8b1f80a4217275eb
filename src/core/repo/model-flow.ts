/**
 * How a model id flows through code the repository does not own:
 *
 * - **Model factories.** A binding made by an SDK (`gateway.languageModel("anthropic/claude-haiku-4.5")`,
 *   `openai("gpt-4o")`, `createAnthropic({…})(id)`, `wrapLanguageModel({ model })`,
 *   `init_chat_model("openai:gpt-4.1")`, `ChatOllama(model=…)`, `dspy.LM("openai/gpt-4o")`) stands
 *   for the model it names: following a helper that returns one gives that id.
 * - **Client input.** A server route's request body (`await req.json()`, `request.json()`,
 *   `await request.formData()`) holds what the client sends, e.g. the model the user picked in the
 *   UI; a value computed from it by code we cannot follow (`schema.parse(body)`) is still client input.
 */
import type { ClientPick } from './client-picks';
import type { Expr } from './facts';

type CallExpr = Extract<Expr, { k: 'call' }>;

/**
 * AI SDK wrappers that send to the model they are given (github:vercel/ai packages/ai/src/middleware/: `wrapLanguageModel(
 * { model, middleware, modelId?, providerId? })`, `experimental_wrapLanguageModel` in 3.4 and 4.0, `wrapEmbeddingModel`
 * and `wrapImageModel` of later releases): `modelId` only renames what the wrapper reports; requests go to `model`.
 */
const WRAPPED_MODEL = /^(experimental_)?wrap(Language|Embedding|Image)Model$/;
/** AI SDK provider functions called with a model id (`openai("gpt-4o")`, `gateway("…")`). */
const PROVIDER_FN =
  /^(openai|anthropic|google|vertex|gateway|mistral|groq|xai|deepseek|ollama|azure|bedrock|fireworks|togetherai|perplexity|cohere|cerebras|openrouter|deepinfra)$/;
/** Provider methods that return a language model (`provider.languageModel(id)`, `openai.chat(id)`, `openai.responses(id)`). */
const PROVIDER_METHOD = /^(languageModel|chatModel|chat|responses|completion)$/;
/** Python chat-model and LM constructors whose model is a keyword or the first argument. */
const PY_MODEL_CLASS = /^(init_chat_model|initChatModel|Chat[A-Z]\w*|(Azure)?OpenAI(Model|LLM)|LM|LiteLLMModel|OllamaLLM)$/;
const MODEL_KW = ['model', 'model_name', 'modelName', 'model_id', 'modelId'];
/**
 * SDK model objects that bind the model their requests use (receiver-models.ts): Google's and Vertex's
 * `getGenerativeModel({ model })` / `GenerativeModel("…")`, and google-genai's chat session `client.chats.create(model=…)`.
 */
const SDK_MODEL_OBJECT = /^(getGenerativeModel|GenerativeModel|getGenerativeModelFromCachedContent)$/;

/** The expression holding the model id of an SDK model binding, or undefined when the call is not one. */
export function factoryModelArg(e: CallExpr): Expr | undefined {
  const segments = e.text.split('.');
  const last = segments[segments.length - 1];
  if (WRAPPED_MODEL.test(last)) return e.kw.model;
  // `createOpenAI({ … })(id)`: the callee is itself a call to a provider factory.
  if (e.callee.k === 'call' && /^create[A-Z]\w*$/.test(e.callee.text.split('.').pop() ?? '')) return e.args[0];
  if (segments.length === 1 && PROVIDER_FN.test(last)) return e.args[0];
  if (segments.length >= 2 && PROVIDER_METHOD.test(last) && (e.args[0]?.k === 'str' || PROVIDER_FN.test(segments[segments.length - 2]) || last === 'languageModel')) return e.args[0];
  if (PY_MODEL_CLASS.test(last) || SDK_MODEL_OBJECT.test(last)) return MODEL_KW.map((k) => e.kw[k]).find(Boolean) ?? e.args[0];
  if (last === 'create' && segments[segments.length - 2] === 'chats') return MODEL_KW.map((k) => e.kw[k]).find(Boolean);
  return undefined;
}

/** `ChatOpenAI(**options)`: a chat-model constructor given its keywords in a splatted dict; the keys that may name its model. */
export function splatModelKeys(e: CallExpr): readonly string[] | undefined {
  return e.kw['**'] && PY_MODEL_CLASS.test(e.text.split('.').pop() ?? '') ? MODEL_KW : undefined;
}

/** Methods that wrap a chat model and keep its model: `llm.with_structured_output(S).with_retry(…)`, `model.bindTools(tools)`, a chat session `model.startChat()`. */
const KEEPS_MODEL = /^(startChat|start_chat|with_structured_output|withStructuredOutput|with_retry|withRetry|bind_tools|bindTools|bind|with_config|withConfig|with_fallbacks|withFallbacks|with_types|configurable_fields|configurable_alternatives)$/;

/** Whether a callee (`llm.with_structured_output(S).with_retry`) wraps its receiver's chat model. */
export function keepsModel(calleeText: string): boolean {
  return KEEPS_MODEL.test(calleeText.slice(calleeText.lastIndexOf('.') + 1));
}

/** The model binding a wrapping method is called on (`X.with_retry(…)` → `X`), or undefined. */
export function wrappedModel(e: CallExpr): Expr | undefined {
  const last = e.text.split('.').pop() ?? '';
  return e.callee.k === 'member' && KEEPS_MODEL.test(last) ? e.callee.obj : undefined;
}

/** `req.json()`, `request.json()`, `request.formData()`: the body of the request a server handler received. */
export function isRequestBody(e: CallExpr): boolean {
  if (/^(req|request|ctx\.req|c\.req|event\.request)\.(json|formData)$/.test(e.text)) return true;
  // `await req.json().catch(() => null)`: the same body, or nothing.
  return e.callee.k === 'member' && e.callee.prop === 'catch' && e.callee.obj.k === 'call' && isRequestBody(e.callee.obj);
}

/** A value the client sends with the request; `field` is the path read from it (`selectedChatModel`, `model.id`). */
export interface ClientValue {
  readonly t: 'client';
  readonly line: number;
  readonly path: string;
  readonly field?: string;
  /** `run-config`: a LangGraph run's `configurable` field (run-config.ts), not a request body. */
  readonly from?: 'run-config';
  /** An option of a list the client's value picks by key (client-picks.ts). */
  readonly pick?: ClientPick;
}

export function clientField(v: ClientValue, key: string): ClientValue {
  return { ...v, field: v.field ? `${v.field}.${key}` : key };
}

/**
 * A string that may be a model id (`gpt-4o`, `anthropic/claude-haiku-4.5`, `llama3.2`, an embedding model named
 * without a version: `mxbai-embed-large`, `nomic-embed-text`), not a key or a sentence.
 */
export function looksLikeModel(s: string): boolean {
  return /^[\w.:/@-]{2,120}$/.test(s) && /[a-z]/i.test(s) && /\d|gpt|claude|gemini|llama|mistral|sonnet|opus|haiku|o\d|\w-embed-\w/i.test(s);
}
