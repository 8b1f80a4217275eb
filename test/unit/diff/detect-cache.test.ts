import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DetectedFile } from '../../../src/core/detect/types';
import { scanPaths } from '../../../src/node/scan';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { TEST_CATALOG } from '../report/catalog-fixture';
import { agentSource, writeFiles } from './git-fixture';

describe('diff: files unchanged between the two sides are parsed once', () => {
  let a = '';
  let b = '';
  before(() => {
    a = mkdtempSync(join(tmpdir(), 'tokenomics-cache-a-'));
    writeFiles(a, { 'x.ts': agentSource({ callModel: 'tiny', loopBound: 3 }), 'y.ts': agentSource({ callModel: 'gpt-4.1' }), 'z.py': 'print(1)\n' });
    b = mkdtempSync(join(tmpdir(), 'tokenomics-cache-b-'));
    cpSync(a, b, { recursive: true });
    writeFileSync(join(b, 'x.ts'), agentSource({ callModel: 'gpt-4.1', loopBound: 3 }));
  });
  after(() => {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  });

  it('reuses detections by path and content, and the reports are the same as without the cache', async () => {
    const options = { catalog: TEST_CATALOG, assumptions: DEFAULT_ASSUMPTIONS };
    const cache = new Map<string, DetectedFile>();
    const cachedA = await scanPaths([a], { ...options, root: a, cwd: a, detectCache: cache });
    assert.equal(cache.size, 3);
    const cachedB = await scanPaths([b], { ...options, root: b, cwd: b, detectCache: cache });
    assert.equal(cache.size, 4, 'only the changed file was parsed again');
    assert.deepEqual(cachedA.files, (await scanPaths([a], { ...options, root: a, cwd: a })).files);
    assert.deepEqual(cachedB.files, (await scanPaths([b], { ...options, root: b, cwd: b })).files);
  });
});
