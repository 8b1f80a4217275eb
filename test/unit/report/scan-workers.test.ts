import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DetectPool, workerScript } from '../../../src/node/detect-pool';
import { scanPaths } from '../../../src/node/scan';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';

const EXAMPLES = resolve(__dirname, '../../../../examples');

function agent(i: number): string {
  return `import OpenAI from 'openai';
const c = new OpenAI();
export const ask${i} = () => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Task number ${i}: say hello.' }], max_tokens: ${50 + i} });
`;
}

/** The report without what may differ between two runs of the same scan. */
function comparable(r: object): string {
  const { timing: _t, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(rest);
}

describe('scanPaths with detection workers', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('finds the worker script next to the compiled module', () => {
    assert.ok(workerScript(), 'out/src/node/detect-worker.js');
  });

  it('gives the same report with 0, 1 and 3 workers (order kept whatever finishes first)', async () => {
    const options = { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, minFilesForWorkers: 0 };
    const inThread = await scanPaths([EXAMPLES], { ...options, jobs: 0 });
    assert.ok(inThread.files.length >= 4);
    assert.equal(comparable(await scanPaths([EXAMPLES], { ...options, jobs: 1 })), comparable(inThread));
    assert.equal(comparable(await scanPaths([EXAMPLES], { ...options, jobs: 3 })), comparable(inThread));
  });

  it('skips binary and oversized files in the workers as on the main thread', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-workers-'));
    const files: Record<string, string | Buffer> = { 'bin.py': Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0x00]), 'big.ts': `// openai\n${'x'.repeat(5000)}` };
    for (let i = 0; i < 12; i++) files[`src/a${i}.ts`] = agent(i);
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), content);
    }
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, maxFileBytes: 2000, jobs: 2, minFilesForWorkers: 0 });
    assert.deepEqual(r.skipped.map((s) => [s.path, s.reason]).sort(), [['big.ts', 'too-large'], ['bin.py', 'binary']]);
    assert.equal(r.files.length, 12);
    assert.deepEqual(r.files.map((f) => f.calls[0].outputTokens).sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => 50 + i));
  });

  it('stops the workers on cancel and says the scan was cancelled', async () => {
    let polls = 0;
    const r = await scanPaths([EXAMPLES], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, jobs: 2, minFilesForWorkers: 0 }, undefined, () => ++polls > 1);
    assert.equal(r.cancelled, true);
  });

  it('a cancel seen while walking (nothing left to detect) is reported as a cancel', async () => {
    const r = await scanPaths([EXAMPLES], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, jobs: 0 }, undefined, () => true);
    assert.equal(r.cancelled, true);
    assert.equal(r.files.length, 0);
  });

  it('rejects work after close, and close can be called twice', async () => {
    const pool = new DetectPool(1, workerScript()!);
    await pool.close();
    await pool.close();
    await assert.rejects(pool.detect({ id: 0, abs: __filename, rel: 'x.js', maxBytes: 1e6, options: {} }), /closed/);
  });
});
