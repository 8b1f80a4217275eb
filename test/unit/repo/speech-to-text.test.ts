import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('speech-to-text requests', () => {
  it('audio.transcriptions.create is a request on its model, unpriced with the reason (billed per audio minute), never $0', async () => {
    const r = await scan('py-speech');
    const calls = file(r, 'stt.py').calls;
    assert.deepEqual(calls.map((c) => c.line), [15]);
    const [stt] = calls;
    // `model or STT_MODEL` with no caller but a test's: a test's fake model is not the repository's configuration.
    assert.equal(stt.model ?? stt.modelResolved, 'gpt-4o-mini-transcribe');
    assert.equal(stt.costPerCall.kind, 'unpriced');
    assert.match(stt.costPerCall.kind === 'unpriced' ? stt.costPerCall.missing.join(' ') : '', /per minute of audio/);
    // Counted among the unpriced sites of the total, not added as $0.
    assert.ok(r.totals.unpriced?.some((u) => u.path === 'stt.py' && u.line === 15), JSON.stringify(r.totals.unpriced));
  });
});
