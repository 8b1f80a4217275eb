/**
 * The surfaces on real analyses: fixture files through the core's analyzeFile
 * (with a small hand-written catalog), then the editor's pure builders.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../../src/core/catalog/types';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { analyzeText } from '../../../src/extension/core-api';
import { diagnosticSpecs } from '../../../src/extension/diagnostics/specs';
import { hoverMarkdownFor, hoverTargetAt } from '../../../src/extension/hover/targets';
import { fixPlans } from '../../../src/extension/quickfix/plans';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspace');
const P = { source: 'test fixture', asOf: '2025-01-01' };

/** The report tests' catalog plus gpt-4o, so the fixture's call is priced. */
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  models: [...TEST_CATALOG.models, { ...P, id: 'gpt-4o', name: 'GPT-4o', vendor: 'openai', family: 'gpt-4o', tokenizer: 'o200k_base', aliases: [], contextWindow: 128_000, reasoning: false, openWeight: false }],
  offerings: [...TEST_CATALOG.offerings, { ...P, id: 'openai/gpt-4o', provider: 'openai', model: 'gpt-4o', prices: { input: 2.5, output: 10, cachedRead: 1.25 } }],
};

async function analyse(name: string, languageId: string) {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return { text, report: await analyzeText(text, name, languageId, { catalog: CATALOG, assumptions: TEST_ASSUMPTIONS }) };
}

describe('extension/surfaces on analysed fixtures', () => {
  it('support.ts: a loop lens with assumed steps, a call lens, a priced unbounded-loop warning and its annotation fix', async () => {
    const { text, report } = await analyse('support.ts', 'typescript');
    const titles = lensSpecs(report, CATALOG, TEST_ASSUMPTIONS).map((s) => s.title);
    assert.equal(titles.length, 2);
    assert.match(titles[0] ?? '', /^unbounded \(assumed 3 steps\) · \$[\d.]+\/task \([\d.]+–[\d.]+\) · agent tax ×[\d.]+/);
    assert.match(titles[1] ?? '', /^\$[\d.]+\/call( \([\d.<]+–[\d.]+\))? · \d+ in → 100 out/);

    const specs = diagnosticSpecs(report, {});
    const unbounded = specs.find((s) => s.code === 'unbounded-loop');
    assert.equal(unbounded?.severity, 'warning');
    assert.match(unbounded?.message ?? '', /\$/);

    const plans = fixPlans({ spec: unbounded!, report, text, languageId: 'typescript', frameworks: CATALOG.frameworks });
    assert.deepEqual(plans.map((p) => p.title), ['Limit the loop to 3 iterations', 'State the expected steps in an annotation (steps=3)']);
    assert.equal(plans[0]?.edit.newText, 'for (let step = 0; step < 3; step++)');
    assert.equal(plans[1]?.edit.newText, '  // tokenomics: steps=3\n');
    assert.equal(text.split('\n')[(plans[1]?.edit.line ?? 0) - 1]?.trim(), 'while (true) {');
  });

  it('support.ts: the hover over the prompt names the resolved model and the output assumption', async () => {
    const { report } = await analyse('support.ts', 'typescript');
    const target = hoverTargetAt(report, 6, 30);
    assert.equal(target?.kind, 'prompt', 'a prompt at the template literal');
    const md = hoverMarkdownFor(report, target!, CATALOG, TEST_ASSUMPTIONS, 'file:///support.ts', []);
    assert.match(md, /^\*\*Tokenomics\*\* · system prompt SUPPORT\\_PROMPT/);
    assert.match(md, /This prompt: \*\*\d+ tokens\*\* · exact, o200k_base/);
    assert.match(md, /Model: \*\*gpt\\-4o\*\* \(from code, line 16\)/);
    assert.match(md, /- output\\: 100 tokens \\\(setting; assumed; the code sets no cap\\\)/);
  });

  it('research.py: a ≤6 steps loop lens, and the unknown model is information, not a warning', async () => {
    const { report } = await analyse('research.py', 'python');
    assert.match(lensSpecs(report, CATALOG, TEST_ASSUMPTIONS)[0]?.title ?? '', /^≤6 steps · unpriced\/task/);
    const unknown = diagnosticSpecs(report, {}).find((s) => s.code === 'unknown-model');
    assert.equal(unknown?.severity, 'information');
  });

  it('AGENTS.md: tokens per request and the cost of 100 requests on the coding model', async () => {
    const { report } = await analyse('AGENTS.md', 'markdown');
    assert.match(lensSpecs(report, CATALOG, TEST_ASSUMPTIONS)[0]?.title ?? '', /^\d+ tokens\/request · \$[\d.]+\/request · \$[\d.]+ per 100 requests on gpt-4\.1$/);
  });
});
