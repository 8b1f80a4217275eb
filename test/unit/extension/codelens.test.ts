import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { analysed, ASSUMPTIONS, CATALOG, ONE_CALL, UNBOUNDED_LOOP } from './analysed';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspace');

describe('extension/codelens titles (core-built reports)', () => {
  it('prices a call: figure, tokens in → out, latency, and the model it is priced on', async () => {
    const specs = lensSpecs(await analysed(ONE_CALL), CATALOG, ASSUMPTIONS);
    assert.deepEqual(specs.map((s) => [s.line, s.siteId, s.title]), [[7, 'c7.10', '$0.00081/call (0.00036–0.0012) · 82 in → 60 out · 1.6 s · gpt-4o']]);
    assert.match(specs[0].tooltip, /^openai call: one call\. Model: gpt-4o \(from code, line 7\)\.\nAssumptions: input diff: 50 tokens \(default\); output: 60 tokens \(from code; the output cap set in the code\); traffic: 10 a day \(setting\)\./);
  });

  it('prices an unbounded loop at its assumed steps and marks an assumed model; its call keeps its own lens', async () => {
    const specs = lensSpecs(await analysed(UNBOUNDED_LOOP), CATALOG, ASSUMPTIONS);
    assert.deepEqual(specs.map((s) => [s.line, s.siteId]), [[5, 'l5.3'], [6, 'c6.21']]);
    assert.match(specs[0].title, /^unbounded \(assumed 3 steps\) · \$0\.004\/task \(0\.00038–0\.10\) · agent tax ×4\.3 · ~6\.5 s · gpt-4\.1 \(assumed\)$/);
    assert.equal(specs[1].title, '$0.00095/call (0.00016–0.0021) · 75 in → 100 out · 2.1 s · gpt-4.1 (assumed)');
  });

  it('never shows an unpriced call as $0', async () => {
    const text = "import OpenAI from 'openai';\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'no-price', messages: [{ role: 'user', content: 'Hello there, how are you today?' }] });\n";
    const [spec] = lensSpecs(await analysed(text), CATALOG, ASSUMPTIONS);
    assert.match(spec.title, /^unpriced\/call · \d+ in → 100 out · .*no-price$/);
  });

  it('prices an instruction file per request and per 100 requests on the coding model', async () => {
    const text = readFileSync(join(FIXTURES, 'AGENTS.md'), 'utf8');
    const [spec] = lensSpecs(await analysed(text, 'AGENTS.md', 'markdown'), CATALOG, ASSUMPTIONS);
    assert.equal(spec.line, 1);
    assert.match(spec.title, /^\d+ tokens\/request · \$[\d.]+\/request · \$[\d.]+ per 100 requests on gpt-4\.1$/);
  });
});
