import * as assert from 'node:assert/strict';
import * as net from 'node:net';

interface Guard {
  readonly attempts: string[];
  isLoopback(host: unknown): boolean;
  readonly guardedConnect: unknown;
}

const guard = (globalThis as { __tokenomicsNetworkGuard?: Guard }).__tokenomicsNetworkGuard;

describe('network guard (no prompt leaves the machine)', () => {
  it('is installed for every suite', () => {
    assert.ok(guard, 'test/network-guard.js must be required by .mocharc.json');
    assert.equal(net.Socket.prototype.connect, guard.guardedConnect);
  });

  it('refuses a connection to a non-loopback host before any lookup', () => {
    const before = guard!.attempts.length;
    const socket = new net.Socket();
    assert.throws(() => socket.connect({ host: 'example.invalid', port: 9 }), /network guard/);
    socket.destroy();
    assert.equal(guard!.attempts.length, before + 1);
    guard!.attempts.splice(before); // this deliberate attempt is not a product leak
  });

  it('lets loopback through (the headless browser tests use it)', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', undefined]) assert.ok(guard!.isLoopback(h), String(h));
    for (const h of ['10.0.0.1', 'api.openai.com', '192.168.1.1']) assert.ok(!guard!.isLoopback(h), h);
  });
});

after(() => {
  // Root-level hook: runs once after every suite in the run.
  if (guard && guard.attempts.length > 0) {
    throw new Error(`outbound network attempts during the test run: ${guard.attempts.join(', ')}`);
  }
});
