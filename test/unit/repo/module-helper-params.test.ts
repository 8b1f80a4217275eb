import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('a request sent by a module-level helper from `**params` a method built', () => {
  it('reads the model where detection found it (the method, with its `self`), not in the helper', async () => {
    const r = await scan('module-helper-params');
    const calls = file(r, 'agent/llm.py').calls.filter((c) => c.role !== 'binding');
    assert.deepEqual(calls.map((c) => c.line), [23]);
    assert.equal(calls[0].model, 'gpt-4o');
    // Said where it came from (the instance attribute), not "chosen at run time".
    assert.equal(calls[0].modelSource?.from, 'code');
    assert.deepEqual(calls[0].modelSource?.at, { path: 'agent/llm.py', line: 10 });
  });
});
