import * as assert from 'node:assert/strict';
import type { Price } from '../../../src/core/cost/types';
import { analyzeFile } from '../../../src/core/report/analyze';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';

const env = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS };
const usd = (p: Price): number => {
  assert.equal(p.kind, 'priced', JSON.stringify(p));
  return (p as { usd: number }).usd;
};
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);
const MONTH = TEST_ASSUMPTIONS.callsPerDay * 30;

describe('report: requests, bindings, alternatives', () => {
  it('bills the request that invokes a binding, never the binding; a binding nothing invokes is listed, not billed', async () => {
    const src = `from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4.1", max_tokens=100)
spare = ChatOpenAI(model="tiny")

def ask(question):
    return llm.invoke(question)
`;
    const r = await analyzeFile(src, 'ask.py', undefined, env);
    const [binding, spare, request] = r.calls;
    assert.deepEqual([binding.role, spare.role, request.role], ['binding', 'binding', undefined]);
    assert.deepEqual([request.modelResolved, request.outputTokens], ['gpt-4.1', 100]);
    close(usd(r.monthlyCost), usd(request.costPerCall) * MONTH);
    assert.ok(!r.diagnostics.some((d) => d.siteId === binding.id || d.siteId === spare.id), 'no budget or cost diagnostics on bindings');
  });

  it('prices alternatives on the same workload as the site, and says where the model came from', async () => {
    const src = `import os
from openai import OpenAI

client = OpenAI()

def complete(prompt, fast=False):
    if fast:
        return client.chat.completions.create(model="tiny", messages=[{"role": "user", "content": prompt}], max_tokens=50)
    else:
        return client.chat.completions.create(model=os.getenv("MODEL", "gpt-4.1"), messages=[{"role": "user", "content": prompt}], max_tokens=50)
`;
    const r = await analyzeFile(src, 'complete.py', undefined, env);
    assert.equal(r.calls.length, 1, 'two exclusive branches are one site');
    const [site] = r.calls;
    assert.equal(site.modelResolved, 'gpt-4.1');
    assert.deepEqual(site.modelSource, { from: 'env-default', at: { path: 'complete.py', line: 10 }, detail: 'env MODEL, default' });
    assert.equal(site.alternatives?.length, 1);
    const alt = site.alternatives![0];
    assert.deepEqual([alt.model, alt.line, alt.condition, alt.path], ['tiny', 8, 'fast', 'complete.py']);
    // tiny costs $1 per million input and output tokens: the same tokens as the site.
    close(usd(alt.costPerUnit), (site.inputTokens + site.outputTokens) * 1e-6);
    close(usd(r.monthlyCost), usd(site.costPerCall) * MONTH);
  });

  it('an embedding request has input tokens only; a model chosen at run time says so', async () => {
    const src = `from openai import OpenAI

client = OpenAI()

def vectors(texts):
    return client.embeddings.create(model="gpt-4.1", input="Represent this document for retrieval")

def answer(llm, question):
    return llm.invoke(question)
`;
    const r = await analyzeFile(src, 'rag.py', undefined, env);
    const embed = r.calls.find((c) => c.line === 6)!;
    assert.deepEqual([embed.outputTokens, embed.workload.reasoningTokens], [0, 0]);
    close(usd(embed.costPerCall), embed.inputTokens * 2e-6);
    const chosen = r.calls.find((c) => c.line === 9)!;
    assert.equal(chosen.modelSource?.from, 'default');
    assert.match(chosen.modelSource?.detail ?? '', /chosen at run time: parameter llm of answer/);
    assert.ok(chosen.assumed.some((a) => /chosen at run time: parameter llm of answer/.test(a)), chosen.assumed.join('; '));
    assert.equal(chosen.model, undefined, 'no identifier shown as a model');
  });

  it('Agents SDK: definitions are bindings, the run is the request and the task; a handoff target is a step of it, not a loop of its own', async () => {
    const src = `from agents import Agent, Runner

billing = Agent(name="Billing", instructions="You resolve billing questions.", model="gpt-4.1")
triage = Agent(name="Triage", instructions="Route the customer.", model="gpt-4.1", handoffs=[billing])

async def main(q):
    return await Runner.run(triage, q, max_turns=4)
`;
    const r = await analyzeFile(src, 'support.py', undefined, env);
    assert.deepEqual(
      r.calls.map((c) => [c.line, c.role ?? 'request']),
      [
        [3, 'binding'],
        [4, 'binding'],
        [7, 'request'],
      ],
    );
    assert.equal(r.agentLoops.length, 1, 'the handoff target has no loop of its own');
    const [task] = r.agentLoops;
    assert.deepEqual([task.line, task.maxSteps, task.callId], [7, 4, r.calls[2].id]);
    assert.deepEqual(task.stepSites, [{ path: 'support.py', line: 3 }]);
    close(usd(r.monthlyCost), usd(task.costPerTask) * MONTH);
  });

  it('Agents SDK: an agent with neither tools nor handoffs is one request per run, not a loop', async () => {
    const src = `from agents import Agent, Runner

guardrail_agent = Agent(name="Relevance", instructions="Say whether the message is about airline travel.", model="tiny", output_type=Relevance)

async def check(message):
    result = await Runner.run(guardrail_agent, message)
    return result.final_output
`;
    const r = await analyzeFile(src, 'guardrails.py', undefined, env);
    assert.deepEqual(r.agentLoops, []);
    const run = r.calls.find((c) => c.line === 6)!;
    assert.deepEqual([run.role, run.modelResolved, r.calls.find((c) => c.line === 3)!.role], [undefined, 'tiny', 'binding']);
    close(usd(r.monthlyCost), usd(run.costPerCall) * MONTH);
  });
});
