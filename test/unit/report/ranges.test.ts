/**
 * Ranges: every priced figure carries low / expected / high from its assumed inputs. Reports are
 * built by the core (analyzeFile); the bounds are checked against the core's own simulation of
 * the bounding workloads, worked out from the stated spreads.
 */
import * as assert from 'node:assert/strict';
import { estimateWorkload } from '../../../src/core/agent';
import type { Catalog } from '../../../src/core/catalog/types';
import { compareOfferings } from '../../../src/core/compare';
import { scalePrice, sumPrices } from '../../../src/core/cost';
import type { Price } from '../../../src/core/cost/types';
import { analyzeFile } from '../../../src/core/report/analyze';
import { OUTPUT_SPREAD, SIZE_SPREAD, TYPICAL_FINISH, UNBOUNDED_HIGH_FACTOR, widenTaskWithAlternatives, widenWithAlternatives } from '../../../src/core/report/ranges';
import type { SiteAlternative } from '../../../src/core/report/types';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';

const env = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS };

type Priced = Extract<Price, { kind: 'priced' }>;
function priced(p: Price): Priced {
  assert.equal(p.kind, 'priced', JSON.stringify(p));
  return p as Priced;
}
const close = (a: number | undefined, b: number, what = '') => assert.ok(a !== undefined && Math.abs(a - b) < 1e-12, `${what} ${a} ≠ ${b}`);

/** A call of gpt-4.1 with a literal prompt; `extra` goes into the request options. */
const call = (extra: string, comment = '') => `import OpenAI from 'openai';
const c = new OpenAI();
${comment}
c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }]${extra} });
`;

const perCall = (input: number, output: number) => input * 2e-6 + output * 8e-6;

