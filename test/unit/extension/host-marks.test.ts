/**
 * The split of VS Code's wait before it calls our activate(), from the extension host's performance marks.
 */
import * as assert from 'node:assert/strict';
import { activationWait, describeActivationWait, readHostMarks, type HostMark } from '../../../src/extension/analysis/host-marks';

const OURS = 'tokenomics-dev.tokenomics';
const T = Date.parse('2026-12-07T10:00:00.000Z');
const mark = (name: string, ms: number): HostMark => ({ name: `code/extHost/${name}`, startTime: T + ms });

describe('extension/analysis host marks: what VS Code did before calling activate()', () => {
  const marks: HostMark[] = [
    { name: 'code/timeOrigin', startTime: T - 5_000 },
    mark('ready', -2_000),
    // Finished before our load began: not in our wait.
    mark('willLoadExtensionCode/vscode.emmet', -1_500),
    mark('didLoadExtensionCode/vscode.emmet', -1_200),
    // Began before our load and ran into it: only its part inside our wait counts.
    mark('willActivateExtension/vscode.git', -300),
    mark('willLoadExtensionCode/' + OURS, 0),
    mark('didActivateExtension/vscode.git', 900),
    mark('didLoadExtensionCode/' + OURS, 40),
    mark('willLoadExtensionCode/vscode.merge-conflict', 1_000),
    mark('didLoadExtensionCode/vscode.merge-conflict', 1_100),
    mark('willActivateExtension/vscode.merge-conflict', 1_100),
    mark('didActivateExtension/vscode.merge-conflict', 1_400),
    mark('willActivateExtension/' + OURS, 2_500),
    // After our activate(): not part of the wait.
    mark('willActivateExtension/vscode.npm', 2_600),
    mark('didActivateExtension/vscode.npm', 3_600),
  ];

  it('splits the entry load from the wait for the context, and names what else held the thread, longest first', () => {
    const wait = activationWait(marks, OURS);
    assert.ok(wait);
    assert.equal(wait.codeLoadStartedAt, T);
    assert.equal(wait.codeLoadMs, 40);
    assert.equal(wait.contextWaitMs, 2_460);
    assert.equal(wait.activateCalledAt, T + 2_500);
    assert.deepEqual(wait.meanwhile, [
      { extensionId: 'vscode.git', phase: 'activate', ms: 900 },
      { extensionId: 'vscode.merge-conflict', phase: 'activate', ms: 300 },
      { extensionId: 'vscode.merge-conflict', phase: 'code', ms: 100 },
    ]);
  });

  it('says nothing when our own marks are missing (another host, or an activation not yet called)', () => {
    assert.equal(activationWait(marks.filter((m) => !m.name.startsWith('code/extHost/willActivateExtension/' + OURS)), OURS), undefined);
    assert.equal(activationWait(marks, 'someone.else'), undefined);
  });

  it('writes one line the editor bench can read back (the ISO start of the entry load)', () => {
    const line = describeActivationWait(activationWait(marks, OURS)!, 2);
    assert.match(line, /entry load began 2026-12-07T10:00:00\.000Z and took 40 ms, then 2460 ms until activate\(\)/);
    assert.match(line, /vscode\.git activate 900 ms, vscode\.merge-conflict activate 300 ms, 1 more$/);
    const alone = describeActivationWait({ ...activationWait(marks, OURS)!, meanwhile: [] });
    assert.match(alone, /no other extension loaded or activated meanwhile$/);
  });

  it('reads the host marks only where VS Code keeps them, and skips entries of another shape', () => {
    const global = globalThis as { MonacoPerformanceMarks?: unknown };
    assert.equal(global.MonacoPerformanceMarks, undefined);
    assert.equal(readHostMarks(), undefined);
    try {
      global.MonacoPerformanceMarks = { getMarks: () => [mark('ready', 0), { name: 'x' }, null, { name: 'y', startTime: Number.NaN }] };
      assert.deepEqual(readHostMarks(), [mark('ready', 0)]);
      global.MonacoPerformanceMarks = { getMarks: () => { throw new Error('gone'); } };
      assert.equal(readHostMarks(), undefined);
    } finally {
      delete global.MonacoPerformanceMarks;
    }
  });
});
