import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('TypeScript prompt constants nothing sends', () => {
  it('an exported prompt constant no file imports or uses is not reported; one imported, or used in its own module, is', async () => {
    const r = await scan('ts-unsent-prompts');
    const lines = file(r, 'src/prompts.ts').prompts.map((p) => p.line);
    assert.ok(lines.includes(1), `USED_PROMPT is imported and sent (got ${lines.join(', ')})`);
    assert.ok(lines.includes(5), `LOCAL_PROMPT is spliced by its own module (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(3), 'UNUSED_PROMPT is mentioned nowhere else');
  });
});
