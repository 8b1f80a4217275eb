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

const ONE_CALL = `import OpenAI from 'openai';
const c = new OpenAI();
c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
`;

describe('report: analyzeFile', () => {
  it('prices a single call by hand: 10 input tokens (4 text + 6 framing) and 100 output tokens', async () => {
    const r = await analyzeFile(ONE_CALL, 'a.ts', undefined, env);
    const call = r.calls[0];
    assert.deepEqual([call.inputTokens, call.outputTokens, call.modelResolved, call.offering], [10, 100, 'gpt-4.1', 'openai/gpt-4.1']);
    close(usd(call.costPerCall), 10 * 2e-6 + 100 * 8e-6);
    // 10 calls a day × 30 days
    close(usd(r.monthlyCost), 300 * (10 * 2e-6 + 100 * 8e-6));
    const prompt = r.prompts[0];
    assert.deepEqual([prompt.tokens, prompt.exact, prompt.model, prompt.kind], [3, true, 'gpt-4.1', 'user-template']);
    close(usd(prompt.costPerCall), 3 * 2e-6);
    close(prompt.contextShare!, 3 / 1_000_000);
  });

  it('prices an unbounded hand-written loop over the assumed steps, flags it, and does not count its call twice', async () => {
    const src = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run() {
  while (true) {
    const r = await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;
    const r = await analyzeFile(src, 'loop.ts', undefined, env);
    const loop = r.agentLoops[0];
    assert.deepEqual([loop.framework, loop.bounded, loop.stepsFrom, loop.maxSteps], ['hand-written', false, 'assumed', 3]);
    // inputs 10, 210, 410 (each step adds 100 output + 100 tool result); outputs 3 × 100
    assert.deepEqual(loop.tokens, { input: 630, output: 300 });
    close(usd(loop.costPerTask), 630 * 2e-6 + 300 * 8e-6);
    assert.ok(Math.abs(loop.agentTax! - (630 * 2e-6 + 300 * 8e-6) / (10 * 2e-6 + 100 * 8e-6)) < 1e-3, 'agent tax ≈ 4.463');
    assert.equal(r.calls[0].stepOf, loop.id);
    close(usd(r.monthlyCost), 300 * (630 * 2e-6 + 300 * 8e-6));
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['unbounded-loop'],
    );
  });

  it('uses framework defaults from the catalog and flags frameworks whose default is unbounded', async () => {
    const src = `from agents import Agent
from claude_agent_sdk import ClaudeAgentOptions
a = Agent(name="x", instructions="Answer briefly.", model="gpt-4.1")
o = ClaudeAgentOptions(system_prompt="You code.", model="gpt-4.1")
`;
    const roomy = { ...env, assumptions: { ...TEST_ASSUMPTIONS, unboundedSteps: 25 } };
    const r = await analyzeFile(src, 'agents.py', undefined, roomy);
    assert.deepEqual(
      r.agentLoops.map((l) => [l.framework, l.maxSteps, l.stepsFrom, l.bounded, l.stepLimit]),
      [
        ['openai-agents', 10, 'framework-default', true, undefined],
        ['claude-agent-sdk', 25, 'assumed', false, undefined],
      ],
    );
  });

  it('prices a framework default far above the assumed step count at that count, and reports the limit', async () => {
    // Agents SDK max_turns defaults to 10; with 3 steps assumed, 10 is a safety net, not a forecast.
    const src = `from agents import Agent
a = Agent(name="x", instructions="Answer briefly.", model="gpt-4.1")
`;
    const r = await analyzeFile(src, 'agents.py', undefined, env);
    assert.deepEqual(
      r.agentLoops.map((l) => [l.framework, l.maxSteps, l.stepsFrom, l.bounded, l.stepLimit]),
      [['openai-agents', 3, 'assumed', true, 10]],
    );
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'unbounded-loop'), [], 'a framework limit is a bound: no warning');
  });

  it('flags the step where the context window overflows', async () => {
    const src = `import anthropic
client = anthropic.Anthropic()
def run(messages):
    for _ in range(20):
        r = client.messages.create(model="tiny", max_tokens=100, messages=messages)
        if r.stop_reason != "tool_use":
            return r
`;
    const r = await analyzeFile(src, 'o.py', undefined, env);
    const loop = r.agentLoops[0];
    assert.equal(loop.maxSteps, 20);
    // step i sends 56 + 200(i-1) tokens (50 assumed for `messages`, 6 framing); the 1,000-token window is passed at step 6
    assert.equal(loop.overflowStep, 6);
    assert.ok(r.diagnostics.some((d) => d.code === 'context-overflow'));
  });

  it('keeps unknown models unpriced with a diagnostic, and says when the default model was assumed', async () => {
    const src = `import OpenAI from 'openai';
const c = new OpenAI();
c.chat.completions.create({ model: 'gpt-9-ultra', messages: [] });
c.chat.completions.create({ model: 'no-price', messages: [] });
c.chat.completions.create({ messages: [] });
`;
    const r = await analyzeFile(src, 'u.ts', undefined, env);
    const [unknown, noPrice, unnamed] = r.calls;
    assert.equal(unknown.costPerCall.kind, 'unpriced');
    assert.equal(unknown.modelResolved, undefined);
    assert.equal(noPrice.costPerCall.kind, 'unpriced');
    assert.equal(noPrice.modelResolved, 'no-price');
    assert.equal(unnamed.modelResolved, 'gpt-4.1');
    assert.match(unnamed.assumed[0], /default/);
    assert.deepEqual(
      r.diagnostics.map((d) => d.code),
      ['unknown-model', 'unpriced-model'],
    );
    assert.equal(r.monthlyCost.kind, 'unpriced', 'a total with an unpriced part is unpriced, never a smaller number');
  });

  it('applies annotations: model, output, steps, calls per day and placeholder sizes', async () => {
    const src = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run(diff: string) {
  // tokenomics: steps=2 output=10 callsPerDay=1 placeholder.diff=1000
  while (true) {
    const r = await c.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: \`Review: \${diff}\` }] });
    if (r.choices[0].finish_reason === 'stop') break;
  }
}
`;
    const r = await analyzeFile(src, 'ann.ts', undefined, env);
    const loop = r.agentLoops[0];
    assert.deepEqual([loop.maxSteps, loop.stepsFrom, loop.workload.outputTokens, loop.workload.callsPerDay], [2, 'annotation', 10, 1]);
    const p = r.prompts[0];
    assert.deepEqual(p.placeholders, [{ name: 'diff', assumedTokens: 1000, from: 'annotation' }]);
  });

  it('prices an instruction file per request and per 100 requests', async () => {
    const r = await analyzeFile('Run the tests before committing.\n', 'AGENTS.md', undefined, env);
    const tokens = r.prompts[0].tokens;
    assert.equal(r.instructions!.tokensPerRequest, tokens);
    close(usd(r.instructions!.costPerRequest), tokens * 2e-6);
    close(usd(r.instructions!.costPer100Requests), 100 * tokens * 2e-6);
    close(usd(r.monthlyCost), 300 * tokens * 2e-6);
  });

  it('prices a .prompt file as one call on the model of its front matter', async () => {
    const r = await analyzeFile('---\nmodel: tiny\n---\nTranslate {{text}} to French.\n', 'prompts/t.prompt', undefined, env);
    assert.equal(r.calls.length, 1);
    assert.equal(r.calls[0].modelResolved, 'tiny');
    assert.equal(r.calls[0].framework, 'prompt');
    assert.equal(r.prompts[0].placeholders[0].assumedTokens, 50);
  });
});
