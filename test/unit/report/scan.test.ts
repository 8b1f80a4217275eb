import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scanPaths } from '../../../src/node/scan';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';

const AGENT = `import OpenAI from 'openai';
const c = new OpenAI();
export const ask = () => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
`;

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

describe('scanPaths', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('honours .gitignore at every level and exclude globs, and reports paths relative to the root', async () => {
    dir = workspace({
      '.gitignore': 'generated/\n',
      'src/agent.ts': AGENT,
      'src/.gitignore': 'legacy.ts\n',
      'src/legacy.ts': AGENT,
      'generated/agent.ts': AGENT,
      'vendor/agent.ts': AGENT,
      'node_modules/pkg/agent.ts': AGENT,
      'README.md': '# hi\n',
    });
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, exclude: ['vendor/**'] });
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['src/agent.ts'],
    );
    assert.equal(r.files[0].calls[0].line, 3);
    assert.equal(r.version, 1);
    assert.equal(r.skippedCounts.excluded, 4, 'generated/, src/legacy.ts, vendor/ and node_modules/');
    assert.equal(r.skippedCounts.unsupported, 3, 'README.md and the two .gitignore files');
  });

  it('skips binary, oversized and vanished files with a reason and goes on', async () => {
    dir = workspace({
      'a.ts': AGENT,
      'bin.py': Buffer.from([0x6f, 0x70, 0x65, 0x6e, 0x61, 0x69, 0x00, 0x01]),
      'big.ts': `// openai\n${'x'.repeat(5000)}\n`,
    });
    const r = await scanPaths([dir, join(dir, 'missing.ts')], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, maxFileBytes: 2000, root: dir });
    assert.deepEqual(
      r.skipped.map((s) => [s.path, s.reason]).sort(),
      [
        ['big.ts', 'too-large'],
        ['bin.py', 'binary'],
        ['missing.ts', 'vanished'],
      ],
    );
    assert.equal(r.totals.files, 1);
  });

  it('survives a symlink loop', async function () {
    dir = workspace({ 'pkg/a.ts': AGENT });
    try {
      symlinkSync(join(dir, 'pkg'), join(dir, 'pkg', 'self'), 'dir');
    } catch {
      this.skip(); // no symlinks on this file system
    }
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS });
    assert.deepEqual(
      r.files.map((f) => f.path),
      ['pkg/a.ts'],
    );
    assert.deepEqual(
      r.skipped.map((s) => [s.path, s.reason]),
      [['pkg/self', 'symlink-loop']],
    );
  });

  it('totals by model and file, and checks the monthly budget', async () => {
    dir = workspace({ 'a.ts': AGENT, 'AGENTS.md': 'Run the tests.\n' });
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: { ...TEST_ASSUMPTIONS, budgets: { monthlyUsd: 0.001 } } });
    assert.equal(r.totals.calls, 1);
    // The instruction file is priced in its own scope, not in the application's bill.
    assert.deepEqual(
      r.totals.byModel.map((m) => [m.model, m.sites]),
      [['gpt-4.1', 1]],
    );
    assert.deepEqual(
      r.totals.byScope?.map((b) => [b.scope, b.sites]),
      [
        ['runtime', 1],
        ['instructions', 1],
      ],
    );
    assert.deepEqual(
      r.budgetExceeded.map((b) => b.code),
      ['over-budget-monthly'],
    );
  });

  it('reads prompts that one file imports from another (relative imports, Python and TypeScript)', async () => {
    dir = workspace({
      'bot/prompts.py': 'SYSTEM_PROMPT = """You are a meticulous support agent. Answer from the manual only."""\n',
      'bot/agent.py':
        'from openai import OpenAI\nfrom .prompts import SYSTEM_PROMPT\nc = OpenAI()\nc.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n',
      'web/prompts.ts': "export const SYSTEM = 'You are a meticulous support agent. Answer from the manual only.';\n",
      'web/agent.ts':
        "import OpenAI from 'openai';\nimport { SYSTEM } from './prompts';\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'system', content: SYSTEM }] });\n",
    });
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS });
    const calls = r.files.flatMap((f) => f.calls.map((c) => ({ path: f.path, c })));
    assert.deepEqual(
      calls.map(({ path, c }) => [path, c.assumed.filter((a) => a.includes('imported'))]),
      [
        ['bot/agent.py', ['SYSTEM_PROMPT: text imported from .prompts']],
        ['web/agent.ts', ['SYSTEM: text imported from ./prompts']],
      ],
    );
    // The same text, counted: both files agree, and it is not the assumed placeholder size.
    assert.equal(calls[0].c.inputTokens, calls[1].c.inputTokens);
    assert.ok(calls[0].c.inputTokens < TEST_ASSUMPTIONS.placeholderTokens, `${calls[0].c.inputTokens} counted, not ${TEST_ASSUMPTIONS.placeholderTokens} assumed`);
  });

  it('reports progress and stops when cancelled', async () => {
    dir = workspace({ 'a.ts': AGENT, 'b.ts': AGENT, 'c.ts': AGENT });
    const seen: number[] = [];
    const r = await scanPaths([dir], { catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS }, (p) => seen.push(p.done), () => seen.length >= 2);
    assert.equal(r.cancelled, true);
    assert.ok(r.files.length < 3);
  });
});
