import * as assert from 'node:assert/strict';
import { file, scanTree } from './fixture-scan';

/** Two hand-written Ollama clients (one per service, the same class name), their callers, and look-alikes. */
const TREE: Record<string, string> = {
  'rag/ollama_client.py': `import requests
import httpx


class OllamaClient:
    def __init__(self, host: str = "http://localhost:11434"):
        self.host = host
        self.api_url = f"{host}/api"

    def generate_completion(self, model: str, prompt: str, *, format: str = ""):
        payload = {"model": model, "prompt": prompt, "stream": False}
        response = requests.post(f"{self.api_url}/generate", json=payload, timeout=60)
        return response.json()

    async def generate_completion_async(self, model: str, prompt: str):
        payload = {"model": model, "prompt": prompt, "stream": False}
        async with httpx.AsyncClient() as client:
            resp = await client.post(f"{self.api_url}/generate", json=payload)
        return resp.json()

    def stream_completion(self, model: str, prompt: str):
        payload = {"model": model, "prompt": prompt, "stream": True}
        with requests.post(f"{self.api_url}/generate", json=payload, stream=True) as resp:
            for line in resp.iter_lines():
                yield line
`,
  'gateway/ollama_client.py': `import os
import requests

DEFAULT_GENERATION_MODEL = os.getenv("GENERATION_MODEL", "qwen3:8b")


class OllamaClient:
    def __init__(self, base_url=None):
        if base_url is None:
            base_url = os.getenv("OLLAMA_HOST", "http://localhost:11434")
        self.api_url = f"{base_url}/api"

    def chat(self, message: str, model: str = DEFAULT_GENERATION_MODEL, history=None):
        messages = (history or []) + [{"role": "user", "content": message}]
        payload = {"model": model, "messages": messages, "stream": False}
        response = requests.post(f"{self.api_url}/chat", json=payload, timeout=60)
        return response.json()["message"]["content"]
`,
  'gateway/server.py': `from ollama_client import OllamaClient

GENERATION_MODEL = "qwen3:8b"


class ChatHandler:
    def __init__(self):
        self.ollama_client = OllamaClient()

    def handle_chat(self, data):
        model = data.get("model", GENERATION_MODEL)
        return self.ollama_client.chat(data["message"], model, [])

    def handle_default(self, data):
        return self.ollama_client.chat(data["message"])
`,
  'rag/decomposer.py': `from rag.ollama_client import OllamaClient


class QueryDecomposer:
    def __init__(self, llm_client: OllamaClient, llm_model: str):
        self.llm_client = llm_client
        self.llm_model = llm_model

    def decompose(self, query):
        return self.llm_client.generate_completion(self.llm_model, f"Split the question into parts: {query}")

    async def verify(self, answer):
        return await self.llm_client.generate_completion_async(model="qwen3:4b", prompt=f"Check this answer: {answer}")

    def stream(self, query):
        for tok in self.llm_client.stream_completion(model="qwen3:8b", prompt=f"Answer: {query}"):
            yield tok
`,
  'rag/main.py': `from rag.ollama_client import OllamaClient
from rag.decomposer import QueryDecomposer


def main():
    decomposer = QueryDecomposer(llm_client=OllamaClient(), llm_model="qwen3:4b")
    print(decomposer.decompose("what is a llama?"))


if __name__ == "__main__":
    main()
`,
  'rag/indexer.py': `from rag.ollama_client import OllamaClient


class OverviewBuilder:
    def __init__(self, llm_client, model: str):
        self.llm_client = llm_client
        self.model = model

    def build(self, text):
        return self.llm_client.generate_completion(model=self.model, prompt=f"Summarise this document: {text}")


class IndexingPipeline:
    def __init__(self, config, ollama_client: OllamaClient):
        self.llm_client = ollama_client
        self.overview_builder = OverviewBuilder(llm_client=self.llm_client, model="qwen3:4b")
`,
  // Look-alikes: an SDK wrapper taking the model (its own request stays the site), a search client posting to a
  // host it was given, and an in-process embedder.
  'app/handler.py': `import litellm


class LiteLLMHandler:
    def __init__(self, host):
        self.host = host

    async def chat_completion(self, model: str, system: str, user: str):
        return await litellm.acompletion(model=model, messages=[{"role": "system", "content": system}, {"role": "user", "content": user}])
`,
  'app/reviewer.py': `from app.handler import LiteLLMHandler


class Reviewer:
    def __init__(self):
        self.handler = LiteLLMHandler("http://localhost")

    async def review(self, diff):
        return await self.handler.chat_completion(model="gpt-4o", system="You review code.", user=diff)
`,
  'app/search.py': `import requests


class SearchClient:
    def __init__(self, host="http://localhost:8080"):
        self.api_url = f"{host}/v1"

    def search(self, query, model="bm25"):
        return requests.post(f"{self.api_url}/search", json={"query": query, "model": model}).json()


class Finder:
    def __init__(self):
        self.search_client = SearchClient()

    def find(self, q):
        return self.search_client.search(q, model="hybrid")
`,
};

