import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateWorkload } from '../../../src/core/agent/estimate';
import type { Catalog } from '../../../src/core/catalog/types';
import { analyzeFile } from '../../../src/core/report/analyze';
import type { CallReport, DiagnosticReport, FileReport } from '../../../src/core/report/types';
import type { Workload } from '../../../src/core/workload';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from '../report/catalog-fixture';
import { cli, writeFiles } from '../diff/git-fixture';

/** The fixture catalog with a large maximum output on gpt-4.1 (the no-output-cap rule needs one). */
const CATALOG: Catalog = { ...TEST_CATALOG, models: TEST_CATALOG.models.map((m) => (m.id === 'gpt-4.1' ? { ...m, maxOutput: 32768 } : m)) };
const ASSUMPTIONS = { ...TEST_ASSUMPTIONS, callsPerDay: 1000, caching: true };
const env = { catalog: CATALOG, assumptions: ASSUMPTIONS };

const unitUsd = (offeringId: string, w: Workload): number => {
  const p = estimateWorkload(CATALOG, CATALOG.offerings.find((o) => o.id === offeringId)!, w).perUnit;
  assert.equal(p.kind, 'priced');
  return (p as { usd: number }).usd;
};
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)), `${a} ≠ ${b}`);
const findings = (r: FileReport, code: string): DiagnosticReport[] => r.diagnostics.filter((d) => d.code === code);
const call = (src: string) => `import OpenAI from 'openai';\nconst c = new OpenAI();\n${src}\n`;
const LONG_STATIC = 'Follow the style guide: cite every source, keep answers short, never guess, explain each step. '.repeat(80);

