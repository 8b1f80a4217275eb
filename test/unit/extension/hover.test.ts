import * as assert from 'node:assert/strict';
import { modelHoverMarkdown, promptHoverMarkdown, type OfferingFacts, type PromptHoverInput } from '../../../src/extension/hover/content';
import { priced, prompt, UNPRICED } from './sample-report';

const GPT41: OfferingFacts = {
  id: 'openai/gpt-4.1', provider: 'openai', model: 'gpt-4.1', modelName: 'GPT-4.1', contextWindow: 1_047_576, maxOutput: 32_768,
  prices: { input: 2, cachedRead: 0.5, output: 8 }, ttftMs: 600, outputTokensPerSecond: 80, asOf: '2025-10-01', source: 'openai.com/pricing',
};

function input(overrides: Partial<PromptHoverInput> = {}): PromptHoverInput {
  return {
    prompt: prompt(), offering: GPT41, outputTokens: 500, outputFrom: 'setting',
    alternatives: [
      { label: 'cheapest that fits', offeringId: 'google/gemini-2.0-flash', price: priced(0.00032), latencyMs: 900 },
      { label: 'fastest', offeringId: 'groq/llama-3.3-70b', price: priced(0.0011), latencyMs: 400 },
    ],
    link: { uri: 'file:///w/src/agent.ts', siteId: 'p1' },
    ...overrides,
  };
}

describe('extension/hover content', () => {
  it('shows tokens, cost, context share, cached price, alternatives, assumptions and the compare link', () => {
    const md = promptHoverMarkdown(input());
    const lines = md.split('\n\n');
    assert.equal(lines[0], '**Tokenomics** · system prompt');
    assert.equal(lines[1], '**1,234 tokens** · exact, o200k_base');
    assert.equal(lines[2], '**$0.0042 per call** on gpt\\-4\\.1 via openai');
    assert.equal(lines[3], 'Context window: 0.1% of 1,047,576 tokens');
    assert.equal(lines[4], 'Cached input $0.50/M · input $2.00/M · output $8.00/M');
    assert.equal(lines[5], 'Alternatives:\n- cheapest that fits: google/gemini\\-2\\.0\\-flash — $0.00032/call · 900 ms\n- fastest: groq/llama\\-3\\.3\\-70b — $0.0011/call · 400 ms');
    assert.equal(lines[6], 'Assumptions: output 500 tokens (setting); \\{diff\\} ≈ 3,000 tokens (annotation)');
    assert.match(md, /\[Compare providers for this prompt…\]\(command:tokenomics\.compareProviders\?%5B%7B%22uri/);
  });

  it('marks approximate counts with ≈ and says how they were made', () => {
    const md = promptHoverMarkdown(input({ prompt: prompt({ exact: false, tokenizer: 'claude', tokenBasis: 'o200k_base × 1.1' }) }));
    assert.ok(md.includes('**≈ 1,234 tokens** · o200k\\_base × 1\\.1'));
  });

  it('says unpriced and what is missing, never $0', () => {
    const md = promptHoverMarkdown(input({ prompt: prompt({ costPerCall: UNPRICED }), offering: undefined }));
    assert.ok(md.includes('**unpriced per call** on gpt\\-4\\.1 — missing: offering acme/gpt\\-9'));
    assert.ok(!md.includes('$0 '));
  });

  it('renders hostile text from code inert: no raw HTML, no extra links', () => {
    const hostile = prompt({ model: '[x](command:workbench.action.terminal.new)', placeholders: [{ name: '<img src=x onerror=alert(1)>', assumedTokens: 200, from: 'default' }] });
    const md = promptHoverMarkdown(input({ prompt: hostile, offering: undefined }));
    assert.ok(!md.includes('<img'));
    assert.ok(!md.includes('](command:workbench'));
    assert.equal(md.match(/\]\(command:/g)?.length, 1, 'only our own compare link');
  });

  it('describes a model: prices per offering, context, speed, date', () => {
    const md = modelHoverMarkdown('gpt-4.1', [GPT41]);
    assert.equal(md.split('\n\n')[0], '**Tokenomics** · GPT\\-4\\.1 · context 1,047,576 · max output 32,768');
    assert.ok(md.includes('| openai | $2.00/M | $0.50/M | $8.00/M | 600 ms TTFT · 80 tok/s | 2025\\-10\\-01 |'));
  });

  it('says a model the catalog lacks is unpriced', () => {
    assert.equal(modelHoverMarkdown('gpt-9', []), '**Tokenomics** · gpt\\-9: not in the catalog (unpriced)');
  });
});
