import * as assert from 'node:assert/strict';
import { file, scan } from '../repo/fixture-scan';

describe('zod descriptions of an inline tool in a request tool map (AI SDK v4 `tools: { x: { parameters: z.object(…) } }`)', () => {
  it('reads the chained `.describe()` of the tool parameters, and not the one of a form schema never sent', async () => {
    const r = await scan('ts-inline-tool-map');
    const prompts = file(r, 'src/chat.ts').prompts.map((p) => p.line);
    assert.ok(prompts.includes(22), `the parameter description is a prompt (got lines ${prompts.join(', ')})`);
    assert.ok(!prompts.includes(8), 'the form schema description is not a prompt');
  });
});