describe('savings findings', function () {
  this.timeout(120000);
  it('no-output-cap: a call without an output limit on a model with a large maximum shows its exposure', async () => {
    const r = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: '${'Summarize the report. '.repeat(120)}' }] });`), 'a.ts', undefined, env);
    const [f] = findings(r, 'no-output-cap');
    assert.ok(f, JSON.stringify(r.diagnostics));
    const c = r.calls[0] as CallReport;
    // The suggested cap: twice the assumed reply (100 tokens) in 256-token steps; the range's top is the exposure it removes.
    assert.deepEqual(f.fix, { kind: 'output-cap', option: 'max_completion_tokens', value: 256 });
    const removed = (unitUsd('openai/gpt-4.1', { ...c.workload, outputTokens: 32768 }) - unitUsd('openai/gpt-4.1', { ...c.workload, outputTokens: 256 })) * 1000 * 30;
    assert.deepEqual([f.savings!.monthly.usd, f.savings!.monthly.low], [0, 0]);
    close(f.savings!.monthly.high, removed);
    assert.match(f.message, /Set max_completion_tokens to what the task needs, e\.g\. 256/);
    assert.equal(f.severity, 'information');
    assert.match(f.message, /up to 32,768 tokens/);
    const capped = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 400, messages: [{ role: 'user', content: 'Hi' }] });`), 'b.ts', undefined, env);
    assert.deepEqual(findings(capped, 'no-output-cap'), []);
    const off = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] });`), 'c.ts', undefined, { ...env, assumptions: { ...ASSUMPTIONS, savings: { 'no-output-cap': false } } });
    assert.deepEqual(findings(off, 'no-output-cap'), []);
  });

  it('model-fit: a premium model on a short request names the cheaper model of its family and the monthly difference', async () => {
    const r = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: 'Classify the sentiment: great product.' }] });`), 'a.ts', undefined, env);
    const [f] = findings(r, 'model-fit');
    assert.ok(f, JSON.stringify(r.diagnostics));
    const w = r.calls[0].workload;
    close(f.savings!.monthly.usd, (unitUsd('openai/gpt-4.1', w) - unitUsd('openai/tiny', w)) * 1000 * 30);
    assert.match(f.message, /^gpt-4\.1 on a short request .*: tiny, same vendor and family/);
    assert.match(f.message, /not applied/);
    assert.deepEqual(f.fix, { kind: 'model', model: 'tiny' });
    const withTools = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, tools: [{ type: 'function', function: { name: 'lookup', description: 'Look up an order', parameters: {} } }], messages: [{ role: 'user', content: 'Where is my order?' }] });`), 'b.ts', undefined, env);
    assert.deepEqual(findings(withTools, 'model-fit'), [], 'tools: not a simple request');
    const long = await analyzeFile(call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: '${LONG_STATIC}' }] });`), 'c.ts', undefined, env);
    assert.deepEqual(findings(long, 'model-fit'), [], 'a long prompt is not a short request (and tiny would not fit its context)');
    const cheap = await analyzeFile(call(`c.chat.completions.create({ model: 'tiny', max_tokens: 200, messages: [{ role: 'user', content: 'Hi' }] });`), 'd.ts', undefined, env);
    assert.deepEqual(findings(cheap, 'model-fit'), [], 'not a premium model');
  });

  it('cache-breaker: dynamic content before a long static part, on an automatic-caching provider, with what moving it saves', async () => {
    const breaker = call(`export const ask = (date: string, q: string) => c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 300, messages: [{ role: 'system', content: \`Today is \${date}. ${LONG_STATIC}\` }, { role: 'user', content: q }] });`);
    const r = await analyzeFile(breaker, 'a.ts', undefined, env);
    const [f] = findings(r, 'cache-breaker');
    assert.ok(f, JSON.stringify(r.diagnostics));
    assert.match(f.message, /^\{date\} changes on every request and comes before ≈[\d.]+k tokens of static text, so OpenAI's automatic prompt cache never matches/);
    const prompt = r.prompts.find((p) => p.kind === 'system')!;
    assert.equal(f.line, prompt.line);
    assert.ok(f.savings!.monthly.usd > 0 && f.savings!.monthly.low === f.savings!.monthly.usd / 2 && f.savings!.monthly.high === f.savings!.monthly.usd);
    // The static tokens (the prompt less its placeholder's assumed size) read from the cache on each call.
    const staticTokens = prompt.tokens - prompt.placeholders.reduce((n, p) => n + p.assumedTokens, 0);
    const w = r.calls[0].workload;
    close(f.savings!.monthly.usd, (unitUsd('openai/gpt-4.1', w) - unitUsd('openai/gpt-4.1', { ...w, cachedInputTokens: staticTokens })) * 1000 * 30);
    const fixed = await analyzeFile(breaker.replace('Today is ${date}. ' + LONG_STATIC, LONG_STATIC + ' Today is ${date}.'), 'b.ts', undefined, env);
    assert.deepEqual(findings(fixed, 'cache-breaker'), [], 'static part first: nothing to recover');
    const quiet = await analyzeFile(breaker, 'c.ts', undefined, { ...env, assumptions: { ...ASSUMPTIONS, callsPerDay: 20 } });
    assert.deepEqual(findings(quiet, 'cache-breaker'), [], 'too few calls for a warm cache');
  });

  describe('in the CLI', () => {
    let dir = '';
    before(() => {
      useCatalogForTests(CATALOG);
      dir = mkdtempSync(join(tmpdir(), 'tokenomics-savings-'));
      writeFiles(dir, {
        'a.ts': call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: 'Classify the sentiment: great product.' }] });`),
        'tokenomics.json': '{ "callsPerDay": 1000 }',
        'off/tokenomics.json': '{ "callsPerDay": 1000, "savings": { "model-fit": false } }',
      });
    });
    after(() => {
      useCatalogForTests(undefined);
      rmSync(dir, { recursive: true, force: true });
    });

    it('JSON carries savings, Markdown lists the top savings, SARIF has a note with the figure; the setting turns a rule off', async () => {
      const json = JSON.parse((await cli(['scan', '--format', 'json'], dir)).out);
      const f = json.files[0].diagnostics.find((d: DiagnosticReport) => d.code === 'model-fit');
      assert.ok(f.savings.monthly.usd > 0);
      const md = (await cli(['scan', '--format', 'markdown'], dir)).out;
      assert.match(md, /\*\*Top savings\*\*\n\n\| site \| finding \| a month \| what to do \|\n\| --- \| --- \| ---: \| --- \|\n\| a\.ts:3 \| model-fit \| \$[\d,.]+ \|/);
      const sarif = JSON.parse((await cli(['scan', '--format', 'sarif'], dir)).out);
      const note = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'model-fit');
      assert.equal(note.level, 'note');
      assert.deepEqual(note.properties.savings, f.savings);
      writeFiles(dir, { 'off/a.ts': call(`c.chat.completions.create({ model: 'gpt-4.1', max_tokens: 200, messages: [{ role: 'user', content: 'Classify: fine.' }] });`) });
      const off = JSON.parse((await cli(['scan', 'off', '--format', 'json'], dir)).out);
      assert.equal(off.assumptions.savings['model-fit'], false);
      assert.deepEqual(off.files[0].diagnostics.filter((d: DiagnosticReport) => d.code === 'model-fit'), []);
      assert.doesNotMatch((await cli(['scan', 'off', '--format', 'markdown'], dir)).out, /Top savings/);
    });
  });
});
