import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('objects spread into an object literal', () => {
  it('a model read from a key the literal does not write comes from the objects spread into it', async () => {
    const r = await scan('spread-model');
    const [call] = file(r, 'chat.ts').calls;
    assert.equal(call?.model, 'gpt-4o-mini');
    assert.deepEqual(call.modelSource?.at, { path: 'config.ts', line: 1 });
  });

  it('zod descriptions spread into a sent schema (a local object, parts added to one) are prompts of the builder', async () => {
    const r = await scan('schema-spreads');
    const lines = file(r, 'schemas.ts').prompts.map((p) => p.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [5, 8, 10]);
  });

  it('a spread schema only used to validate input is not a prompt (trap)', async () => {
    const r = await scan('schema-spreads');
    assert.ok(!file(r, 'schemas.ts').prompts.some((p) => p.line === 15));
  });
});
