import * as assert from 'node:assert/strict';
import { scanTree } from './fixture-scan';

describe('vector stores handed to another module (Python)', () => {
  it("add_documents on a store parameter is an embedding request on the embeddings the store was built with, through a pydantic field a construction fills and a factory", async () => {
    const r = await scanTree({
      'app/ingest.py': [
        'from langchain_core.vectorstores import VectorStore',
        '',
        'def ingest(docs, vectorstore: VectorStore):',
        '    return vectorstore.add_documents(docs)',
        '',
      ].join('\n'),
      'app/upload.py': [
        'from pydantic import BaseModel',
        'from langchain_chroma import Chroma',
        'from langchain_openai import OpenAIEmbeddings',
        'from langchain_core.vectorstores import VectorStore',
        'from app.ingest import ingest',
        '',
        'def make_store():',
        '    return Chroma(collection_name="docs", embedding_function=OpenAIEmbeddings(model="text-embedding-3-small"))',
        '',
        'class Ingester(BaseModel):',
        '    vectorstore: VectorStore',
        '',
        '    def run(self, docs):',
        '        return ingest(docs, self.vectorstore)',
        '',
        'store = make_store()',
        'ingester = Ingester(vectorstore=store)',
        '',
      ].join('\n'),
    });
    const calls = r.files.find((f) => f.path === 'app/ingest.py')?.calls ?? [];
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[4, 'text-embedding-3-small']]);
  });

  it("OpenAIEmbeddings() without a model embeds on its class default; a repository store class's add_documents is no request", async () => {
    const r = await scanTree({
      'app/index.py': [
        'from langchain_community.vectorstores import FAISS',
        'from langchain_openai import OpenAIEmbeddings',
        'from app.memory import InMemoryIndex',
        '',
        'def add(store, docs):',
        '    store.add_documents(docs)',
        '',
        'def main(docs, index_path):',
        '    store = FAISS.load_local(index_path, embeddings=OpenAIEmbeddings())',
        '    add(store, docs)',
        '    add(InMemoryIndex(capacity=10), docs)',
        '',
      ].join('\n'),
      'app/memory.py': [
        'class InMemoryIndex:',
        '    def __init__(self, capacity):',
        '        self.items = []',
        '    def add_documents(self, docs):',
        '        self.items.extend(docs)',
        '',
      ].join('\n'),
    });
    const calls = r.files.find((f) => f.path === 'app/index.py')?.calls.filter((c) => c.role !== 'binding') ?? [];
    assert.deepEqual(calls.map((c) => [c.line, c.modelResolved]), [[6, 'text-embedding-ada-002']]);
    assert.deepEqual(r.files.find((f) => f.path === 'app/memory.py')?.calls ?? [], []);
  });
});
