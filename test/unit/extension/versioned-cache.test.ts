import * as assert from 'node:assert/strict';
import { VersionedCache, type CancelFlag } from '../../../src/extension/analysis/versioned-cache';

describe('extension/versioned cache', () => {
  it('shares one run between requests for the same version', async () => {
    const cache = new VersionedCache<string>();
    let runs = 0;
    const compute = async (): Promise<string> => `run ${++runs}`;
    const [a, b] = await Promise.all([cache.get('doc', 1, compute), cache.get('doc', 1, compute)]);
    assert.equal(a, 'run 1');
    assert.equal(b, 'run 1');
    assert.equal(cache.peek('doc', 1), 'run 1');
    assert.equal(cache.peek('doc', 2), undefined, 'no value for another version');
  });

  it('cancels the run of an older version when a newer one is asked for', async () => {
    const cache = new VersionedCache<string>();
    let release!: () => void;
    let oldFlag!: CancelFlag;
    const old = cache.get('doc', 1, (flag) => {
      oldFlag = flag;
      return new Promise<string>((resolve) => (release = () => resolve('old')));
    });
    const fresh = cache.get('doc', 2, async () => 'new');
    await Promise.resolve();
    assert.equal(oldFlag.cancelled, true);
    release();
    assert.equal(await old, undefined, 'a cancelled run yields nothing');
    assert.equal(await fresh, 'new');
    assert.deepEqual(cache.latest('doc'), { version: 2, value: 'new' });
  });

  it('forgets a failed run so the next request retries', async () => {
    const cache = new VersionedCache<string>();
    await assert.rejects(cache.get('doc', 1, async () => { throw new Error('boom'); }), /boom/);
    assert.equal(await cache.get('doc', 1, async () => 'ok'), 'ok');
  });

  it('keeps at most maxEntries documents, dropping the least recent', async () => {
    const cache = new VersionedCache<number>(2);
    await cache.get('a', 1, async () => 1);
    await cache.get('b', 1, async () => 2);
    await cache.get('c', 1, async () => 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.peek('a', 1), undefined);
    assert.equal(cache.peek('c', 1), 3);
  });

  it('invalidate: the next get computes again while latest keeps the old value until the new one lands', async () => {
    const cache = new VersionedCache<string>();
    await cache.get('doc', 1, async () => 'alone');
    cache.invalidate('doc');
    assert.equal(cache.has('doc', 1), false, 'an invalidated version is not current');
    let release!: () => void;
    const again = cache.get('doc', 1, () => new Promise<string>((resolve) => (release = () => resolve('with the index'))));
    await Promise.resolve();
    assert.deepEqual(cache.latest('doc'), { version: 1, value: 'alone' }, 'surfaces keep the old figures meanwhile');
    assert.equal(cache.peek('doc', 1), undefined, 'the new run is not finished');
    release();
    assert.equal(await again, 'with the index');
    assert.equal(cache.peek('doc', 1), 'with the index');
    assert.equal(await cache.get('doc', 1, async () => 'a third run'), 'with the index', 'shared again once recomputed');
  });

  it('invalidate cancels a run in flight; an unknown key is ignored', async () => {
    const cache = new VersionedCache<string>();
    let flag!: CancelFlag;
    const run = cache.get('doc', 1, (f) => ((flag = f), new Promise<string>((resolve) => setImmediate(() => resolve('late')))));
    await Promise.resolve();
    cache.invalidate('doc');
    cache.invalidate('other');
    assert.equal(flag.cancelled, true);
    assert.equal(await run, undefined);
  });

  it('latest answers with the previous version while a newer one computes', async () => {
    const cache = new VersionedCache<string>();
    await cache.get('doc', 1, async () => 'v1');
    const v2 = cache.get('doc', 2, () => new Promise<string>((resolve) => setImmediate(() => resolve('v2'))));
    assert.deepEqual(cache.latest('doc'), { version: 1, value: 'v1' });
    await v2;
    assert.deepEqual(cache.latest('doc'), { version: 2, value: 'v2' });
  });
});
