import * as assert from 'node:assert/strict';

/**
 * Waits until `read` gives `expected` (the page draws rows when the host's answer to its query
 * comes, a task or more after the click), then asserts it: a timeout fails with the last value seen.
 */
export async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    try {
      assert.deepEqual(got, expected);
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
