import * as assert from 'node:assert/strict';
import type { FileReport } from '../../../src/core/report/types';
import { scanTree } from './fixture-scan';

/** The lines reported as calls in one file, sorted; an embedding request (input only) says so. */
function sites(files: readonly FileReport[], path: string): string[] {
  const f = files.find((x) => x.path === path);
  return (f?.calls ?? []).map((c) => `${c.line}${c.workload.outputTokens === 0 ? ' embedding' : ''}`).sort((a, b) => parseInt(a) - parseInt(b));
}

describe('requests on library objects known by their declared type (Python)', () => {
  it('LlamaIndex LLM methods on a typed parameter, an attribute set from one, and a dataclass field are requests; a same-named repository class is not', async () => {
    const r = await scanTree({
      'app/components.py': [
        'from llama_index.core.llms import LLM',
        '',
        'class LLMComponent:',
        '    def get_llm(self, model_id: str) -> LLM:',
        '        return self._registry[model_id]',
        '',
      ].join('\n'),
      'app/work.py': [
        'from dataclasses import dataclass',
        'from llama_index.core.llms import LLM',
        'from llama_index.core.llms.function_calling import FunctionCallingLLM',
        'from app.local_llm import LLM as OwnLLM',
        '',
        '@dataclass',
        'class Run:',
        '    llm: FunctionCallingLLM',
        '    turns: int = 0',
        '',
        'class Condenser:',
        '    def __init__(self, llm: LLM) -> None:',
        '        self._llm = llm',
        '',
        '    async def condense(self, text):',
        '        return await self._llm.acomplete(text, max_tokens=200)',
        '',
        'async def summarize(llm: LLM, prompt, cls):',
        '    return await llm.astructured_predict(output_cls=cls, prompt=prompt)',
        '',
        'async def iterate(run: Run, tools, history):',
        '    return await run.llm.astream_chat_with_tools(tools, chat_history=history)',
        '',
        'def own(helper: OwnLLM, text):',
        '    return helper.complete(text)',
        '',
        'def wrap(llm: LLM, cls):',
        '    return llm.as_structured_llm(cls)',
        '',
      ].join('\n'),
      'app/local_llm.py': ['class LLM:', '    def complete(self, text):', '        return text.upper()', ''].join('\n'),
    });
    // acomplete (16), astructured_predict (19), astream_chat_with_tools on a dataclass field (22). The repository's
    // own `LLM` (25) and `as_structured_llm` (28, a wrapper, not a request) are not.
    assert.deepEqual(sites(r.files, 'app/work.py'), ['16', '19', '22']);
    assert.ok(r.files.find((f) => f.path === 'app/work.py')!.calls.every((c) => c.framework === 'llama-index'));
  });

  it('LlamaIndex embeddings: a typed parameter, a getter annotated to return BaseEmbedding, a local built on either branch; priced as embeddings', async () => {
    const r = await scanTree({
      'app/embedding_component.py': [
        'from llama_index.core.base.embeddings.base import BaseEmbedding',
        '',
        'class EmbeddingComponent:',
        '    def get_embed(self, model_id: str) -> BaseEmbedding:',
        '        return self._models[model_id]',
        '',
      ].join('\n'),
      'app/service.py': [
        'from llama_index.core.base.embeddings.base import BaseEmbedding',
        'from app.embedding_component import EmbeddingComponent',
        '',
        'class EmbeddingsService:',
        '    def __init__(self, embedding_component: EmbeddingComponent) -> None:',
        '        self.embedding_component = embedding_component',
        '',
        '    def texts(self, model: str, texts: list[str]):',
        '        embedding_model = self.embedding_component.get_embed(model)',
        '        return embedding_model.get_text_embedding_batch(texts)',
        '',
        'def embed_nodes(nodes, embed_model: BaseEmbedding):',
        '    return embed_model.get_text_embedding_batch([n.text for n in nodes], show_progress=False)',
        '',
        'def probe(api_base: str, name: str):',
        '    if api_base.startswith("https://api.openai.com"):',
        '        from llama_index.embeddings.openai import OpenAIEmbedding',
        '        embedding = OpenAIEmbedding(api_base=api_base, model=name)',
        '    else:',
        '        from llama_index.embeddings.openai_like import OpenAILikeEmbedding',
        '        embedding = OpenAILikeEmbedding(api_base=api_base, model_name=name)',
        '    return len(embedding.get_text_embedding("test"))',
        '',
        'def similarity(embed_model: BaseEmbedding, a, b):',
        '    return embed_model.similarity(a, b)',
        '',
      ].join('\n'),
    });
    // `similarity` (25) computes locally: no request.
    assert.deepEqual(sites(r.files, 'app/service.py'), ['10 embedding', '13 embedding', '22 embedding']);
  });

  it('LangChain: a chat model and embeddings declared by their base classes, not by a model-like name', async () => {
    const r = await scanTree({
      'app/steps.py': [
        'from langchain_core.language_models.chat_models import BaseChatModel',
        'from langchain_core.embeddings import Embeddings',
        'from app.schemas import Plan',
        '',
        'async def plan(writer: BaseChatModel, question: str):',
        '    return await writer.with_structured_output(Plan).ainvoke(question)',
        '',
        'def index(encoder: Embeddings, docs):',
        '    return encoder.embed_documents(docs)',
        '',
        'def count(writer: BaseChatModel, text: str):',
        '    return writer.get_num_tokens(text)',
        '',
      ].join('\n'),
      'app/schemas.py': 'class Plan:\n    steps: list\n',
    });
    // get_num_tokens (12) counts locally.
    assert.deepEqual(sites(r.files, 'app/steps.py'), ['6', '9 embedding']);
  });

  it('an embedding request whose model nothing names is unpriced with the reason, not priced as the default chat model', async () => {
    const r = await scanTree({
      'app/index.py': [
        'from llama_index.core.base.embeddings.base import BaseEmbedding',
        'from llama_index.core.llms import LLM',
        '',
        'def vectors(embed_model: BaseEmbedding, texts):',
        '    return embed_model.get_text_embedding_batch(texts)',
        '',
        'def answer(llm: LLM, question):',
        '    return llm.complete(question)',
        '',
      ].join('\n'),
    });
    const calls = r.files.find((f) => f.path === 'app/index.py')?.calls ?? [];
    const embed = calls.find((c) => c.line === 5);
    assert.ok(embed, JSON.stringify(calls.map((c) => c.line)));
    assert.equal(embed.costPerCall.kind, 'unpriced');
    assert.match(JSON.stringify(embed.costPerCall), /embedding model: this embedding request names none/);
    // The chat request beside it falls to the same default and is priced on it.
    assert.equal(calls.find((c) => c.line === 8)?.costPerCall.kind, 'priced');
  });
});
