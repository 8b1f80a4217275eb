/**
 * The first-analysis worker (src/node/first-analysis-*.ts, src/extension/analysis/first-analysis-*.ts):
 * its detection, priced by the host (core-api.ts `priceDetected`), is the report the host's own
 * analysis gives, in process and through a real worker thread; it writes its code cache when retired
 * and a later worker loads from it; a retired or dead worker refuses documents, so the host analyses
 * them itself.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog } from '../../../src/core/catalog';
import { loadEnvironment } from '../../../src/core/config';
import { analyzeText, priceDetected } from '../../../src/extension/core-api';
import { AheadDetections, runFirstDetection } from '../../../src/extension/analysis/first-analysis-job';
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

/** Settings a user changed (the traffic, a price override): the host prices with them. */
const env = loadEnvironment({ baseCatalog: getBundledCatalog(), settings: { callsPerDay: 4321, priceOverrides: [{ model: 'gpt-4.1-mini', provider: 'openai', input: 9, output: 18 }] } });
const HOST_ENV = { catalog: env.catalog, assumptions: env.assumptions };

const WORKER_SCRIPT = join(__dirname, '../../../src/node/first-analysis-worker.js');
const request = (path = 'src/summarize.ts') => ({ text: SOURCE, path, languageId: 'typescript' });

describe('first-analysis worker', function () {
  this.timeout(120_000);

  it('detects a document so that, priced by the host, the report is the host’s own analysis', async () => {
    const reply = await runFirstDetection({ id: 7, ...request() });
    assert.equal(reply.kind, 'detected');
    if (reply.kind !== 'detected') return;
    assert.equal(reply.id, 7);
    const report = priceDetected(reply.file, HOST_ENV);
    assert.deepEqual(report, await analyzeText(SOURCE, 'src/summarize.ts', 'typescript', HOST_ENV));
    assert.equal(report.calls.length, 1);
  });

  it('answers through a real worker thread with a detection that survives the thread crossing, warms its grammars, and refuses documents once retired', async () => {
    const worker = FirstAnalysisWorker.start(WORKER_SCRIPT, ['typescript']);
    assert.ok(worker);
    const detection = await worker.detect(request());
    assert.deepEqual(priceDetected(detection.file, HOST_ENV), await analyzeText(SOURCE, 'src/summarize.ts', 'typescript', HOST_ENV));
    const warm = await worker.warm;
    assert.deepEqual(warm.grammars, ['typescript']);
    assert.equal(warm.error, undefined);
    worker.retire();
    assert.equal(worker.available, false);
    await assert.rejects(worker.detect(request('src/a.ts')), /retired/);
  });

  it('writes its code cache when retired, on its own thread, and the next session’s worker loads from it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'first-analysis-cache-'));
    try {
      const first = FirstAnalysisWorker.start(WORKER_SCRIPT, ['typescript'], cacheDir);
      assert.ok(first);
      assert.equal((await first.detect(request())).file.calls.length, 1);
      assert.equal((await first.warm).bundle?.state, 'created');
      first.retire();
      const retired = await first.ended;
      assert.ok(retired.cacheWritten && existsSync(retired.cacheWritten), 'the cache file is written');
      const second = FirstAnalysisWorker.start(WORKER_SCRIPT, ['typescript'], cacheDir);
      assert.ok(second);
      assert.equal((await second.warm).bundle?.state, 'used');
      assert.equal((await second.detect(request())).file.calls.length, 1);
      second.retire();
      assert.equal((await second.ended).cacheWritten, undefined, 'a worker that used the cache writes none');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('answers a request from the detection started ahead for the same path, language and text, once', async () => {
    const started: string[] = [];
    const early = new AheadDetections([request('src/a.ts'), request('src/b.ts')], async (r) => {
      started.push(r.path);
      return { id: r.id, kind: 'error', message: `ahead ${r.path}` };
    });
    assert.deepEqual(started, ['src/a.ts', 'src/b.ts'], 'both detections start at once');
    assert.deepEqual(await early.take({ id: 5, ...request('src/a.ts') }), { id: 5, kind: 'error', message: 'ahead src/a.ts' });
    assert.equal(early.take({ id: 6, ...request('src/a.ts') }), undefined, 'answered once');
    assert.equal(early.take({ id: 7, ...request('src/b.ts'), text: `${SOURCE}// edited\n` }), undefined, 'an edited text is detected again');
    assert.equal(early.take({ id: 8, ...request('src/c.ts') }), undefined);
  });

  it('detects the documents it was given ahead, and the host’s request gets that detection', async () => {
    const worker = FirstAnalysisWorker.start(WORKER_SCRIPT, ['typescript'], undefined, [request()]);
    assert.ok(worker);
    const detection = await worker.detect(request());
    assert.deepEqual(priceDetected(detection.file, HOST_ENV), await analyzeText(SOURCE, 'src/summarize.ts', 'typescript', HOST_ENV));
    worker.retire();
  });

  it('fails what waits on a worker that dies, so the host analyses it instead', async () => {
    const worker = FirstAnalysisWorker.start(join(__dirname, 'no-such-first-analysis-worker.js'), []);
    assert.ok(worker);
    await assert.rejects(worker.detect(request('src/a.ts')));
    assert.equal(worker.available, false);
  });
});
