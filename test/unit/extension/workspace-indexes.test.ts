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
import { ColdStart } from '../../../src/extension/analysis/cold-start';
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
    assert.ok(placeholder(alone.report!.calls[0].assumed), `priced alone: ${alone.report!.calls[0].assumed.join('; ')}`);
    assert.ok(indexes.started(DIR), 'the first analysis started the build when it was done');
    await ev.whenBuilt;
    assert.deepEqual(ev.builtRoots, [DIR], 'the editor is told to re-analyse the folder');
    const refined = await analyzeDocument(INPUT, env, indexes);
    assert.equal(refined.withIndex, true);
    assert.ok(importedPrompt(refined.report!.calls[0].assumed), `with the index: ${refined.report!.calls[0].assumed.join('; ')}`);
  });

  it('keeps answering while an index is still being built', async () => {
    const ev = events();
    let created = 0;
    const indexes = new WorkspaceIndexes((root) => (created++, new NeverBuilt(root)), ev);
    for (let i = 0; i < 2; i++) {
      const { report, withIndex } = await analyzeDocument(INPUT, env, indexes);
      assert.equal(withIndex, false);
      assert.equal(report!.calls.length, 1, 'the call is priced without the index');
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
    assert.equal(report!.calls.length, 1);
    assert.equal(indexes.started(DIR), false);
  });
});

describe('extension/workspace indexes: no build before the cold start is over', () => {
  it('queues the build the first analysis asks for until the gate opens, then starts it once', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let created = 0;
    const ev = events();
    const indexes = new WorkspaceIndexes((root) => (created++, new WorkspaceRepository(root, { jobs: 0 })), ev, gate);
    const alone = await analyzeDocument(INPUT, env, indexes);
    await analyzeDocument(INPUT, env, indexes);
    assert.equal(alone.withIndex, false);
    assert.equal(created, 0, 'no repository is created while the cold start lasts');
    assert.ok(indexes.isWaiting(DIR) && indexes.started(DIR), 'the build is asked for, and waits');
    open();
    await ev.whenBuilt;
    assert.equal(created, 1, 'one build, however many analyses asked for it');
    assert.equal(indexes.isWaiting(DIR), false);
    assert.equal((await analyzeDocument(INPUT, env, indexes)).withIndex, true);
  });

  it('starts at once when the gate is already open, and never after dispose', async () => {
    let created = 0;
    const open = new WorkspaceIndexes((root) => (created++, new NeverBuilt(root)), events(), Promise.resolve());
    await new Promise((r) => setImmediate(r));
    open.start(DIR);
    assert.equal(created, 1);
    let release!: () => void;
    const closed = new WorkspaceIndexes((root) => (created++, new NeverBuilt(root)), events(), new Promise<void>((r) => (release = r)));
    closed.start(DIR);
    closed.dispose();
    release();
    await new Promise((r) => setImmediate(r));
    assert.equal(created, 1, 'a build queued before dispose is dropped');
  });
});

describe('extension/cold start: what no lens needs waits for the first lens', () => {
  /** A ColdStart on a clock the test moves, with real (short) timers. */
  function clocked(settleMs: number, fallbackMs: number) {
    let t = 0;
    const cold = new ColdStart(settleMs, fallbackMs, () => t);
    return { cold, advance: (ms: number) => (t += ms) };
  }
  const settled = async (p: Promise<void>, ms: number) => (await within(p.then(() => true), ms)) ?? false;

  it('is over a settle time after the first lens was answered, not before', async () => {
    const { cold } = clocked(30, 60_000);
    cold.firstAnalysisDone();
    assert.equal(await settled(cold.over, 10), false, 'the fallback is far away; no lens yet');
    cold.lensAnswered();
    assert.equal(cold.isOver, false, 'the editor is given time to draw the lens');
    assert.equal(await settled(cold.over, 1_000), true);
    assert.equal(cold.isOver, true);
  });

  it('later answers never postpone it, and without any lens the fallback ends it', async () => {
    const { cold, advance } = clocked(40, 60_000);
    cold.lensAnswered();
    advance(30);
    cold.lensAnswered(); // due later than the first deadline: ignored
    assert.equal(await settled(cold.over, 1_000), true);
    const alone = new ColdStart(60_000, 20);
    alone.firstAnalysisDone();
    assert.equal(await settled(alone.over, 1_000), true, 'no lens is ever asked (CodeLens off): the fallback opens it');
  });

  it('its pending deadline never keeps a process alive (a CLI or bench process loading the extension exits when done)', () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const cold = new ColdStart(60_000, 60_000);
    cold.firstAnalysisDone();
    assert.equal(timers(), before, 'the fallback timer is unref-ed');
    cold.dispose();
  });

  it('dispose ends it at once', async () => {
    const cold = new ColdStart(60_000, 60_000);
    cold.firstAnalysisDone();
    cold.dispose();
    assert.equal(await settled(cold.over, 50), true);
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
