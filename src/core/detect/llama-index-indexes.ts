/**
 * LlamaIndex index factories that embed: building a vector index from documents or nodes sends every chunk to the
 * embedding model (`VectorStoreIndex.from_documents(docs)`, `VectorStoreIndex(nodes)`), as an `IngestionPipeline`
 * whose transformations end in an embedding model does when run. One embedding request site (input tokens only; the
 * volume is the documents', unknown to the code).
 *
 * Read from github:run-llama/llama_index (main, 2026), llama-index-core/llama_index/core/:
 * - indices/base.py `BaseIndex.from_documents(documents, storage_context=…, show_progress=…, callback_manager=…,
 *   transformations=…, **kwargs)`: parses the documents into nodes and builds the index from them;
 * - indices/vector_store/base.py `VectorStoreIndex.__init__(nodes=…, embed_model=…, …)`: `embed_model or
 *   Settings.embed_model`, `_build_index_from_nodes` → `embed_nodes` (get_text_embedding_batch) for every node;
 *   `from_vector_store(vector_store, embed_model=…)` builds an index over stored vectors and embeds nothing;
 * - settings.py `Settings.embed_model`: `resolve_embed_model("default")` = `OpenAIEmbedding()`, whose `model` defaults
 *   to `text-embedding-ada-002` (llama-index-integrations/embeddings/llama-index-embeddings-openai/…/base.py). The
 *   file's own `Settings.embed_model = X(model=…)` is read (code.ts `settingsKey`), by its `model`/`model_name` keyword
 *   only (`OpenAIEmbedding(model_type=…)` is no parameter of the class: the default stands); another module's
 *   assignment is not followed.
 * The legacy 0.9 package spelled the class `GPTVectorStoreIndex` and exported it from `llama_index`.
 */
import type { CallRule } from './call-rules';

const INDEX_MODULE = /^llama_index(\.core)?(\.indices(\.\w+)*)?$/;

/** `VectorStoreIndex(…)` and its document factories; not `from_vector_store` (no embedding). */
const EMBEDDING_INDEX = /^(GPT)?VectorStoreIndex(\.(from_documents|build_index_from_nodes))?$/;

export const LLAMA_INDEX_EMBEDDING_INDEX: CallRule = {
  framework: 'llama-index',
  role: 'call',
  kind: 'embedding',
  modelKeys: ['embed_model'],
  settingsKey: 'embed_model',
  classDefaultModel: 'text-embedding-ada-002',
};

/** The rule of a LlamaIndex vector-index build that embeds, for `callee` whose head is imported from `module`. */
export function llamaIndexIndexRule(callee: string, module: string | undefined, argNames: () => ReadonlySet<string>, positional: () => number): CallRule | undefined {
  const m = module?.split('#')[0];
  if (m === undefined || !INDEX_MODULE.test(m) || !EMBEDDING_INDEX.test(callee)) return undefined;
  // The constructor embeds only the nodes it is given (`VectorStoreIndex([], storage_context=…)` builds an empty index).
  if (!callee.includes('.') && positional() === 0 && !argNames().has('nodes')) return undefined;
  return LLAMA_INDEX_EMBEDDING_INDEX;
}
