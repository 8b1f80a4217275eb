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
    // The headline is the runtime scope's sites, with the range of its assumed inputs; the instruction file is listed apart.
    assert.match(r.out, /Total: \$[\d,.]+ \([\d,.]+–[\d,.]+\) a month \(runtime code\)\./);
    assert.match(r.out, /Not in the total: coding-agent instruction files \$[\d,.]+ .*a month \(1 site\)/);
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
    assert.equal(lines[0], 'site,kind,framework,model,steps,input,per unit,per month,notes,scope');
    // The headline's sites first, then the ones listed apart.
    assert.match(lines[1], /^src\/loop\.ts:4,.*,runtime$/);
    assert.match(lines[2], /^AGENTS\.md:1,.*,instructions \(apart\)$/);
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

  it('carries low and high beside usd in every per-call, per-task, monthly and total price of the JSON', async () => {
    const report = JSON.parse((await run(['scan', '--format', 'json'], dir)).out);
    const file = report.files.find((f: { path: string }) => f.path === 'src/loop.ts');
    for (const price of [file.agentLoops[0].costPerTask, file.monthlyCost, report.totals.monthlyCost]) {
      assert.equal(price.kind, 'priced');
      assert.ok(price.low < price.usd && price.usd < price.high, JSON.stringify(price));
    }
    // The call's max_tokens (100) is under the assumed 500: the output sits at the cap, which is also its high.
    const call = file.calls[0].costPerCall;
    assert.ok(call.low < call.usd && call.usd === call.high, JSON.stringify(call));
    assert.equal(report.files.find((f: { path: string }) => f.path === 'AGENTS.md').scope, 'instructions');
    assert.equal(file.scope, 'runtime');
  });

  it('--budget-on high checks budgets against the high end of the range', async () => {
    const report = JSON.parse((await run(['scan', '--format', 'json'], dir)).out);
    const task = report.files.find((f: { path: string }) => f.path === 'src/loop.ts').agentLoops[0].costPerTask;
    const between = ((task.usd + task.high) / 2).toFixed(6);
    assert.equal((await run(['scan', '--budget-per-task', between], dir)).code, 0, 'the expected figure is under the budget');
    const high = await run(['scan', '--budget-per-task', between, '--budget-on', 'high'], dir);
    assert.equal(high.code, 1);
    assert.match(high.err, /src\/loop\.ts:4: \$[\d.]+ per task \(the high end of its range\) is over/);
    assert.equal((await run(['scan', '--budget-on', 'worst'], dir)).code, 2);
  });

  it('keeps tests, examples and instruction files out of the total unless asked, and lists them apart', async () => {
    for (const rel of ['tests/agent.test.ts', 'examples/demo.ts']) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), LOOP);
    }
    const usdOf = async (...args: string[]) => JSON.parse((await run(['scan', '--format', 'json', ...args], dir)).out).totals;
    const runtime = await usdOf();
    assert.deepEqual(runtime.scopes, ['runtime']);
    assert.deepEqual(
      runtime.byScope.map((b: { scope: string; sites: number }) => [b.scope, b.sites]),
      [
        ['runtime', 1],
        ['test', 1],
        ['example', 1],
        ['instructions', 1],
      ],
    );
    const loopOnly = runtime.byScope[0].monthlyCost.usd;
    assert.equal(runtime.monthlyCost.usd, loopOnly, 'the headline is the runtime scope alone');
    const withTests = await usdOf('--include-scope', 'test');
    assert.deepEqual(withTests.scopes, ['runtime', 'test']);
    assert.ok(Math.abs(withTests.monthlyCost.usd - 2 * loopOnly) < 1e-9, 'the test file repeats the loop: twice the runtime total');
    const all = await usdOf('--all-scopes');
    assert.equal(all.scopes.length, 6);
    assert.ok(all.monthlyCost.usd > withTests.monthlyCost.usd);
    const table = (await run(['scan'], dir)).out;
    assert.match(table, /Not in the total: tests \$[^;]+ a month \(1 site\); examples \$[^;]+ a month \(1 site\); coding-agent instruction files .* --include-scope test,example,instructions or --all-scopes\./);
    assert.equal((await run(['scan', '--include-scope', 'tests'], dir)).code, 2, 'an unknown scope is a usage error');
  });

  it('reads "$X a month priced, plus N unpriced sites" with the sites named, and never $0 when nothing is priced', async () => {
    writeFileSync(join(dir, 'src/unknown.ts'), LOOP.replace("'gpt-4.1'", "'gpt-9-ultra'"));
    const both = await run(['scan'], dir);
    assert.match(both.out, /Total: \$[\d,.]+ \([^)]*\) a month priced \(runtime code\), plus 1 unpriced site: src\/unknown\.ts:4 \(gpt-9-ultra\)\./);
    const json = JSON.parse((await run(['scan', '--format', 'json'], dir)).out);
    assert.equal(json.totals.monthlyCost.kind, 'priced');
    assert.deepEqual(json.totals.unpriced, [{ path: 'src/unknown.ts', line: 4, siteId: json.totals.unpriced[0].siteId, model: 'gpt-9-ultra' }]);

    rmSync(join(dir, 'src/loop.ts'));
    const none = await run(['scan'], dir);
    assert.match(none.out, /Total: nothing priced in runtime code; 1 unpriced site: src\/unknown\.ts:4 \(gpt-9-ultra\)\./);
    assert.doesNotMatch(none.out, /Total: \$0\b/);
    assert.equal(JSON.parse((await run(['scan', '--format', 'json'], dir)).out).totals.monthlyCost.kind, 'unpriced');
  });

  it('rejects an unknown format with a usage error (exit 2)', async () => {
    const r = await run(['scan', '--format', 'xml'], dir);
    assert.equal(r.code, 2);
  });
});