describe("requests through the repository's own model-server client class (Python)", () => {
  it("each call of a hand-written Ollama client's method is a site, on the model the caller passes", async () => {
    const r = await scanTree(TREE);
    const server = file(r, 'gateway/server.py').calls;
    // By position (chat(message, model, history)), and the parameter's default where nothing is passed.
    assert.deepEqual(server.map((c) => [c.line, c.rule, c.model ?? c.modelResolved]), [[12, 'py-chat-family', 'qwen3:8b'], [15, 'py-chat-family', 'qwen3:8b']]);
    const rag = file(r, 'rag/decomposer.py').calls;
    // A constructor parameter annotated with the client; the model passed by position, by keyword, and a stream
    // iterated by a for loop.
    assert.deepEqual(rag.map((c) => c.line), [10, 13, 16]);
    assert.deepEqual(rag.map((c) => c.model ?? c.modelResolved), ['qwen3:4b', 'qwen3:4b', 'qwen3:8b']);
  });

  it('a client handed on unannotated from a constructor parameter annotated with the class is held there too', async () => {
    const r = await scanTree(TREE);
    const calls = file(r, 'rag/indexer.py').calls;
    assert.deepEqual(calls.map((c) => [c.line, c.model ?? c.modelResolved]), [[10, 'qwen3:4b']]);
  });

  it("the posts inside the clients are their implementation, listed and not billed (both classes of one name)", async () => {
    const r = await scanTree(TREE);
    assert.deepEqual(file(r, 'rag/ollama_client.py').calls.map((c) => c.role), ['implementation', 'implementation', 'implementation']);
    assert.deepEqual(file(r, 'gateway/ollama_client.py').calls.map((c) => c.role), ['implementation']);
  });

  it('traps: an SDK wrapper taking the model keeps its own request as the site; a non-LLM client is no site', async () => {
    const r = await scanTree(TREE);
    assert.deepEqual(r.files.find((f) => f.path === 'app/reviewer.py')?.calls.map((c) => c.line) ?? [], []);
    assert.deepEqual(file(r, 'app/handler.py').calls.map((c) => [c.line, c.role]), [[9, undefined]]);
    assert.deepEqual(r.files.find((f) => f.path === 'app/search.py')?.calls.map((c) => c.line) ?? [], []);
  });
});

describe('a Python function whose returns sit on branches the default configuration decides', () => {
  const client = TREE['gateway/ollama_client.py'];
  const app = (body: string): Record<string, string> => ({
    'gateway/ollama_client.py': client,
    'gateway/app.py': `import os
from ollama_client import OllamaClient

LLM_BACKEND = os.getenv("LLM_BACKEND", "ollama")


${body}


def answer(question, flag):
    client = OllamaClient()
    return client.chat(question, pick_model(flag))
`,
  });

  it("the return on the branch taken comes first; a branch not taken is left out", async () => {
    const r = await scanTree(app(`def pick_model(flag):
    if LLM_BACKEND.lower() == "watsonx":
        return "ibm/granite-13b-chat-v2"
    return "qwen3:14b"`));
    const site = file(r, 'gateway/app.py').calls[0];
    assert.equal(site.model ?? site.modelResolved, 'qwen3:14b', JSON.stringify(site.modelSource));
  });

  it('trap: a branch nothing decides keeps the returns in their order', async () => {
    const r = await scanTree(app(`def pick_model(flag):
    if flag.startswith("big"):
        return "qwen3:32b"
    return "qwen3:14b"`));
    const site = file(r, 'gateway/app.py').calls[0];
    assert.equal(site.model ?? site.modelResolved, 'qwen3:32b', JSON.stringify(site.modelSource));
  });
});
