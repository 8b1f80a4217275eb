import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('text constants spliced into a sent prompt template with .replace', () => {
  it('the constants a ternary inserts, a template holding the replaced slot, and a ?? fallback literal are prompts', async () => {
    const r = await scan('spliced-constants');
    const spans = file(r, 'lib/prompts.ts').prompts.map((p) => `${p.line}-${p.endLine}`).sort();
    assert.deepEqual(spans, ['1-4', '10-12', '14-18', '6-8']);
    const fallback = file(r, 'agent/route.ts').prompts.find((p) => p.line === 9);
    assert.match(fallback?.preview ?? '', /No document yet/);
  });

  it('a UI string filled the same way in a function that sends no request is not a prompt (trap)', async () => {
    const r = await scan('spliced-constants');
    assert.equal(r.files.find((f) => f.path === 'lib/copy.ts')?.prompts.length ?? 0, 0);
    assert.equal(r.files.find((f) => f.path === 'ui/banner.ts')?.prompts.length ?? 0, 0);
  });

  it('a lone word a switch picks for the slot (a language name) is a value, not a prompt (trap); the template is', async () => {
    const r = await scan('spliced-constants');
    const lines = file(r, 'agent/route.ts').prompts.map((p) => p.line);
    assert.ok(lines.includes(14), `the port template (got ${lines.join(', ')})`);
    assert.ok(!lines.includes(19) && !lines.includes(22), `no language names (got ${lines.join(', ')})`);
  });
});
