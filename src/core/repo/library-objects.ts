/**
 * Well-known Python library objects whose methods send model requests, and how each binds its model. An
 * application that drives such a library (aider's `Coder`, a LlamaIndex LLM, an AutoGen agent) asks the
 * model where it calls the method (`coder.run(prompt)`), often in another file than the one that built
 * the object; building it sends nothing (a binding, not a call). library-runs.ts finds those calls by
 * following the receiver back to a builder of this table, imported from the library's module.
 *
 * Only libraries detection does not already price are listed here: agent frameworks whose constructor is
 * reported as an agent definition (smolagents, pydantic-ai, CrewAI, the Agents SDK) and LangChain chat models
 * (`invoke` on a binding) have their own rules; listing them again would count their requests twice.
 *
 * Each entry names, by the builder's fully qualified name (its import module, the imported name, the
 * attribute path written after it):
 * - `builder`: what builds the object;
 * - `methods`: the methods of the built object that send a request (one request per call, as priced);
 * - `model`: where the builder takes its model: a keyword or position, optionally wrapped in a model object
 *   of the same library (aider's `Model("gpt-4o")`, AutoGen's `OpenAIChatCompletionClient(model=…)`), whose own
 *   keyword or position then holds the id.
 * Sources: each library's public documentation (aider "Scripting aider", LlamaIndex "Using LLMs", AutoGen
 * AgentChat "Agents", Haystack "Generators", Agno "Agents", CAMEL "Agents").
 */

import { LANGCHAIN_MODEL_CLASS, LLAMA_INDEX_EMBEDDING_METHODS, LLAMA_INDEX_LLM_CLASS, LLAMA_INDEX_LLM_METHODS } from './library-surfaces';

export interface ModelSlot {
  readonly kw: readonly string[];
  readonly arg?: number;
}

export interface LibraryObject {
  /** Reported as the call's framework. */
  readonly library: string;
  /** The kind of request its methods send, where not a chat request. */
  readonly kind?: 'embedding';
  /** The builder by its qualified name (`aider.coders.Coder.create`). */
  readonly builder: RegExp;
  readonly methods: RegExp;
  readonly model: ModelSlot & {
    /**
     * A model object the slot holds, built by this qualified name, with its own slot for the id; `defaults`: the
     * model a class of it uses when built without one, by the class's name.
     */
    readonly via?: { readonly builder: RegExp; readonly defaults?: Readonly<Record<string, string>> } & ModelSlot;
  };
}

