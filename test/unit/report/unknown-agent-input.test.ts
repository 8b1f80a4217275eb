/** What an agent loop's input is made of when the scan cannot read it all: unknown or an assumed size, never 0 tokens. */
import * as assert from 'node:assert/strict';
import { scanTree } from '../repo/fixture-scan';

const AGENT = (args: string) => `from llama_index.agent.openai import OpenAIAgent
from llama_index.llms.openai import OpenAI


def build(tools, system_prompt):
    llm = OpenAI(model="gpt-4o")
    return OpenAIAgent.from_tools(tools=tools, llm=llm${args})
`;

async function loopOf(args: string) {
  const r = await scanTree({ 'app/agent.py': AGENT(args) });
  const loop = r.files.find((f) => f.path === 'app/agent.py')?.agentLoops[0];
  assert.ok(loop, 'the agent is a loop');
  return loop;
}

describe("an agent loop's input (unknown-input.ts, llama-index-agents.ts system_prompt)", () => {
  it('an agent given only tools the caller hands in prices its loop on an unknown input, said why', async () => {
    const loop = await loopOf('');
    assert.ok(loop.inputUnknown, `the loop's input is unknown (got ${loop.tokens.input} tokens)`);
    assert.ok(loop.tokens.input > 0);
    assert.ok(loop.assumptions?.some((a) => a.subject === 'input' && /unknown/.test(a.detail ?? '')));
  });

  it('a system prompt handed in by the caller is an input of assumed size, named', async () => {
    const loop = await loopOf(', system_prompt=system_prompt');
    assert.equal(loop.inputUnknown, undefined);
    assert.ok(loop.assumptions?.some((a) => a.subject === 'input' && a.name === 'system_prompt'), JSON.stringify(loop.assumptions));
  });

  it('a system prompt written in the code is read: neither unknown nor assumed (trap)', async () => {
    const loop = await loopOf(', system_prompt="You are a careful research assistant. Cite every source you use."');
    assert.equal(loop.inputUnknown, undefined);
    assert.ok(!loop.assumptions?.some((a) => a.subject === 'input'));
    assert.ok(loop.tokens.input > 0);
  });
});
