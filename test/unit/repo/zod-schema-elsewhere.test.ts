import * as assert from 'node:assert/strict';
import { file, scan } from './fixture-scan';

describe('zod schemas sent as tools or structured output, declared in another file', () => {
  it('an imported schema (through a barrel re-export with an alias) bound as a tool is a prompt of its file and part of the request', async () => {
    const r = await scan('zod-schema-elsewhere');
    const prompts = file(r, 'agent/schemas.ts').prompts;
    assert.equal(prompts.length, 1);
    assert.equal(prompts[0].kind, 'tool-description');
    assert.deepEqual([prompts[0].line, prompts[0].endLine], [3, 8]);
    assert.match(prompts[0].preview, /File a support ticket/);
    const call = file(r, 'agent/triage.ts').calls.find((c) => c.line === 12);
    assert.deepEqual(call?.loadedPrompts, [{ path: 'agent/schemas.ts', line: 3 }]);
  });

  it('a schema of the same file given to withStructuredOutput has its descriptions read', async () => {
    const r = await scan('zod-schema-elsewhere');
    const lines = file(r, 'agent/triage.ts').prompts.filter((p) => p.kind === 'tool-description').map((p) => p.line);
    assert.ok(lines.includes(6) && lines.includes(7), `descriptions at 6 and 7 (got ${lines.join(', ')})`);
  });

  it('a described zod schema nothing sends (form validation) is not a prompt (trap)', async () => {
    const r = await scan('zod-schema-elsewhere');
    assert.equal(r.files.find((f) => f.path === 'forms/signup.ts')?.prompts.length ?? 0, 0);
  });
});
