import * as assert from 'node:assert/strict';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { Price } from '../../../src/core/cost/types';
import { analyzeFile } from '../../../src/core/report/analyze';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';

const env = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel };
const missing = (p: Price): string => {
  assert.equal(p.kind, 'unpriced', `a local model has no per-token price: ${JSON.stringify(p)}`);
  return p.kind === 'unpriced' ? p.missing.join('; ') : '';
};

describe('report: a model run locally (Ollama, LM Studio) is self-hosted and unpriced, never a hosted vendor’s price', () => {
  it('ChatOllama: the model is known (its tokenizer sizes the prompt), the price says it is self-hosted', async () => {
    const src = `from langchain_ollama import ChatOllama

llm = ChatOllama(model="llama3.2", temperature=0)

def summarize(text):
    return llm.invoke(f"Summarize in three sentences: {text}")
`;
    const r = await analyzeFile(src, 'summarize.py', undefined, env);
    const request = r.calls.find((c) => c.role === undefined)!;
    assert.ok(request, 'the invoke request');
    assert.equal(request.modelResolved, 'llama-3.2-3b');
    assert.equal(request.offering, undefined, 'no hosted offering (the catalog lists Llama 3.2 at hosts such as Groq)');
    assert.match(missing(request.costPerCall), /self-hosted.*ollama/);
    assert.ok(request.inputTokens > 0);
  });

  it('a LiteLLM id with the ollama prefix, and an OpenAI client pointed at the local Ollama port', async () => {
    const src = `import litellm
from openai import OpenAI

local = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")

def first(q):
    return litellm.completion(model="ollama/llama3.2", messages=[{"role": "user", "content": q}])

def second(q):
    return local.chat.completions.create(model="llama3.2", messages=[{"role": "user", "content": q}])
`;
    const r = await analyzeFile(src, 'local.py', undefined, env);
    assert.equal(r.calls.length, 2);
    for (const c of r.calls) assert.match(missing(c.costPerCall), /self-hosted/, `${c.line}`);
  });

  it('trap: the same open model at a hosted provider stays priced there', async () => {
    const src = `from langchain_groq import ChatGroq
import litellm

llm = ChatGroq(model="llama-3.1-8b-instant")

def ask(q):
    return llm.invoke(q)

def ask_again(q):
    return litellm.completion(model="groq/llama-3.1-8b-instant", messages=[{"role": "user", "content": q}])
`;
    const r = await analyzeFile(src, 'hosted.py', undefined, env);
    const requests = r.calls.filter((c) => c.role === undefined);
    assert.equal(requests.length, 2);
    for (const c of requests) {
      assert.equal(c.costPerCall.kind, 'priced', `${c.line}: ${JSON.stringify(c.costPerCall)}`);
      assert.match(c.offering ?? '', /^groq\//);
    }
  });
});
