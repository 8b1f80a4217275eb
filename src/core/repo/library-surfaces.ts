/**
 * The request surface of Python model libraries: every public method of a library's base class that sends a
 * request, read from the library's own source (not from the calls one repository happens to make). A receiver
 * known to hold such an object — built by the library (library-objects.ts) or declared with its class
 * (declared-types-py.ts: `llm: LLM`, `embed_model: BaseEmbedding`, `model: BaseChatModel`) — sends one request
 * (as priced) per call of one of these methods. Methods that only build or wrap (`as_structured_llm`,
 * `with_structured_output`, `bind_tools`) are not listed: the call on what they return is.
 */

/**
 * LlamaIndex LLMs. Sources (github:run-llama/llama_index, llama-index-core/llama_index/core/):
 * - base/llms/base.py `BaseLLM`: chat, complete, stream_chat, stream_complete and their async `a…` versions;
 * - llms/llm.py `LLM`: predict/apredict, stream/astream, structured_predict/astructured_predict,
 *   stream_structured_predict/astream_structured_predict, predict_and_call/apredict_and_call;
 * - llms/function_calling.py `FunctionCallingLLM`: chat_with_tools/achat_with_tools and (newer releases)
 *   stream_chat_with_tools/astream_chat_with_tools, predict_and_call/apredict_and_call.
 * Priced as chat requests.
 */
export const LLAMA_INDEX_LLM_METHODS =
  /^(a?chat|a?complete|stream_chat|astream_chat|stream_complete|astream_complete|a?predict|a?stream|a?structured_predict|stream_structured_predict|astream_structured_predict|a?chat_with_tools|stream_chat_with_tools|astream_chat_with_tools|a?predict_and_call)$/;

/**
 * A LlamaIndex LLM class by the module it is imported from: an integration package of 0.10 and later
 * (`llama_index.llms.openai.OpenAI`), or the 0.9 package and its 0.10 `legacy` copy, which re-export every LLM from
 * `llama_index.llms` (`from llama_index.llms import OpenAI, Anthropic`; llama-index-legacy/llama_index/legacy/llms/
 * __init__.py). That package re-exports the message and response types too (`ChatMessage`, `ChatResponse`, …), and
 * `MockLLM`, which sends nothing: not models.
 */
export const LLAMA_INDEX_LLM_CLASS =
  /^(llama_index\.llms\.\w+(\.\w+)*|llama_index(\.legacy)?\.llms)\.(?!(ChatMessage|ChatResponse\w*|CompletionResponse\w*|LLMMetadata|MessageRole|MockLLM|LOCALAI_DEFAULTS)$)[A-Z]\w*$/;

/**
 * LlamaIndex embedding models, base/embeddings/base.py `BaseEmbedding`: get_query_embedding, get_text_embedding,
 * get_text_embedding_batch, get_agg_embedding_from_queries and their async `aget_…` versions. Priced as
 * embedding requests (input only).
 */
export const LLAMA_INDEX_EMBEDDING_METHODS = /^a?get_(query_embedding|text_embedding|text_embedding_batch|agg_embedding_from_queries)$/;

/**
 * LangChain chat models and LLMs (langchain_core/language_models/: `BaseLanguageModel`, `BaseChatModel`, `BaseLLM`;
 * langchain_core/runnables/base.py `Runnable`): the Runnable runs invoke/ainvoke, stream/astream, batch/abatch,
 * batch_as_completed/abatch_as_completed, astream_events/astream_log, and the older generate/agenerate,
 * generate_prompt/agenerate_prompt, predict/apredict, predict_messages/apredict_messages, call_as_llm. Chat requests.
 */
export const LANGCHAIN_MODEL_METHODS =
  /^(a?invoke|a?stream|a?batch|a?batch_as_completed|astream_events|astream_log|a?generate|a?generate_prompt|a?predict|a?predict_messages|call_as_llm)$/;

/** LangChain embeddings, langchain_core/embeddings/embeddings.py `Embeddings`: embed_query, embed_documents, aembed_*. */
export const LANGCHAIN_EMBEDDING_METHODS = /^a?embed_(query|documents)$/;

/** A chat-model or LLM class of LangChain (legacy `langchain.chat_models` / `.llms`, community, partner packages); not embeddings. */
export const LANGCHAIN_MODEL_CLASS =
  /^(langchain(_community)?\.(chat_models|llms)(\.\w+)*|langchain_(openai|anthropic|google_genai|google_vertexai|mistralai|groq|ollama|aws|cohere|fireworks|together|deepseek|xai|huggingface))\.(?!\w*Embeddings$)[A-Z]\w*$/;

export interface LibraryType {
  /** Reported as the call's framework. */
  readonly library: string;
  readonly kind?: 'embedding';
  /** The class by its qualified name (its import module, the imported name): a base class or a concrete model class. */
  readonly type: RegExp;
  readonly methods: RegExp;
}

/**
 * Classes a receiver may be declared with (or built as) whose request methods are above. Base classes by the
 * modules that define or re-export them; concrete classes by their integration packages (`llama_index.llms.openai
 * .OpenAI`, `langchain_openai.ChatOpenAI`). LangChain's `Runnable` itself is not listed: a chain, a graph or an agent
 * is one too, and their runs are other rules'.
 */
export const LIBRARY_TYPES: readonly LibraryType[] = [
  {
    library: 'llama-index',
    kind: 'embedding',
    type: /^(llama_index\.core(\.base)?\.embeddings(\.\w+)*\.(BaseEmbedding|MultiModalEmbedding)|llama_index\.embeddings\.\w+(\.\w+)*\.[A-Z]\w*)$/,
    methods: LLAMA_INDEX_EMBEDDING_METHODS,
  },
  {
    library: 'llama-index',
    type: new RegExp(`^(llama_index\\.core(\\.base)?\\.llms(\\.\\w+)*\\.(LLM|BaseLLM|FunctionCallingLLM|CustomLLM)$|${LLAMA_INDEX_LLM_CLASS.source.slice(1)})`),
    methods: LLAMA_INDEX_LLM_METHODS,
  },
  {
    library: 'langchain',
    kind: 'embedding',
    type: /^(langchain_core\.embeddings(\.\w+)*\.Embeddings|langchain(_community)?\.embeddings(\.\w+)*\.[A-Z]\w*|langchain_\w+\.[A-Z]\w*Embeddings)$/,
    methods: LANGCHAIN_EMBEDDING_METHODS,
  },
  {
    library: 'langchain',
    type: new RegExp(`^(langchain_core\\.language_models(\\.\\w+)*\\.(BaseChatModel|BaseLanguageModel|BaseLLM|SimpleChatModel|LLM)$|${LANGCHAIN_MODEL_CLASS.source.slice(1)})`),
    methods: LANGCHAIN_MODEL_METHODS,
  },
];

/** The table's entry for a qualified class name. */
export function libraryTypeOf(qualified: string): LibraryType | undefined {
  return LIBRARY_TYPES.find((t) => t.type.test(qualified));
}

/** Every method name some declared type sends with. */
export const DECLARED_METHODS = new RegExp(LIBRARY_TYPES.map((t) => `(?:${t.methods.source})`).join('|'));
