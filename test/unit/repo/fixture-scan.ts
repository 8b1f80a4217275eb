/** Scanning a fixture repository under test/fixtures/repos as `tokenomics scan` does, and finding one file's report in it. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import type { FileReport } from '../../../src/core/report/types';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../../src/core/workload';
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

/** Writes `files` (relative path → text) into a new temporary folder and returns it; the caller removes it. */
export function writeWorkspace(files: Record<string, string>, prefix = 'tokenomics-workspace-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

/** Scans `files` as a whole repository in a temporary folder, as `tokenomics scan` does there, and removes the folder. */
export async function scanTree(files: Record<string, string>, assumptions: Assumptions = DEFAULT_ASSUMPTIONS): Promise<ScanResult> {
  const dir = writeWorkspace(files);
  try {
    return await scanPaths([dir], { catalog, assumptions, resolveModel, root: dir, cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The one request (not a binding) of a file of a scan. */
export function oneRequest(r: ScanResult, path: string) {
  const calls = file(r, path).calls.filter((c) => c.role !== 'binding');
  assert.equal(calls.length, 1, `one request in ${path}`);
  return calls[0];
}
