import * as assert from 'node:assert/strict';
import { detectFile, type DetectedCall, type DetectedFile } from '../../../src/core/detect';

const at = (f: DetectedFile, line: number): DetectedCall => {
  const c = f.calls.find((x) => x.line === line);
  assert.ok(c, `a call at line ${line}; found ${f.calls.map((x) => x.line).join(', ')}`);
  return c;
};

describe('detect: a call\'s model inside its file', () => {
  it('traps: a dict key, str.replace\'s first argument and identifiers are never model names', async () => {
    const src = `from langchain.chat_models import init_chat_model
from anthropic import Anthropic

def make_llm(config: dict):
    return init_chat_model(config.get("model", "gpt-4o-mini"), temperature=0)

def make_plain(config: dict):
    return init_chat_model(config.get("model"))

def make_from_name(model_name: str):
    return init_chat_model(model_name.replace("openai/", ""))

def ask(client: Anthropic, q: str):
    return client.messages.create(model=Models.gpt_4_1_mini, max_tokens=100, messages=[{"role": "user", "content": q}])
`;
    const f = await detectFile(src, 'factory.py');
    assert.equal(at(f, 5).model, 'gpt-4o-mini', 'the fallback of .get, not its key');
    assert.equal(at(f, 8).model, undefined);
    assert.deepEqual(at(f, 8).modelRef, { kind: 'member', text: 'config.model', line: 8 });
    assert.equal(at(f, 11).model, undefined, 'not "openai/"');
    assert.deepEqual(at(f, 11).modelRef?.param, { function: 'make_from_name', name: 'model_name' });
    assert.equal(at(f, 14).model, undefined, 'an attribute name is not a model id');
    assert.deepEqual([at(f, 14).modelRef?.kind, at(f, 14).modelRef?.text], ['member', 'Models.gpt_4_1_mini']);
    for (const c of f.calls) assert.ok(!/^(model|gpt_4_1_mini|openai\/)$/.test(c.model ?? ''), c.model);
  });

  it('Python: env defaults, default parameters, class attribute defaults, a registry keyed by name, imported constants', async () => {
    const src = `import os
from openai import OpenAI
from .config import SUMMARY_MODEL

MODELS = {"fast": "gpt-4.1-mini", "smart": "gpt-4.1"}
client = OpenAI()

class Agent:
    model = "o4-mini"
    max_completion_tokens = 4096

    def step(self, messages):
        return client.chat.completions.create(model=self.model, messages=messages, max_completion_tokens=self.max_completion_tokens)

def chat(messages, model=os.getenv("CHAT_MODEL", "gpt-4o")):
    return client.chat.completions.create(model=model, messages=messages)

def ask(q, tier="smart", max_tokens: int = 800):
    return client.chat.completions.create(model=MODELS[tier], messages=[{"role": "user", "content": q}], max_tokens=max_tokens)

def summarize(text):
    return client.chat.completions.create(model=SUMMARY_MODEL, messages=[{"role": "user", "content": text}])
`;
    const f = await detectFile(src, 'agent.py');
    assert.deepEqual([at(f, 13).model, at(f, 13).maxOutputTokens, at(f, 13).modelOrigin?.line], ['o4-mini', 4096, 9]);
    assert.deepEqual([at(f, 16).model, at(f, 16).modelOrigin?.from, at(f, 16).modelOrigin?.detail], ['gpt-4o', 'env-default', 'env CHAT_MODEL, default']);
    const registry = at(f, 19);
    assert.deepEqual([registry.model, registry.maxOutputTokens], ['gpt-4.1', 800], 'the entry the default key picks');
    assert.deepEqual(registry.alternatives?.map((a) => [a.model, a.condition]), [['gpt-4.1-mini', 'tier == "fast"']]);
    assert.deepEqual(at(f, 22).modelRef, { kind: 'name', text: 'SUMMARY_MODEL', module: '.config', line: 22 });
  });

  it('TypeScript: process.env.X ?? "…" defaults, a model helper of the file, an env variable with no default', async () => {
    const src = `import { generateText, streamText } from "ai";
import { openai } from "@ai-sdk/openai";

const MODEL = process.env.OPENAI_MODEL ?? "gpt-4.1-mini";

function chatModel() {
  return openai(MODEL);
}

export async function title(text: string) {
  return generateText({ model: chatModel(), prompt: \`Write a title for: \${text}\`, maxOutputTokens: 60 });
}

export async function chat(messages) {
  return streamText({ model: openai(process.env.CHAT_MODEL!), messages });
}
`;
    const f = await detectFile(src, 'lib/ai.ts');
    const t = at(f, 11);
    assert.deepEqual([t.model, t.providerHint, t.maxOutputTokens, t.modelOrigin?.from], ['gpt-4.1-mini', 'openai', 60, 'env-default']);
    assert.deepEqual([at(f, 15).model, at(f, 15).modelRef?.kind, at(f, 15).modelRef?.text], [undefined, 'env', 'CHAT_MODEL']);
  });
});
