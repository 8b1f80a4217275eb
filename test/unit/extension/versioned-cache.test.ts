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
});