export const LIBRARY_OBJECTS: readonly LibraryObject[] = [
  {
    // `coder = Coder.create(main_model=Model("gpt-4o"), fnames=…)`; `coder.run("make it so")` sends the request
    // (with aider's own edit/reflection rounds). `Model` lives in `aider.models`.
    library: 'aider',
    builder: /^aider\.coders(\.\w+)*\.Coder(\.create)?$/,
    methods: /^run$/,
    model: { kw: ['main_model'], via: { builder: /^aider\.models(\.\w+)*\.Model$/, kw: ['model'], arg: 0 } },
  },
  {
    // `llm = OpenAI(model="gpt-4o-mini")` from `llama_index.llms.openai` (0.9: from `llama_index.llms`); `llm.complete(…)`, `await llm.achat(…)`,
    // and the rest of the LLM classes' request surface (library-surfaces.ts).
    library: 'llama-index',
    builder: LLAMA_INDEX_LLM_CLASS,
    methods: LLAMA_INDEX_LLM_METHODS,
    model: { kw: ['model', 'model_name'] },
  },
  {
    // `embedding = OpenAIEmbedding(model=…)` from `llama_index.embeddings.openai`; `embedding.get_text_embedding(…)`,
    // `get_text_embedding_batch`, `aget_query_embedding` …: embedding requests (library-surfaces.ts).
    library: 'llama-index',
    kind: 'embedding',
    builder: /^llama_index\.embeddings\.\w+(\.\w+)*\.[A-Z]\w*$/,
    methods: LLAMA_INDEX_EMBEDDING_METHODS,
    model: { kw: ['model', 'model_name'] },
  },
  {
    // `AssistantAgent("writer", model_client=OpenAIChatCompletionClient(model="gpt-4o"))`; `await agent.run(task=…)`.
    library: 'autogen',
    builder: /^autogen_agentchat\.agents(\.\w+)*\.AssistantAgent$/,
    methods: /^(run|run_stream|on_messages|on_messages_stream)$/,
    model: { kw: ['model_client'], via: { builder: /^autogen_ext\.models(\.\w+)*\.[A-Z]\w*Client$/, kw: ['model'] } },
  },
  {
    // A model client used directly: `await client.create(messages)`.
    library: 'autogen',
    builder: /^autogen_ext\.models(\.\w+)*\.[A-Z]\w*Client$/,
    methods: /^(create|create_stream)$/,
    model: { kw: ['model'] },
  },
  {
    // `OpenAIGenerator(model="gpt-4o-mini")`, `OpenAIChatGenerator(…)`; `generator.run(prompt=…)` / `(messages=…)`.
    library: 'haystack',
    builder: /^(haystack|haystack_integrations)\.components\.generators(\.\w+)*\.[A-Z]\w*Generator$/,
    methods: /^(run|run_async)$/,
    model: { kw: ['model'] },
  },
  {
    // `Agent(model=OpenAIChat(id="gpt-4o"))` from `agno.agent` (formerly `phi.agent`); `agent.run(…)`, `agent.print_response(…)`.
    library: 'agno',
    builder: /^(agno|phi)\.agent(\.\w+)*\.Agent$/,
    methods: /^(a?run|a?print_response)$/,
    model: { kw: ['model'], via: { builder: /^(agno|phi)\.models(\.\w+)*\.[A-Z]\w*$/, kw: ['id'] } },
  },
  {
    // camel: `agent = ChatAgent(sys_msg, model=ModelFactory.create(model_platform=…, model_type="gpt-4o"))`;
    // `agent.step(msg)` / `await agent.astep(msg)` sends one request (with its tools). Source: CAMEL docs "Agents".
    library: 'camel',
    builder: /^camel\.agents(\.\w+)*\.ChatAgent$/,
    methods: /^a?step$/,
    model: { kw: ['model'], via: { builder: /^camel\.models(\.\w+)*\.ModelFactory\.create$/, kw: ['model_type'] } },
  },
  {
    // camel toolkits that ask their own model: `ImageAnalysisToolkit(model=ModelFactory.create(…))`;
    // `toolkit.ask_question_about_image(path, question)` / `image_to_text(path)` send a vision request on it (the
    // video and audio toolkits likewise). Source: CAMEL docs "Toolkits" (ImageAnalysisToolkit, VideoAnalysisToolkit).
    library: 'camel',
    builder: /^camel\.toolkits(\.\w+)*\.(ImageAnalysis|VideoAnalysis|AudioAnalysis)Toolkit$/,
    methods: /^(ask_question_about_(image|video|audio)|image_to_text|audio2text)$/,
    model: { kw: ['model'], via: { builder: /^camel\.models(\.\w+)*\.ModelFactory\.create$/, kw: ['model_type'] } },
  },
  {
    // A LangChain vector store holds the embeddings object it is built with (`PGVector(embedding_function=
    // OpenAIEmbeddings())`, `Chroma(embedding_function=…)`, `FAISS.load_local(path, embeddings=…)`); its query and add
    // methods embed through it, in whatever module the store is handed to (a parameter, a field a construction
    // fills). Detection prices the store used where its embeddings binding is written (detect/vector-stores.ts);
    // this follows the store's value there from elsewhere. Source: LangChain "Vector stores" (VectorStore API:
    // add_texts, add_documents, similarity_search*, max_marginal_relevance_search; OpenAIEmbeddings' default model).
    library: 'langchain',
    kind: 'embedding',
    builder: /^(langchain(_community)?\.vectorstores(\.\w+)*|langchain_(chroma|postgres|pinecone|qdrant|milvus|mongodb|elasticsearch|weaviate|redis|astradb|aws|azure_ai|google_vertexai|community))\.[A-Z]\w*(\.(a?from_documents|a?from_texts|load_local|from_existing_index|from_existing_collection))?$/,
    methods: /^(a?similarity_search(_with_score|_with_relevance_scores)?|a?max_marginal_relevance_search|a?add_texts|a?add_documents)$/,
    model: {
      // The second argument where it is passed by position (`Chroma("docs", emb)`, `FAISS.load_local(path, emb)`).
      kw: ['embedding_function', 'embedding', 'embeddings'],
      arg: 1,
      via: { builder: /\.[A-Z]\w*Embeddings$/, kw: ['model', 'model_name'], defaults: { OpenAIEmbeddings: 'text-embedding-ada-002' } },
    },
  },
  {
    // LangChain chat models and LLMs sent the older ways: calling the instance (`chat(messages)`, `self.llm(prompt)`,
    // `agent.llm(messages).content`), `predict_messages`, `generate`, `call_as_llm`. `invoke` and its family are
    // detection's (requests.ts), so they are not listed. Sources: LangChain 0.0.x "Chat models" / "LLMs" how-tos
    // (`chat([HumanMessage(...)])`, `chat.generate(batch)`, `llm.predict_messages(...)`), BaseChatModel/BaseLLM API.
    library: 'langchain',
    builder: LANGCHAIN_MODEL_CLASS,
    methods: /^(__call__|a?predict_messages|a?generate|call_as_llm|a?generate_prompt)$/,
    model: { kw: ['model', 'model_name'] },
  },
];

/**
 * A call of the object itself (`llm(messages)`, `self.agent.llm(messages)`) is looked at only where the called
 * value is named like a model; the builder it is followed back to decides whether it is one.
 */
export const CALLED_MODEL_NAME = /(^|_)(llm|lm|chat|chat_model|model)$|[a-z](Llm|LLM|Model)$/;

/** Every method name some entry sends with: a call of another name is never looked at. */
export const LIBRARY_METHODS = new RegExp(LIBRARY_OBJECTS.map((o) => `(?:${o.methods.source})`).join('|'));