describe('report: ranges', () => {
  it('an assumed output length gives a range around the expected figure, from the stated spread of a single call', async () => {
    const r = await analyzeFile(call(''), 'a.ts', undefined, env);
    const p = priced(r.calls[0].costPerCall);
    // 10 input tokens; output assumed 100, spread 0.25× … 3× for a single call
    close(p.usd, perCall(10, 100), 'expected');
    close(p.low, perCall(10, 100 * OUTPUT_SPREAD.call.low), 'low');
    close(p.high, perCall(10, 100 * OUTPUT_SPREAD.call.high), 'high');
    assert.ok(p.low! < p.usd && p.usd < p.high!);
    // The monthly figure carries the same range, scaled (10 calls a day × 30 days).
    const m = priced(r.monthlyCost);
    close(m.low, 300 * p.low!, 'monthly low');
    close(m.high, 300 * p.high!, 'monthly high');
  });

  it("collapses when the code or an annotation fixes the inputs: the code's max tokens caps the high, an annotation fixes the output", async () => {
    const capped = priced((await analyzeFile(call(', max_tokens: 40'), 'a.ts', undefined, env)).calls[0].costPerCall);
    close(capped.usd, perCall(10, 40));
    close(capped.high, perCall(10, 40), 'the cap is the high');
    close(capped.low, perCall(10, 25), 'the low is the spread under the cap (0.25 × 100)');

    const annotated = priced((await analyzeFile(call('', '// tokenomics: output=100'), 'a.ts', undefined, env)).calls[0].costPerCall);
    close(annotated.usd, perCall(10, 100));
    assert.equal(annotated.low, undefined, 'every input fixed (exact tokens, annotated output): no range');
    assert.equal(annotated.high, undefined);
  });

  it('a placeholder at the default size widens the range; a stated size does not', async () => {
    const src = (comment: string) => `import OpenAI from 'openai';
const c = new OpenAI();
export function ask(doc: string) {
  ${comment}
  return c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: \`Summarize: \${doc}\` }] });
}
`;
    const c = (await analyzeFile(src('// tokenomics: output=100'), 'a.ts', undefined, env)).calls[0];
    const dflt = priced(c.costPerCall);
    // The 50-token default placeholder swings 0.25× … 4×: −37.5 … +150 input tokens (whole tokens billed).
    close(dflt.high, perCall(c.inputTokens + 150, 100), 'high');
    close(dflt.low, perCall(Math.round(c.inputTokens - 37.5), 100), 'low');
    const stated = priced((await analyzeFile(src('// tokenomics: output=100 placeholder.doc=50'), 'a.ts', undefined, env)).calls[0].costPerCall);
    close(stated.usd, dflt.usd, 'same expected figure');
    assert.equal(stated.low, undefined, 'a stated size is not an assumption');
  });

  it('≈ token counts of families we do not ship widen the range by the ratio profile’s uncertainty', async () => {
    const catalog: Catalog = {
      ...TEST_CATALOG,
      models: [...TEST_CATALOG.models, { ...TEST_CATALOG.models[0], id: 'claude-sonnet-4-5', vendor: 'anthropic', family: 'claude', tokenizer: 'claude', aliases: [] }],
      offerings: [...TEST_CATALOG.offerings, { ...TEST_CATALOG.offerings[0], id: 'anthropic/claude-sonnet-4-5', provider: 'anthropic', model: 'claude-sonnet-4-5' }],
    };
    const src = `import anthropic
client = anthropic.Anthropic()
# tokenomics: output=100
client.messages.create(model="claude-sonnet-4-5", max_tokens=100, messages=[{"role": "user", "content": "Summarize the quarterly report in three bullet points for the board."}])
`;
    const r = await analyzeFile(src, 'a.py', undefined, { catalog, assumptions: TEST_ASSUMPTIONS });
    const c = r.calls[0];
    const p = priced(c.costPerCall);
    // Claude 3–4.6 profile: ±12% of the counted input.
    const swing = Math.round(c.inputTokens * 0.12);
    assert.ok(p.high! > p.usd && p.low! < p.usd, JSON.stringify(p));
    assert.ok(Math.abs((p.high! - p.usd) / 2e-6 - swing) <= 1, `high swing ${(p.high! - p.usd) / 2e-6} tokens ≈ ${swing}`);
    const prompt = priced(r.prompts[0].costPerCall);
    assert.ok(prompt.low! < prompt.usd && prompt.usd < prompt.high!, 'the prompt’s own figure has the ≈ range too');
  });

  it('an unbounded loop runs from the typical finish to a stated high of 4× the assumed steps, with no cache hits at the high', async () => {
    const src = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run() {
  while (true) {
    const r = await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;
    const r = await analyzeFile(src, 'loop.ts', undefined, { ...env, assumptions: { ...TEST_ASSUMPTIONS, caching: true } });
    const loop = r.agentLoops[0];
    const p = priced(loop.costPerTask);
    const offering = TEST_CATALOG.offerings[0];
    const at = (steps: number, output: number, tool: number, caching: boolean) =>
      priced(estimateWorkload(TEST_CATALOG, offering, { ...loop.workload, steps, outputTokens: output, toolResultTokens: tool, caching }).perUnit).usd;
    // 3 assumed steps: low ⌈0.4 × 3⌉ = 2 steps; high 12 steps (stated), output 0.1× … 2× of 100 (capped at 100), tool results 0.25× … 4× of 100.
    assert.equal(loop.maxSteps, 3);
    close(p.low, at(Math.ceil(3 * TYPICAL_FINISH), 10, 25, true), 'low');
    const highSteps = 3 * UNBOUNDED_HIGH_FACTOR;
    close(p.high, Math.max(at(highSteps, 100, 100 * SIZE_SPREAD.high, true), at(highSteps, 100, 100 * SIZE_SPREAD.high, false)), 'high');
    assert.ok(p.high! > at(highSteps, 100, 400, true), 'the high assumes the cache misses');
    const warning = r.diagnostics.find((d) => d.code === 'unbounded-loop')!;
    assert.match(warning.message, /Priced at an assumed 3 steps \(\$[\d.]+ per task\); up to \$[\d.]+ per task at 12 steps, the stated high of its range\./);

    // The compare panel ranges every offering from the same inputs: the site's own offering agrees with the report.
    const row = compareOfferings(TEST_CATALOG, loop.workload, { ranges: loop.rangeInputs }).rows.find((x) => x.id === 'openai/gpt-4.1')!;
    assert.deepEqual([priced(row.perUnit).usd, priced(row.perUnit).low, priced(row.perUnit).high], [p.usd, p.low, p.high]);
  });

  it('a loop the code bounds runs from its typical finish to its cap; an annotated step count does not move', async () => {
    const src = (comment: string) => `import anthropic
client = anthropic.Anthropic()
def run(messages):
    ${comment}
    for _ in range(10):
        r = client.messages.create(model="gpt-4.1", max_tokens=100, messages=messages)
        if r.stop_reason != "tool_use":
            return r
`;
    const bounded = (await analyzeFile(src(''), 'b.py', undefined, env)).agentLoops[0];
    const offering = TEST_CATALOG.offerings[0];
    const at = (w: Partial<typeof bounded.workload>) => priced(estimateWorkload(TEST_CATALOG, offering, { ...bounded.workload, ...w }).perUnit).usd;
    assert.equal(bounded.maxSteps, 10);
    // `messages` is a default-sized placeholder (50 tokens): input swings −37.5 … +150.
    const input = bounded.workload.inputTokens;
    close(priced(bounded.costPerTask).high, at({ steps: 10, outputTokens: 100, toolResultTokens: 400, inputTokens: input + 150 }), 'high: the cap');
    close(priced(bounded.costPerTask).low, at({ steps: 4, outputTokens: 10, toolResultTokens: 25, inputTokens: Math.round(input - 37.5) }), 'low: typical finish');

    const fixed = (await analyzeFile(src('# tokenomics: steps=10 output=100 toolResult=100 placeholder.messages=50'), 'b.py', undefined, env)).agentLoops[0];
    assert.equal(priced(fixed.costPerTask).low, undefined, 'steps, output, tool results and inputs all stated, caching off: no range');
  });

  it('branch alternatives widen the range to the cheapest and dearest branch, the expected value stays the priced one', async () => {
    const site = priced((await analyzeFile(call(''), 'a.ts', undefined, env)).calls[0].costPerCall);
    const tinySrc = call('').replace("'gpt-4.1'", "'tiny'");
    const tiny = (await analyzeFile(tinySrc, 'b.ts', undefined, env)).calls[0];
    const alternatives: SiteAlternative[] = [{ path: 'b.ts', line: tiny.line, model: 'tiny', condition: 'provider == "tiny"', costPerUnit: tiny.costPerCall }];
    const widened = priced(widenWithAlternatives(site, alternatives));
    assert.equal(widened.usd, site.usd);
    close(widened.low, Math.min(site.low!, priced(tiny.costPerCall).low!), 'low');
    assert.ok(widened.low! < site.low!, 'the cheaper branch lowers the low');
    close(widened.high, site.high!, 'the dearer end is still the site');
    assert.equal(widenWithAlternatives(site, []), site);

    // A loop whose call has a cheaper branch: the whole task could run on it, at that branch's price ratio.
    const loopSrc = `import anthropic
client = anthropic.Anthropic()
def run(messages):
    for _ in range(5):
        r = client.messages.create(model="gpt-4.1", max_tokens=100, messages=messages)
        if r.stop_reason != "tool_use":
            return r
`;
    const r = await analyzeFile(loopSrc, 'l.py', undefined, env);
    const task = priced(r.agentLoops[0].costPerTask);
    const loopCall = r.calls[0];
    const ratio = priced(tiny.costPerCall).usd / priced(loopCall.costPerCall).usd;
    const wider = priced(widenTaskWithAlternatives(task, { ...loopCall, alternatives }));
    assert.equal(wider.usd, task.usd);
    close(wider.low, task.low! * ratio, 'low: the task on the cheaper branch');
    close(wider.high, task.high!, 'high: unchanged, the priced branch is the dearer');
    assert.equal(widenTaskWithAlternatives(task, loopCall), task, 'no alternatives: unchanged');
  });

  it('sums add lows and highs (a figure without a range adds its expected value to both); scaling scales them', async () => {
    const a = priced((await analyzeFile(call(''), 'a.ts', undefined, env)).calls[0].costPerCall);
    const b = priced((await analyzeFile(call('', '// tokenomics: output=100'), 'a.ts', undefined, env)).calls[0].costPerCall);
    const sum = priced(sumPrices([a, b]));
    close(sum.usd, a.usd + b.usd);
    close(sum.low, a.low! + b.usd);
    close(sum.high, a.high! + b.usd);
    const month = priced(scalePrice(a, 300));
    close(month.low, a.low! * 300);
    assert.equal(priced(sumPrices([b, b])).low, undefined, 'no range in, no range out');
    assert.equal(sumPrices([a, { kind: 'unpriced', missing: ['x'] }]).kind, 'unpriced', 'an unpriced part is never summed as $0');
  });
});
