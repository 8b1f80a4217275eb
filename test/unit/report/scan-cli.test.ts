import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import type { CliIo } from '../../../src/cli/command';
import { main } from '../../../src/cli/main';
import { TEST_CATALOG } from './catalog-fixture';

const LOOP = `import OpenAI from 'openai';
const c = new OpenAI();
export async function run() {
  while (true) {
    const r = await c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 100 });
    if (!r.choices[0].message.tool_calls) return r;
  }
}
`;

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd, readStdin: async () => '' };
  const code = await main(args, io);
  return { code, out, err };
}

describe('tokenomics scan', () => {
  let dir = '';
  before(() => useCatalogForTests(TEST_CATALOG));
  after(() => useCatalogForTests(undefined));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-cli-'));
    const files = { 'src/loop.ts': LOOP, 'AGENTS.md': 'Run the tests before committing.\n', 'tokenomics.json': '{ "codingModel": "gpt-4.1" }' };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a table by default and exits 0', async () => {
    const r = await run(['scan'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /src\/loop\.ts:4\s+agent loop\s+hand-written\s+gpt-4\.1\s+25/);
    assert.match(r.out, /AGENTS\.md:1\s+instructions/);
    assert.match(r.out, /Total: \$[\d,.]+ a month\./);
    assert.equal(r.err, '', 'quiet on stderr when it is not a terminal');
  });

  it('prints the JSON contract, version 1, with relative paths and 1-based lines', async () => {
    const r = await run(['scan', '.', '--format', 'json'], dir);
    const report = JSON.parse(r.out);
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'tokenomics');
    assert.deepEqual(
      report.files.map((f: { path: string }) => f.path),
      ['AGENTS.md', 'src/loop.ts'],
    );
    const loop = report.files[1].agentLoops[0];
    assert.deepEqual([loop.line, loop.column, loop.bounded, loop.stepsFrom], [4, 3, false, 'assumed']);
  });

  it('prints SARIF 2.1.0 with an unbounded-loop alert at the loop', async () => {
    const r = await run(['scan', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const [result] = sarif.runs[0].results;
    assert.equal(result.ruleId, 'unbounded-loop');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'src/loop.ts', uriBaseId: '%SRCROOT%' });
    assert.equal(result.locations[0].physicalLocation.region.startLine, 4);
  });

  it('prints Markdown and CSV', async () => {
    const md = await run(['scan', '--format', 'markdown'], dir);
    assert.match(md.out, /^\| site \| kind \|/m);
    const csv = await run(['scan', '--format', 'csv'], dir);
    const lines = csv.out.trim().split(/\r?\n/);
    assert.equal(lines[0], 'site,kind,framework,model,steps,input,per unit,per month,notes');
    assert.equal(lines.length, 3);
  });

  it('exits 1 and names the offenders when a budget is exceeded', async () => {
    const r = await run(['scan', '--budget-per-task', '0.0001', '--budget-monthly', '0.01', '--calls-per-day', '5'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /2 budgets exceeded/);
    assert.match(r.err, /src\/loop\.ts:4: \$[\d.]+ per task is over the \$0\.0001 budget per task/);
    assert.match(r.err, /per month \(at 5 calls or tasks per site per day\) is over the \$0\.01 monthly budget/);
  });

  it('reads tokenomics.json at the root and reports its problems on stderr without stopping', async () => {
    writeFileSync(join(dir, 'tokenomics.json'), '{ "codingModel": "gpt-4.1", "callsPerDay": 1, "unboundedSteps": 2, "outputTokens": "many" }');
    const r = await run(['scan', '--format', 'json'], dir);
    assert.equal(r.code, 0);
    assert.match(r.err, /tokenomics\.json.*outputTokens/);
    const report = JSON.parse(r.out);
    assert.equal(report.assumptions.callsPerDay, 1);
    assert.equal(report.files[1].agentLoops[0].maxSteps, 2);
  });

  it('rejects an unknown format with a usage error (exit 2)', async () => {
    const r = await run(['scan', '--format', 'xml'], dir);
    assert.equal(r.code, 2);
  });
});
