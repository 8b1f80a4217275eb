/** Scanning a fixture repository under test/fixtures/repos as `tokenomics scan` does, and finding one file's report in it. */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { FileReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { scanPaths, type ScanResult } from '../../../src/node/scan';

export const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');
export const catalog = getBundledCatalog();

export function scan(name: string): Promise<ScanResult> {
  const dir = join(REPOS, name);
  return scanPaths([dir], { catalog, assumptions: DEFAULT_ASSUMPTIONS, resolveModel, root: dir });
}

export function file(r: ScanResult, path: string): FileReport {
  const f = r.files.find((x) => x.path === path);
  assert.ok(f, `${path} reported (have ${r.files.map((x) => x.path).join(', ')})`);
  return f;
}
