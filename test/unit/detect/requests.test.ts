import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall, type DetectedFile } from '../../../src/core/detect';

const at = (f: DetectedFile, line: number): DetectedCall | undefined => f.calls.find((c) => c.line === line);
const requests = (f: DetectedFile): DetectedCall[] => f.calls.filter((c) => c.role !== 'binding' && !c.agent);

describe('detect: calls are requests', () => {
  it('Python: a ChatOpenAI binding is not a call; each invoke on it is, priced on its model (structured output, bound tools)', async () => {
    const src = `from langchain_openai import ChatOpenAI
from pydantic import BaseModel

llm = ChatOpenAI(model="gpt-4.1-mini", temperature=0, max_tokens=700)

class Plan(BaseModel):
    steps: list[str]

async def plan(question: str) -> Plan:
    planner = llm.with_structured_output(Plan)
    return await planner.ainvoke([("system", "Break the question into steps."), ("user", question)])

def search(query: str) -> str:
    """Search the web."""
    return "..."

async def answer(messages):
    return await llm.bind_tools([search]).ainvoke(messages)
`;
    const f = await detectFile(src, 'app/planner.py');
    const binding = at(f, 4)!;
    assert.deepEqual([binding.role, binding.model, binding.maxOutputTokens], ['binding', 'gpt-4.1-mini', 700]);
    const planned = at(f, 11)!;
    assert.deepEqual([planned.role, planned.callee, planned.model, planned.bindingId, planned.maxOutputTokens], [undefined, 'planner.ainvoke', 'gpt-4.1-mini', binding.id, 700]);
    assert.deepEqual(planned.needs, { structuredOutput: true });
    assert.ok(planned.promptIds.length >= 1, 'the system message it sends is linked');
    const tooled = at(f, 18)!;
    assert.deepEqual([tooled.model, tooled.tools, tooled.needs], ['gpt-4.1-mini', ['search'], { tools: true }]);
    assert.equal(requests(f).length, 2);
  });

  it('Python: self.llm set in __init__ and invoked in a method; a binding nothing invokes stays a binding', async () => {
    const src = `from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI

class Summarizer:
    def __init__(self):
        self.llm = ChatAnthropic(model="claude-sonnet-4-5", max_tokens=2048)
        self.unused = ChatOpenAI(model="gpt-4o")

    async def summarize(self, text: str) -> str:
        result = await self.llm.ainvoke(f"Summarize this text in three sentences: {text}")
        return result.content
`;
    const f = await detectFile(src, 'summarizer.py');
    const req = at(f, 10)!;
    assert.deepEqual([req.model, req.providerHint, req.maxOutputTokens, req.bindingId], ['claude-sonnet-4-5', 'anthropic', 2048, at(f, 6)!.id]);
    assert.equal(at(f, 7)!.role, 'binding');
    assert.equal(requests(f).length, 1, 'only the invoke is a request');
  });

  it('Python: running a composed chain is the request of the model inside it; running a graph or a tool is not a call', async () => {
    const src = `from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

prompt = ChatPromptTemplate.from_messages([("system", "You answer questions about {topic} tersely."), ("human", "{question}")])
model = ChatOpenAI(model="gpt-4o-mini")
chain = prompt | model | StrOutputParser()

def ask(question):
    return chain.invoke({"topic": "billing", "question": question})

async def run(graph, search_tool, state):
    await search_tool.ainvoke({"query": "x"})
    return await graph.ainvoke(state)
`;
    const f = await detectFile(src, 'chain.py');
    const req = at(f, 10)!;
    assert.deepEqual([req.callee, req.model, req.bindingId], ['chain.invoke', 'gpt-4o-mini', at(f, 6)!.id]);
    assert.ok(req.promptIds.includes(f.prompts.find((p) => p.line === 5)!.id), 'the template in the chain is what it sends');
    assert.equal(at(f, 13), undefined, 'tool.ainvoke is not a call');
    assert.equal(at(f, 14), undefined, 'graph.ainvoke is not a call');
  });

  it('Python: a chat model handed in from elsewhere and invoked is a request whose model the repository pass follows', async () => {
    const src = `class Reviewer:
    def __init__(self, llm, max_rounds: int = 3):
        self.llm = llm

    def review(self, diff: str) -> str:
        return self.llm.invoke([{"role": "user", "content": f"Review this diff: {diff}"}]).content
`;
    const f = await detectFile(src, 'reviewer.py');
    const req = at(f, 6)!;
    assert.equal(req.model, undefined);
    assert.deepEqual(req.modelRef, { kind: 'param', text: 'llm', param: { function: 'Reviewer.__init__', name: 'llm' }, line: 3 });
  });

  it('TypeScript: new ChatAnthropic bound and invoked; withStructuredOutput and bindTools; a compiled graph run is not a call', async () => {
    const src = `import { ChatAnthropic } from "@langchain/anthropic";
import { z } from "zod";

const model = new ChatAnthropic({ model: "claude-3-5-haiku-latest", maxTokens: 1024 });
const Route = z.object({ next: z.enum(["search", "answer"]) });

export async function route(messages) {
  return model.withStructuredOutput(Route).invoke(messages);
}

export async function agentNode(state) {
  const response = await model.bindTools(tools).invoke(state.messages);
  return { messages: [response] };
}

export async function main(app) {
  return app.invoke({ messages: [] });
}
`;
    const f = await detectFile(src, 'src/agent.ts');
    assert.equal(at(f, 4)!.role, 'binding');
    assert.deepEqual([at(f, 8)!.model, at(f, 8)!.maxOutputTokens, at(f, 8)!.needs], ['claude-3-5-haiku-latest', 1024, { structuredOutput: true }]);
    assert.deepEqual(at(f, 12)!.needs, { tools: true });
    assert.equal(at(f, 17), undefined);
  });

  it('embedding calls are requests with input only: LangChain embeddings, OpenAI embeddings.create, Vercel embedMany', async () => {
    const py = `from langchain_openai import OpenAIEmbeddings
from openai import OpenAI

embeddings = OpenAIEmbeddings(model="text-embedding-3-large")
client = OpenAI()

def index(chunks):
    return embeddings.embed_documents(chunks)

def query_vector(q):
    return client.embeddings.create(model="text-embedding-3-small", input=q).data[0].embedding
`;
    const f = await detectFile(py, 'rag/index.py');
    assert.deepEqual([at(f, 4)!.role, at(f, 4)!.kind], ['binding', 'embedding']);
    assert.deepEqual([at(f, 8)!.kind, at(f, 8)!.model], ['embedding', 'text-embedding-3-large']);
    assert.deepEqual([at(f, 11)!.kind, at(f, 11)!.model, at(f, 11)!.framework], ['embedding', 'text-embedding-3-small', 'openai']);
    const ts = `import { embedMany } from "ai";
import { openai } from "@ai-sdk/openai";

export async function embedChunks(chunks: string[]) {
  const { embeddings } = await embedMany({ model: openai.embedding("text-embedding-3-small"), values: chunks });
  return embeddings;
}
`;
    const g = await detectFile(ts, 'lib/embed.ts');
    assert.deepEqual([at(g, 5)!.kind, at(g, 5)!.model, at(g, 5)!.providerHint], ['embedding', 'text-embedding-3-small', 'openai']);
  });

  it('LiteLLM completion and responses are requests', async () => {
    const src = `import litellm

def ask(prompt):
    return litellm.completion(model="anthropic/claude-sonnet-4-5", messages=[{"role": "user", "content": prompt}], max_tokens=512)

def ask_responses(prompt):
    return litellm.responses(model="openai/gpt-4.1", input=prompt)
`;
    const f = await detectFile(src, 'llm.py');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.framework, c.model, c.maxOutputTokens]),
      [
        [4, 'litellm', 'anthropic/claude-sonnet-4-5', 512],
        [7, 'litellm', 'openai/gpt-4.1', undefined],
      ],
    );
  });

  it('an HTTP post to an LLM endpoint is a request: Ollama over httpx, Anthropic over fetch; other posts are not', async () => {
    const py = `import httpx

OLLAMA_URL = "http://localhost:11434"

async def generate(prompt: str, model: str = "llama3.2"):
    payload = {"model": model, "messages": [{"role": "user", "content": prompt}], "stream": False}
    async with httpx.AsyncClient() as client:
        r = await client.post(f"{OLLAMA_URL}/api/chat", json=payload)
    return r.json()["message"]["content"]

def notify(text):
    return httpx.post("https://hooks.slack.com/services/T000", json={"text": text})
`;
    const f = await detectFile(py, 'ollama_client.py');
    assert.deepEqual(
      f.calls.map((c) => [c.line, c.framework, c.model, c.providerHint]),
      [[8, 'http', 'llama3.2', 'ollama']],
    );
    const ts = `export async function ask(question: string) {
  const res = await fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { "x-api-key": process.env.ANTHROPIC_API_KEY!, "content-type": "application/json" },
    body: JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 300, messages: [{ role: "user", content: question }] }),
  });
  return res.json();
}
export const ping = () => fetch("https://api.anthropic.com/v1/messages");
`;
    const g = await detectFile(ts, 'lib/claude.ts');
    assert.deepEqual(
      g.calls.map((c) => [c.line, c.model, c.providerHint, c.maxOutputTokens]),
      [[2, 'claude-haiku-4-5', 'anthropic', 300]],
      'a GET (no method) is not a request',
    );
  });
  it('Python: a nested def invoking a model its enclosing function built is a request on that model; a nested def taking the name as a parameter is not bound to it', async () => {
    const src = `from langchain_openai import ChatOpenAI

async def reflect(state):
    judge = ChatOpenAI(model="o1")

    async def get_output(prompt):
        result = await judge.with_structured_output(
            dict, method="json_schema"
        ).ainvoke(prompt)
        return result

    def other(judge, prompt):
        return judge.invoke(prompt)

    return await get_output(state["prompt"])
`;
    const f = await detectFile(src, 'app/reflect.py');
    // The request sits where `.ainvoke(` is written.
    const inner = at(f, 9);
    assert.deepEqual([inner?.model, inner?.needs], ['o1', { structuredOutput: true }]);
    assert.notEqual(at(f, 13)?.model, 'o1', 'the parameter of the same name is whatever its callers pass');
  });
});
