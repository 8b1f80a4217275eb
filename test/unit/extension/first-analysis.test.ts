/**
 * The first-analysis worker (src/node/first-analysis-worker.ts, src/extension/analysis/first-analysis-*.ts):
 * what it answers for a document is what the host's own analysis would (the same loader builds the
 * catalog and assumptions from the same raw settings and tokenomics.json, the same skip rules), in
 * process and through a real worker thread; a retired or dead worker refuses documents, so the host
 * analyses them itself.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { loadEnvironment } from '../../../src/core/config';
import { analyzeFile } from '../../../src/core/report/analyze';
import { runFirstAnalysis, type EnvironmentInputs } from '../../../src/extension/analysis/first-analysis-job';
import { FirstAnalysisWorker } from '../../../src/extension/analysis/first-analysis-client';

const SOURCE = `import OpenAI from 'openai';
const client = new OpenAI();
export async function summarize(text: string) {
  const r = await client.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [{ role: 'system', content: 'Summarise the ticket in two sentences.' }, { role: 'user', content: text }],
  });
  return r.choices[0].message.content;
}
`;

/** Settings a user changed: the model's traffic, and a price override the catalog must carry. */
const ENVIRONMENT: EnvironmentInputs = {
  settings: { callsPerDay: 4321, priceOverrides: [{ model: 'gpt-4.1-mini', provider: 'openai', input: 9, output: 18 }] },
};

/** The host's analysis of the same document with the same inputs (config.ts `read`, engine.ts). */
async function hostReport(text: string, path: string, environment: EnvironmentInputs) {
  const env = loadEnvironment({ baseCatalog: getBundledCatalog(), ...environment });
  return analyzeFile(text, path, 'typescript', { catalog: env.catalog, assumptions: env.assumptions, resolveModel });
}

const WORKER_SCRIPT = join(__dirname, '../../../src/node/first-analysis-worker.js');

describe('first-analysis worker', function () {
  this.timeout(120_000);

  it('prices a document as the host would, with the settings it was sent', async () => {
    const reply = await runFirstAnalysis({ id: 7, text: SOURCE, path: 'src/summarize.ts', languageId: 'typescript', environment: ENVIRONMENT });
    assert.equal(reply.kind, 'report');
    if (reply.kind !== 'report') return;
    assert.equal(reply.id, 7);
    assert.deepEqual(reply.report, await hostReport(SOURCE, 'src/summarize.ts', ENVIRONMENT));
    assert.equal(reply.report.calls.length, 1);
    // The settings reached the pricing: the override and the traffic change the figure against the defaults.
    const defaults = await hostReport(SOURCE, 'src/summarize.ts', { settings: {} });
    assert.notDeepEqual(reply.report.monthlyCost, defaults.monthlyCost);
  });

  it('skips what the settings exclude or what is too large, as the host does', async () => {
    const excluded = await runFirstAnalysis({ id: 1, text: SOURCE, path: 'generated/summarize.ts', languageId: 'typescript', environment: { settings: { exclude: ['generated/**'] } } });
    assert.deepEqual(excluded, { id: 1, kind: 'skipped', reason: 'matches tokenomics.exclude' });
    const large = await runFirstAnalysis({ id: 2, text: SOURCE.repeat(4), path: 'src/summarize.ts', languageId: 'typescript', environment: { settings: { maxFileSizeKb: 1 } } });
    assert.deepEqual(large, { id: 2, kind: 'skipped', reason: 'larger than tokenomics.maxFileSizeKb (1 KB)' });
  });

  it('answers through a real worker thread with the same report, warms the grammars it was given, and refuses documents once retired', async () => {
    const worker = FirstAnalysisWorker.start(WORKER_SCRIPT, ['typescript']);
    assert.ok(worker);
    const answer = await worker.analyse({ text: SOURCE, path: 'src/summarize.ts', languageId: 'typescript', environment: ENVIRONMENT });
    assert.equal(answer.kind, 'report');
    if (answer.kind === 'report') assert.deepEqual(answer.report, await hostReport(SOURCE, 'src/summarize.ts', ENVIRONMENT));
    const warm = await worker.warm;
    assert.deepEqual(warm.grammars, ['typescript']);
    assert.equal(warm.error, undefined);
    worker.retire();
    assert.equal(worker.available, false);
    await assert.rejects(worker.analyse({ text: SOURCE, path: 'src/a.ts', languageId: 'typescript', environment: ENVIRONMENT }), /retired/);
  });

  it('fails what waits on a worker that dies, so the host analyses it instead', async () => {
    const worker = FirstAnalysisWorker.start(join(__dirname, 'no-such-first-analysis-worker.js'), []);
    assert.ok(worker);
    await assert.rejects(worker.analyse({ text: SOURCE, path: 'src/a.ts', languageId: 'typescript', environment: ENVIRONMENT }));
    assert.equal(worker.available, false);
  });
});
