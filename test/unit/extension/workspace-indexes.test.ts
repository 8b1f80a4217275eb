/**
 * The editor never waits for a workspace's repository index: a document is priced alone first, the
 * index build starts after that analysis, and once it is built the cross-file facts arrive.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog } from '../../../src/core/catalog';
import type { RepoIndex } from '../../../src/core/repo';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { within } from '../../../src/extension/analysis/within';
import { analyzeDocument, WorkspaceIndexes, type IndexEvents } from '../../../src/extension/analysis/workspace-indexes';
import { WorkspaceRepository } from '../../../src/node/workspace-repo';

const DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'repos', 'ts-imported-prompt');
const TEXT = readFileSync(join(DIR, 'src', 'review.ts'), 'utf8');
const INPUT = { text: TEXT, path: 'src/review.ts', languageId: 'typescript', root: DIR };
const env = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS };

/** An index whose build never finishes (a huge workspace still being indexed). */
class NeverBuilt extends WorkspaceRepository {
  override index(): Promise<RepoIndex> {
    return new Promise(() => undefined);
  }
}

class FailingBuild extends WorkspaceRepository {
  override index(): Promise<RepoIndex> {
    return Promise.reject(new Error('disk gone'));
  }
}

function events(): IndexEvents & { builtRoots: string[]; failures: unknown[]; whenBuilt: Promise<void> } {
  let resolve!: () => void;
  const whenBuilt = new Promise<void>((r) => (resolve = r));
  const e = {
    builtRoots: [] as string[],
    failures: [] as unknown[],
    whenBuilt,
    built: (root: string) => {
      e.builtRoots.push(root);
      resolve();
    },
    failed: (_root: string, err: unknown) => void e.failures.push(err),
  };
  return e;
}

const importedPrompt = (assumed: readonly string[]) => assumed.some((a) => a.includes('imported from ./lib/prompts'));
const placeholder = (assumed: readonly string[]) => assumed.some((a) => a.startsWith('input REVIEW_PROMPT:'));

describe('extension/workspace indexes: a lens never waits for the repository index', () => {
  it('prices the file alone first, starts the build only after that analysis, then answers with cross-file facts', async () => {
    const ev = events();
    const indexes = new WorkspaceIndexes((root) => new WorkspaceRepository(root, { jobs: 0 }), ev);
    const first = analyzeDocument(INPUT, env, indexes);
    assert.equal(indexes.started(DIR), false, 'the build does not compete with the first analysis');
    const alone = await first;
    assert.equal(alone.withIndex, false);
    assert.ok(placeholder(alone.report.calls[0].assumed), `priced alone: ${alone.report.calls[0].assumed.join('; ')}`);
    assert.ok(indexes.started(DIR), 'the first analysis started the build when it was done');
    await ev.whenBuilt;
    assert.deepEqual(ev.builtRoots, [DIR], 'the editor is told to re-analyse the folder');
    const refined = await analyzeDocument(INPUT, env, indexes);
    assert.equal(refined.withIndex, true);
    assert.ok(importedPrompt(refined.report.calls[0].assumed), `with the index: ${refined.report.calls[0].assumed.join('; ')}`);
  });

  it('keeps answering while an index is still being built', async () => {
    const ev = events();
    let created = 0;
    const indexes = new WorkspaceIndexes((root) => (created++, new NeverBuilt(root)), ev);
    for (let i = 0; i < 2; i++) {
      const { report, withIndex } = await analyzeDocument(INPUT, env, indexes);
      assert.equal(withIndex, false);
      assert.equal(report.calls.length, 1, 'the call is priced without the index');
    }
    assert.equal(created, 1, 'one build per folder, not one per analysis');
    assert.deepEqual(ev.builtRoots, []);
  });

  it('a failed build is reported once and not retried by every analysis', async () => {
    const ev = events();
    let created = 0;
    const indexes = new WorkspaceIndexes((root) => (created++, new FailingBuild(root)), ev);
    await analyzeDocument(INPUT, env, indexes);
    await new Promise((r) => setImmediate(r));
    const { withIndex } = await analyzeDocument(INPUT, env, indexes);
    assert.equal(withIndex, false);
    assert.equal(created, 1);
    assert.equal(ev.failures.length, 1);
    assert.match(String(ev.failures[0]), /disk gone/);
  });

  it('a cancelled analysis and a document outside a folder start no build', async () => {
    const indexes = new WorkspaceIndexes((root) => new NeverBuilt(root), events());
    await analyzeDocument(INPUT, { ...env, isCancelled: () => true }, indexes).catch(() => undefined);
    assert.equal(indexes.started(DIR), false);
    const { report } = await analyzeDocument({ ...INPUT, root: undefined }, env, indexes);
    assert.equal(report.calls.length, 1);
    assert.equal(indexes.started(DIR), false);
  });
});

describe('extension/within: a lens request answers within its budget', () => {
  it('gives the value of a promise that settles in time', async () => {
    assert.equal(await within(Promise.resolve('report'), 1_000), 'report');
  });

  it('gives undefined when the promise is late, and the promise still delivers to its other callers', async () => {
    let release!: (v: string) => void;
    const analysis = new Promise<string>((resolve) => (release = resolve));
    assert.equal(await within(analysis, 5), undefined);
    release('report');
    assert.equal(await analysis, 'report');
  });
});
