import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall, type DetectedFile } from '../../../src/core/detect';

const at = (f: DetectedFile, line: number): DetectedCall => {
  const c = f.calls.find((x) => x.line === line);
  assert.ok(c, `a call at line ${line}; found ${f.calls.map((x) => x.line).join(', ')}`);
  return c;
};

describe('detect: alternatives are not sums', () => {
  it('a provider factory with if/elif/else is one binding priced on the branch its default parameter picks', async () => {
    const src = `from langchain_anthropic import ChatAnthropic
from langchain_google_genai import ChatGoogleGenerativeAI
from langchain_openai import ChatOpenAI

def get_llm(provider: str = "anthropic"):
    if provider == "openai":
        return ChatOpenAI(model="gpt-4.1")
    elif provider == "anthropic":
        return ChatAnthropic(model="claude-sonnet-4-5")
    elif provider == "google":
        return ChatGoogleGenerativeAI(model="gemini-2.5-flash")
    else:
        raise ValueError(provider)

async def respond(messages):
    llm = get_llm()
    return await llm.ainvoke(messages)
`;
    const f = await detectFile(src, 'llm_factory.py');
    const bindings = f.calls.filter((c) => c.role === 'binding');
    assert.equal(bindings.length, 1, 'three exclusive constructors are one site');
    assert.equal(bindings[0].model, 'claude-sonnet-4-5');
    assert.deepEqual(
      bindings[0].alternatives?.map((a) => [a.model, a.providerHint, a.condition]),
      [
        ['gpt-4.1', 'openai', 'provider == "openai"'],
        ['gemini-2.5-flash', 'google', 'provider == "google"'],
      ],
    );
    const req = at(f, 17);
    assert.deepEqual([req.model, req.alternatives?.map((a) => a.model)], ['claude-sonnet-4-5', ['gpt-4.1', 'gemini-2.5-flash']]);
  });

  it('a request choosing between two bindings by a config value: the branch matching the default, the other listed', async () => {
    const src = `from langchain_anthropic import ChatAnthropic
from langchain_openai import ChatOpenAI

model_anth = ChatAnthropic(temperature=0, model_name="claude-3-5-sonnet-latest")
model_oai = ChatOpenAI(temperature=0, model="gpt-4o")

def call_model(state, config):
    if config["configurable"].get("model", "anthropic") == "anthropic":
        model = model_anth
    else:
        model = model_oai
    return {"messages": [model.invoke(state["messages"])]}
`;
    const f = await detectFile(src, 'graph.py');
    const req = at(f, 12);
    assert.equal(req.model, 'claude-3-5-sonnet-latest');
    assert.deepEqual(req.alternatives?.map((a) => [a.model, a.line]), [['gpt-4o', 5]]);
    assert.equal(f.calls.filter((c) => c.role !== 'binding').length, 1);
  });

  it('a dict of factories is one site; the entry its key defaults to is the model', async () => {
    const src = `import os
from langchain_openai import ChatOpenAI
from langchain_anthropic import ChatAnthropic

FACTORIES = {
    "openai": lambda: ChatOpenAI(model="gpt-4.1-mini"),
    "anthropic": lambda: ChatAnthropic(model="claude-haiku-4-5"),
}

def run(question):
    llm = FACTORIES[os.getenv("LLM_PROVIDER", "openai")]()
    return llm.invoke(question)
`;
    const f = await detectFile(src, 'providers.py');
    assert.equal(f.calls.filter((c) => c.role === 'binding').length, 1);
    const req = at(f, 12);
    assert.deepEqual([req.model, req.alternatives?.map((a) => a.model)], ['gpt-4.1-mini', ['claude-haiku-4-5']]);
  });

  it('TypeScript: a switch on the provider in a model helper; SDK requests in exclusive branches form one site', async () => {
    const src = `import { generateText } from "ai";
import { openai } from "@ai-sdk/openai";
import { anthropic } from "@ai-sdk/anthropic";
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

function pickModel(provider = "anthropic") {
  switch (provider) {
    case "openai":
      return openai("gpt-4.1");
    case "anthropic":
      return anthropic("claude-sonnet-4-5");
  }
}

export const summarize = (text: string) => generateText({ model: pickModel(), prompt: text });

export async function complete(useClaude: boolean, prompt: string) {
  if (useClaude) {
    return new Anthropic().messages.create({ model: "claude-haiku-4-5", max_tokens: 400, messages: [{ role: "user", content: prompt }] });
  } else {
    return new OpenAI().chat.completions.create({ model: "gpt-4.1-nano", messages: [{ role: "user", content: prompt }] });
  }
}
`;
    const f = await detectFile(src, 'lib/llm.ts');
    const s = at(f, 16);
    assert.deepEqual([s.model, s.providerHint, s.alternatives?.map((a) => a.model)], ['claude-sonnet-4-5', 'anthropic', ['gpt-4.1']]);
    const sdk = f.calls.filter((c) => c.line >= 18);
    assert.equal(sdk.length, 1, 'one site for the two exclusive requests');
    assert.deepEqual([sdk[0].model, sdk[0].alternatives?.map((a) => [a.model, a.condition])], ['gpt-4.1-nano', [['claude-haiku-4-5', 'useClaude']]]);
  });
  it('a guard clause that returns makes the code after it its else: a non-streaming and a streaming request are one site', async () => {
    const src = `from openai import AsyncOpenAI

client = AsyncOpenAI()

async def ask(messages, stream: bool = True):
    params = {"model": "gpt-4o", "messages": messages}
    if not stream:
        response = await client.chat.completions.create(**params, stream=False)
        # the whole answer at once
        return response.choices[0].message.content
    response = await client.chat.completions.create(**params, stream=True)
    return "".join([c.choices[0].delta.content or "" async for c in response])
`;
    const f = await detectFile(src, 'llm.py');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => c.line), [11], 'the fall-through (streaming) branch keeps the site');
    assert.deepEqual(requests[0].alternatives?.map((a) => [a.line, a.condition]), [[8, 'not stream']]);
  });

  it('an if without else whose body does not leave runs before the code after it: two requests stay two sites', async () => {
    const src = `from openai import OpenAI

client = OpenAI()

def review(code, strict=False):
    if strict:
        draft = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": code}])
        code = draft.choices[0].message.content
    final = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": code}])
    return final.choices[0].message.content
`;
    const f = await detectFile(src, 'review.py');
    assert.deepEqual(f.calls.filter((c) => c.role !== 'binding').map((c) => [c.line, c.alternatives?.length ?? 0]), [[7, 0], [9, 0]]);
  });

  it('TypeScript: an early return in an if makes the request after it the other branch', async () => {
    const src = `import OpenAI from 'openai';
const openai = new OpenAI();

export async function answer(prompt: string, stream = false) {
  if (stream) {
    const s = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }], stream: true });
    return s;
  }
  const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
  return r.choices[0].message.content;
}
`;
    const f = await detectFile(src, 'answer.ts');
    const requests = f.calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(requests.map((c) => c.line), [9]);
    assert.deepEqual(requests[0].alternatives?.map((a) => a.line), [6]);
  });
});
