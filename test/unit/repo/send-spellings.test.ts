import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../src/node/scan';
import { file, scanTree } from './fixture-scan';

/** The billed requests of one file: `[line, resolved model, 'embedding' when it has no output]`, by line. */
function requests(r: ScanResult, path: string): [number, string | undefined, string | undefined][] {
  const found = r.files.find((f) => f.path === path) ? file(r, path).calls : [];
  return found
    .filter((c) => c.role !== 'binding' && c.role !== 'implementation')
    .map((c): [number, string | undefined, string | undefined] => [c.line, c.modelResolved, c.outputTokens === 0 ? 'embedding' : undefined])
    .sort((a, b) => a[0] - b[0]);
}

describe('vector stores embed through the embeddings object they were built with', () => {
  it('Python: a store on self built with OpenAIEmbeddings() embeds on every search and add; a vector search and a local store do not', async () => {
    const r = await scanTree({
      'memo/store.py': `from langchain.embeddings.openai import OpenAIEmbeddings
from langchain.vectorstores import Chroma
from memo.local import LocalIndex


class Memory:
    def __init__(self):
        self.db = Chroma(collection_name="notes", embedding_function=OpenAIEmbeddings(), persist_directory="db")
        self.local = LocalIndex()

    def remember(self, note):
        self.db.add_texts([note])

    def recall(self, question, k):
        hits = self.db.similarity_search_with_score(question, k=k)
        near = self.db.similarity_search_by_vector([0.1, 0.2])
        mine = self.local.similarity_search(question)
        return hits, near, mine
`,
    });
    // add_texts (12) and similarity_search_with_score (15): the class default of OpenAIEmbeddings.
    // Look-alikes: a search by vector embeds nothing (16); a store of the repository's own (17) holds no embeddings binding.
    assert.deepEqual(requests(r, 'memo/store.py'), [
      [12, 'text-embedding-ada-002', 'embedding'],
      [15, 'text-embedding-ada-002', 'embedding'],
    ]);
  });

  it('TypeScript: similaritySearch on a store awaited from fromTexts embeds the query on its embeddings model; a search on another object does not', async () => {
    const r = await scanTree({
      'lib/search.ts': `import { MemoryVectorStore } from "langchain/vectorstores/memory";
import { OpenAIEmbeddings } from "@langchain/openai";
import { BookIndex } from "./books";

const embeddings = new OpenAIEmbeddings({ modelName: "text-embedding-3-small" });

export async function topPassages(texts: string[], query: string) {
  const store = await MemoryVectorStore.fromTexts(texts, { source: "page" }, embeddings);
  const passages = await store.similaritySearch(query, 4);
  const books = new BookIndex();
  const titles = await books.similaritySearch(query, 4);
  return [passages, titles];
}
`,
    });
    // fromTexts embeds the texts (8), the search embeds the query (9); BookIndex is no store of an embeddings binding.
    assert.deepEqual(requests(r, 'lib/search.ts'), [
      [8, 'text-embedding-3-small', 'embedding'],
      [9, 'text-embedding-3-small', 'embedding'],
    ]);
  });
});

describe('LangChain chat models sent by calling the instance (Python)', () => {
  const agents = `from langchain.chat_models import ChatOpenAI
from langchain.schema import HumanMessage


class Planner:
    def __init__(self, model_name="gpt-3.5-turbo", temperature=0):
        self.llm = ChatOpenAI(model_name=model_name, temperature=temperature)

    def plan(self, goal):
        messages = [HumanMessage(content=f"Plan the next step towards: {goal}")]
        return self.llm(messages).content
`;
  const runner = `import torch
from app.agents import Planner


class Runner:
    def __init__(self, planner_model_name: str = "gpt-4", temperature: float = 0):
        self.planner = Planner(model_name=planner_model_name, temperature=temperature)
        self.model = torch.nn.Linear(4, 4)

    def step(self, history):
        reply = self.planner.llm(history)
        scores = self.model(torch.zeros(4))
        return reply.content, scores
`;

  it("self.llm(messages) is a request on the model the builder's keyword default passes, not the class's own default", async () => {
    const r = await scanTree({ 'app/agents.py': agents, 'app/runner.py': runner });
    // Runner passes its own default "gpt-4" as model_name: that wins over Planner's "gpt-3.5-turbo".
    assert.deepEqual(requests(r, 'app/agents.py'), [[11, 'gpt-4', undefined]]);
  });

  it("another object's model attribute called (self.planner.llm(history)) is a request on that object's model; a torch module called is none", async () => {
    const r = await scanTree({ 'app/agents.py': agents, 'app/runner.py': runner });
    assert.deepEqual(requests(r, 'app/runner.py'), [[11, 'gpt-4', undefined]]);
  });

  it('without a builder, the class default stays; a function of the repository named llm is no model', async () => {
    const r = await scanTree({
      'app/agents.py': agents,
      'app/main.py': `from app.agents import Planner


def llm(text):
    return text.upper()


def main():
    print(Planner().plan("tidy the garden"))
    print(llm("hello"))
`,
    });
    assert.deepEqual(requests(r, 'app/agents.py'), [[11, 'gpt-3.5-turbo', undefined]]);
    assert.deepEqual(requests(r, 'app/main.py'), []);
  });
});

describe('Stagehand steps are requests on the model the Stagehand was built with (TypeScript)', () => {
  it("page.act/extract/observe on the instance's page; a Playwright page's method of the same name is none", async () => {
    const r = await scanTree({
      'app/steps.ts': `import { Stagehand } from "@browserbasehq/stagehand";
import { chromium } from "playwright";
import { anthropic } from "@ai-sdk/anthropic";

export async function runStep(method: string, instruction: string) {
  const stagehand = new Stagehand({ env: "BROWSERBASE", modelName: "gpt-4o-mini" });
  await stagehand.init();
  const page = stagehand.page;
  await page.act(instruction);
  const found = await page.extract(instruction);
  const seen = await stagehand.page.observe(instruction);
  const other = await (await chromium.launch()).newPage();
  return [found, seen, await other.extract(instruction)];
}
`,
    });
    assert.deepEqual(requests(r, 'app/steps.ts'), [
      [9, 'gpt-4o-mini', undefined],
      [10, 'gpt-4o-mini', undefined],
      [11, 'gpt-4o-mini', undefined],
    ]);
  });
});
