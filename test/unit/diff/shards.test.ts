import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { shardOf } from '../../../src/core/report/shards';
import { TEST_CATALOG } from '../report/catalog-fixture';
import { agentSource, cli, writeFiles } from './git-fixture';

const EXAMPLES = join(__dirname, '..', '..', '..', '..', 'examples');

/** The JSON of every shard i/n of a scan, each written to a file; returns the files. */
async function shardFiles(cwd: string, n: number, out: string, extra: string[] = []): Promise<string[]> {
  const files: string[] = [];
  for (let i = 1; i <= n; i++) {
    const r = await cli(['scan', '--shard', `${i}/${n}`, '--format', 'json', ...extra], cwd);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    const file = join(out, `shard-${i}-of-${n}.json`);
    writeFileSync(file, r.out);
    files.push(file);
  }
  return files;
}

describe('scan --shard i/n and merge', function () {
  this.timeout(120000);
  let out = '';
  let fixture = '';
  before(() => {
    useCatalogForTests(TEST_CATALOG);
    out = mkdtempSync(join(tmpdir(), 'tokenomics-shards-'));
    fixture = mkdtempSync(join(tmpdir(), 'tokenomics-shard-fixture-'));
    writeFiles(fixture, {
      'web/prompts.ts': "export const SYSTEM = 'You are a meticulous support agent. Answer from the manual only.';\n",
      'web/agent.ts': "import OpenAI from 'openai';\nimport { SYSTEM } from './prompts';\nconst c = new OpenAI();\nc.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'system', content: SYSTEM }] });\n",
      'bot/prompts.py': 'SYSTEM_PROMPT = """You are a meticulous support agent. Answer from the manual only."""\n',
      'bot/agent.py': 'from openai import OpenAI\nfrom .prompts import SYSTEM_PROMPT\nc = OpenAI()\nc.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": SYSTEM_PROMPT}])\n',
      'a/b/c/loop.ts': agentSource({ callModel: 'tiny' }),
      'a/b.ts': agentSource({ callModel: 'no-price', loopBound: 3 }),
      'a.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 9 }),
      'z/AGENTS.md': 'Run the tests before committing.\n',
      'notes.txt': 'not analysed',
      'tokenomics.json': '{ "codingModel": "gpt-4.1", "budgets": { "monthlyUsd": 1, "perTaskUsd": 0.0001 }, "maxFileSizeKb": 1 }',
    });
    writeFileSync(join(fixture, 'big.ts'), `// ${'x'.repeat(3000)}\n`);
    writeFileSync(join(fixture, 'blob.py'), Buffer.from([0, 1, 2, 3]));
  });
  after(() => {
    useCatalogForTests(undefined);
    rmSync(out, { recursive: true, force: true });
    rmSync(fixture, { recursive: true, force: true });
  });

  for (const [name, dir, extra, bundled] of [
    ['examples/ (bundled catalog)', () => EXAMPLES, [], true],
    ['a fixture with imports across shards, skipped files, unpriced sites and budgets', () => fixture, ['--max-file-size', '1'], false],
  ] as const) {
    it(`merged shards print exactly what one scan prints: ${name}`, async () => {
      const cwd = dir();
      if (bundled) useCatalogForTests(undefined);
      try {
        for (const format of ['json', 'table', 'markdown', 'csv', 'sarif']) {
          const one = await cli(['scan', '--format', format, ...extra], cwd);
          if (!bundled && format === 'json') {
            // The fixture has what a merge must put back in place: skipped files, unpriced sites, budgets over.
            const r = JSON.parse(one.out);
            assert.equal(one.code, 1);
            assert.deepEqual(r.skipped.map((x: { reason: string }) => x.reason).sort(), ['binary', 'too-large']);
            assert.ok(r.budgetExceeded.some((b: { code: string }) => b.code === 'over-budget-monthly'));
            assert.ok(r.budgetExceeded.some((b: { code: string }) => b.code === 'over-budget-task'));
            assert.ok(r.totals.unpricedSites > 0);
          }
          for (const n of [1, 2, 3, 5]) {
            const files = await shardFiles(cwd, n, out, [...extra]);
            const merged = await cli(['merge', ...files.reverse(), '--format', format], cwd);
            assert.equal(merged.code, one.code, merged.err);
            assert.equal(merged.out, one.out, `${format}, ${n} shards`);
            // Budget findings are named the same way; settings warnings are the scan's alone (merge reads no settings).
            const budgetLines = (err: string, command: string) => err.split('\n').filter((l) => !l.includes('tokenomics.json')).join('\n').replace(new RegExp(`^tokenomics ${command}:`, 'gm'), '');
            assert.equal(budgetLines(merged.err, 'merge'), budgetLines(one.err, 'scan'));
          }
        }
      } finally {
        useCatalogForTests(TEST_CATALOG);
      }
    });
  }

  it('each shard reports only its own files, yet resolves prompts imported from files of other shards', async () => {
    const n = [2, 3, 4, 5, 6, 7].find((k) => shardOf('web/agent.ts', k) !== shardOf('web/prompts.ts', k))!;
    assert.ok(n, 'some shard count separates the agent from its prompts');
    const reports = [];
    for (let i = 1; i <= n; i++) reports.push(JSON.parse((await cli(['scan', '--shard', `${i}/${n}`, '--format', 'json', '--max-file-size', '1'], fixture)).out));
    const paths = reports.flatMap((r) => r.files.map((f: { path: string }) => f.path));
    assert.equal(new Set(paths).size, paths.length, 'no file in two shards');
    for (const [i, r] of reports.entries()) for (const f of r.files) assert.equal(shardOf(f.path, n), i + 1);
    const agentShard = reports[shardOf('web/agent.ts', n) - 1];
    const agent = agentShard.files.find((f: { path: string }) => f.path === 'web/agent.ts');
    assert.ok(!agentShard.files.some((f: { path: string }) => f.path === 'web/prompts.ts'));
    assert.deepEqual(agent.calls[0].assumed.filter((a: string) => a.includes('imported')), ['SYSTEM: text imported from ./prompts']);
  });

  it('splits paths evenly and stably', () => {
    const paths = Array.from({ length: 4000 }, (_, i) => `src/module-${i % 37}/file-${i}.ts`);
    const counts = new Array(8).fill(0);
    for (const p of paths) counts[shardOf(p, 8) - 1]++;
    for (const c of counts) assert.ok(c > 400 && c < 600, `uneven split: ${counts.join(', ')}`);
    assert.deepEqual(paths.map((p) => shardOf(p, 8)), paths.map((p) => shardOf(p, 8)));
    assert.ok(paths.every((p) => shardOf(p, 1) === 1));
  });

  it('refuses shards that do not make one scan, and a malformed --shard', async () => {
    const files = await shardFiles(EXAMPLES, 3, out);
    const missing = await cli(['merge', files[0], files[2]], EXAMPLES);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^tokenomics merge: missing shard 2\/3\n$/);
    const twice = await cli(['merge', files[0], files[1], files[1], files[2]], EXAMPLES);
    assert.match(twice.err, /shard 2\/3 is given twice/);
    const other = await shardFiles(fixture, 3, join(out, '..'), ['--max-file-size', '1']);
    try {
      const mixed = await cli(['merge', files[0], files[1], other[2]], EXAMPLES);
      assert.equal(mixed.code, 2);
      assert.match(mixed.err, /from another scan/);
    } finally {
      for (const f of other) rmSync(f, { force: true });
    }
    const whole = join(out, 'whole.json');
    writeFileSync(whole, (await cli(['scan', '--format', 'json'], EXAMPLES)).out);
    assert.match((await cli(['merge', whole], EXAMPLES)).err, /is not a shard/);
    for (const bad of ['0/3', '4/3', '2', 'a/b']) {
      const r = await cli(['scan', '--shard', bad], EXAMPLES);
      assert.equal(r.code, 2);
      assert.match(r.err, /--shard expects I\/N/);
    }
  });
});
