/**
 * A vector store holds the embeddings object it was built with, and its query and add methods embed through it:
 * `store.similarity_search(query)` embeds the query, `store.add_texts(texts)` / `addDocuments(docs)` embed each
 * text, on the embeddings object's model. The store is built by a constructor handed that object
 * (`Chroma(embedding_function=OpenAIEmbeddings())`, `new PineconeStore(embeddings, {...})`) or by a factory that
 * embeds the texts it is given (`await MemoryVectorStore.fromTexts(texts, metas, embeddings)`, itself a request),
 * and used through a local, a `self.`/`this.` field or a module value.
 *
 * Only stores whose builder is handed an embeddings binding of this file count: a store whose embeddings are
 * local (a `SentenceTransformer` wrapper) or made elsewhere is not known to embed remotely. Methods that take a
 * vector (`similarity_search_by_vector`, `addVectors`) embed nothing and are not listed.
 */
import type { SyntaxNode } from './parser';
import { unwrap } from './lcel-steps';
import type { LanguageSyntax } from './syntax';

/** Store methods that embed their input (LangChain Python and LangChain.js spellings). */
export const STORE_EMBEDS =
  /\.(a?similarity_search(_with_score|_with_relevance_scores)?|a?max_marginal_relevance_search|a?add_texts|a?add_documents|similaritySearch(WithScore)?|maxMarginalRelevanceSearch|addDocuments)$/;

/**
 * The embeddings bindings the store a method is called on was built with: each value the receiver may hold
 * (`valuesOf`), when it is a constructor or factory call, is searched for an argument that is an embeddings
 * binding (`embeddingsOf`). Empty when the receiver is not such a store.
 */
export function storeEmbeddings<T>(
  syntax: LanguageSyntax,
  receiver: SyntaxNode,
  valuesOf: (n: SyntaxNode) => SyntaxNode[],
  embeddingsOf: (arg: SyntaxNode) => T[],
): T[] {
  const r = unwrap(receiver);
  const named = r.type === 'identifier' || r.type === 'attribute' || r.type === 'member_expression';
  for (const value of named ? valuesOf(r) : [r]) {
    const built = unwrap(value);
    if (built.type !== 'call' && built.type !== 'call_expression' && built.type !== 'new_expression') continue;
    const args = syntax.args(built);
    for (const arg of [...args.positional, ...args.named.values()]) {
      const found = embeddingsOf(arg);
      if (found.length) return found;
    }
  }
  return [];
}
