/**
 * The Cost report's scan runs whole in a worker thread (detection, repository pass, pricing) and
 * gives the report a scan on the calling thread gives; cancel reaches it; what cannot cross threads
 * keeps the scan on the calling thread.
 */
import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths } from '../../../src/node/scan';
import { scanInWorker, scanWorkerScript, type ScanThread } from '../../../src/node/scan-in-worker';

const ROOT = resolve(__dirname, '../../../..');
const EXAMPLES = join('examples');
const REPO = join('test', 'fixtures', 'repos', 'ts-imported-prompt');

function join(...parts: string[]): string {
  return resolve(ROOT, ...parts);
}

/** The report without what may differ between two runs of the same scan. */
function comparable(r: object): string {
  const { timing: _t, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(rest);
}

describe('scanInWorker: the whole scan off the calling thread', () => {
  const catalog = getBundledCatalog();
  const options = (root: string) => ({ catalog, assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root, cwd: root, respectGitignore: true });

  it('finds its worker script next to the compiled module', () => {
    assert.ok(scanWorkerScript(), 'out/src/node/scan-worker.js');
  });

  for (const [name, dir] of [['examples/', EXAMPLES], ['a repository with cross-file prompts', REPO]] as const) {
    it(`${name}: ran in a worker, the same report as on the calling thread (progress reported)`, async () => {
      const where: ScanThread[] = [];
      let progressed = 0;
      const inWorker = await scanInWorker([dir], { ...options(dir), jobs: 1 }, () => progressed++, undefined, (w) => where.push(w));
      assert.deepEqual(where, ['worker']);
      assert.ok(progressed > 0, 'progress came back from the worker');
      const here = await scanPaths([dir], options(dir));
      assert.ok(here.files.length > 0);
      assert.equal(comparable(inWorker), comparable(here));
    });
  }

  it('with nested detection workers (jobs > 1) the report is the same', async () => {
    const here = await scanPaths([EXAMPLES], options(EXAMPLES));
    const nested = await scanInWorker([EXAMPLES], { ...options(EXAMPLES), jobs: 2, minFilesForWorkers: 0 });
    assert.equal(comparable(nested), comparable(here));
  });

  it('a cancel asked for by the host stops the worker’s scan and says so', async () => {
    const r = await scanInWorker([EXAMPLES], { ...options(EXAMPLES), jobs: 1 }, undefined, () => true);
    assert.equal(r.cancelled, true);
  });

  it('a resolver that cannot cross threads keeps the scan on the calling thread', async () => {
    const where: ScanThread[] = [];
    const custom = (c: typeof catalog, q: string) => resolveModel(c, q);
    const r = await scanInWorker([EXAMPLES], { ...options(EXAMPLES), resolveModel: custom }, undefined, undefined, (w) => where.push(w));
    assert.deepEqual(where, ['calling thread']);
    assert.ok(r.files.length > 0);
  });
});
