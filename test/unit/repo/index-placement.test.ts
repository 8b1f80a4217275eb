/**
 * Where a folder's repository index is built (src/node/index-placement.ts): a small folder's in the
 * host, a larger one's in its own process, decided from the folder's listing (code files, then their
 * bytes) and `tokenomics.repositoryIndex.inHostMaxFiles`. Either way a document gets the report the scan
 * gives for it: the placement changes where the index lives, never a figure.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { analyzeText, WorkspaceRepository } from '../../../src/extension/core-api';
import { EDITOR_LIMITS, IN_HOST_MAX_FILES_CAP, normalizeInHostMaxFiles } from '../../../src/extension/config-read';
import { IndexProcess } from '../../../src/node/index-process-client';
import { DEFAULT_IN_HOST_MAX_FILES, IN_HOST_BYTES_PER_FILE, PlacedIndex, placeIndex } from '../../../src/node/index-placement';
import { scanPaths } from '../../../src/node/scan';
import { walkPaths, type WalkResult } from '../../../src/node/walk';

const REPOS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos');
const env = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS };
const OPTIONS = { exclude: [], maxFileBytes: 1024 * 1024, jobs: 0 };

/** A PlacedIndex wired as the editor wires it (engine.ts), remembering what it made. */
function placed(root: string, inHostMaxFiles: number): { index: PlacedIndex; made: string[]; told: string[] } {
  const made: string[] = [];
  const told: string[] = [];
  const index = new PlacedIndex(root, {
    ...OPTIONS,
    inHostMaxFiles,
    inHost: (walked: WalkResult) => {
      made.push('host');
      return new WorkspaceRepository(root, { ...OPTIONS, walked });
    },
    inProcess: () => {
      made.push('process');
      return new IndexProcess(root, OPTIONS);
    },
    placed: (place, size) => told.push(`${place} ${size.files}`),
  });
  return { index, made, told };
}

describe('repository index placement: in the host for a small folder, in a process above it', () => {
  const open: PlacedIndex[] = [];
  after(() => open.forEach((i) => i.dispose()));

  it('the listing decides: within both budgets the host, over the file count or the bytes a process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-placement-'));
    try {
      for (let i = 0; i < 4; i++) writeFileSync(join(dir, `m${i}.py`), `x = ${i}\n`);
      const walked = await walkPaths(dir, [dir]);
      assert.equal(walked.files.length, 4);
      assert.deepEqual(await placeIndex(walked, 4, 1024 * 1024), { place: 'host', size: { files: 4, bytes: 4 * 6 } });
      assert.equal((await placeIndex(walked, 3, 1024 * 1024)).place, 'process', 'one file over the count');
      // Bytes: 4 files within a 4-file budget, but one of them larger than the whole budget.
      writeFileSync(join(dir, 'm0.py'), `x = "${'a'.repeat(4 * IN_HOST_BYTES_PER_FILE)}"\n`);
      assert.equal((await placeIndex(walked, 4, 1024 * 1024)).place, 'process', 'over the byte budget');
      // A file over the size limit is skipped by the build, so it does not count.
      assert.equal((await placeIndex(walked, 4, 1024)).place, 'host');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a small folder is indexed in the host and a document gets the scan’s report; above the limit, in its process, the same report', async () => {
    const dir = join(REPOS, 'ts-imported-prompt');
    const text = readFileSync(join(dir, 'src', 'review.ts'), 'utf8');
    const scanned = (await scanPaths([dir], { ...env, resolveModel, root: dir, cwd: dir })).files.find((f) => f.path === 'src/review.ts')!;
    const small = placed(dir, DEFAULT_IN_HOST_MAX_FILES);
    const large = placed(dir, 1);
    open.push(small.index, large.index);
    await Promise.all([small.index.index(), large.index.index()]);
    assert.deepEqual([small.made, small.index.place, small.index.pid], [['host'], 'host', undefined]);
    assert.deepEqual(small.told, ['host 3']);
    assert.deepEqual([large.made, large.index.place], [['process'], 'process']);
    assert.ok(large.index.pid, 'the index process runs');
    const inHost = await analyzeText(text, 'src/review.ts', 'typescript', env, small.index);
    const viaProcess = await analyzeText(text, 'src/review.ts', 'typescript', env, large.index);
    assert.deepEqual(inHost.calls, scanned.calls);
    assert.deepEqual(inHost, viaProcess);
    assert.ok(inHost.calls[0].assumed.some((a) => a.includes('imported from ./lib/prompts')), 'the cross-file fact is there');
    assert.deepEqual(await small.index.modelMentions(), await large.index.modelMentions());
  });

  it('0 puts every folder’s index in its own process; a released index is never built', async () => {
    const dir = join(REPOS, 'helper-model');
    const always = placed(dir, 0);
    open.push(always.index);
    await always.index.index();
    assert.deepEqual([always.made, always.index.isBuilt()], [['process'], true]);
    const released = placed(dir, DEFAULT_IN_HOST_MAX_FILES);
    const building = released.index.index();
    released.index.dispose();
    await assert.rejects(building, /released before it was built/);
    assert.deepEqual([released.made, released.index.isBuilt()], [[], false]);
  });

  it('the setting: whole numbers from 0 to the cap; anything else is the default, with why', () => {
    assert.equal(EDITOR_LIMITS['repositoryIndex.inHostMaxFiles'], DEFAULT_IN_HOST_MAX_FILES);
    assert.deepEqual(normalizeInHostMaxFiles(undefined), { value: DEFAULT_IN_HOST_MAX_FILES });
    assert.deepEqual(normalizeInHostMaxFiles(0), { value: 0 });
    assert.deepEqual(normalizeInHostMaxFiles(1200), { value: 1200 });
    for (const bad of [-1, 2.5, '300', null, Number.NaN]) {
      const r = normalizeInHostMaxFiles(bad);
      assert.equal(r.value, DEFAULT_IN_HOST_MAX_FILES, String(bad));
      assert.match(r.issue ?? '', /must be a whole number of files/);
    }
    assert.deepEqual(normalizeInHostMaxFiles(IN_HOST_MAX_FILES_CAP + 1), { value: IN_HOST_MAX_FILES_CAP, issue: `tokenomics.repositoryIndex.inHostMaxFiles is at most ${IN_HOST_MAX_FILES_CAP}; using ${IN_HOST_MAX_FILES_CAP}` });
  });
});
