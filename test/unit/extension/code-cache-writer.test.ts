/**
 * When the code cache is written (src/extension/code-cache-writer.ts): never before the cold start
 * is over, only after a quiet moment with no activity, once, at once on deactivation if no quiet
 * moment came, and never after the extension was disposed. Real timers, a few tens of milliseconds.
 */
import * as assert from 'node:assert/strict';
import { writeWhenQuiet } from '../../../src/extension/code-cache-writer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A writer whose cold start and activity the test drives. */
function harness(quietMs = 40) {
  let over!: () => void;
  const after = new Promise<void>((resolve) => (over = resolve));
  const listeners = new Set<() => void>();
  let writes = 0;
  const writer = writeWhenQuiet({
    after,
    quietMs,
    onActivity: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    write: () => void writes++,
  });
  return {
    writer,
    over,
    activity: () => listeners.forEach((l) => l()),
    get writes() {
      return writes;
    },
    get listening() {
      return listeners.size;
    },
  };
}

describe('code cache writer', () => {
  it('waits for the cold start to be over, then for a quiet moment, and writes once', async () => {
    const h = harness();
    await sleep(80);
    assert.equal(h.writes, 0, 'not before the cold start is over');
    h.over();
    await sleep(10);
    assert.equal(h.writes, 0, 'not before the quiet moment');
    await sleep(80);
    assert.equal(h.writes, 1);
    assert.equal(h.listening, 0, 'stops listening once written');
    h.writer.flush();
    assert.equal(h.writes, 1, 'written once');
  });

  it('activity (a key, an opened file) pushes the write back until the host is quiet', async () => {
    const h = harness(60);
    h.over();
    await sleep(0);
    for (let i = 0; i < 5; i++) {
      await sleep(25);
      h.activity();
    }
    assert.equal(h.writes, 0, 'no write while keys keep coming');
    await sleep(120);
    assert.equal(h.writes, 1);
  });

  it('activity during the cold start is not counted, and no quiet moment is awaited before it', async () => {
    const h = harness();
    h.activity();
    assert.equal(h.listening, 0, 'listens only once the cold start is over');
    h.over();
    await sleep(100);
    assert.equal(h.writes, 1);
  });

  it('on deactivation without a quiet moment it writes at once, even during the cold start', () => {
    const h = harness(10_000);
    h.writer.flush();
    assert.equal(h.writes, 1);
  });

  it('nothing is written once disposed', async () => {
    const h = harness();
    h.over();
    await sleep(0);
    h.writer.dispose();
    await sleep(80);
    h.writer.flush();
    assert.equal(h.writes, 0);
    assert.equal(h.listening, 0);
  });
});
