import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { GITHUB_MARKER } from '../../../src/core/diff';
import type { DiffReport } from '../../../src/core/diff';
import { TEST_CATALOG } from '../report/catalog-fixture';
import { agentSource, cli, commit, git, makeRepo, writeFiles } from './git-fixture';

const OTHER = `import OpenAI from 'openai';
const c = new OpenAI();
export const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }], max_tokens: 50 });
`;

async function diffJson(args: string[], cwd: string): Promise<DiffReport> {
  const r = await cli(['diff', ...args, '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as DiffReport;
}

/** Everything about a repository a read-only command must leave as it was. */
function repoState(dir: string): string {
  const index = existsSync(join(dir, '.git', 'index')) ? createHash('sha1').update(readFileSync(join(dir, '.git', 'index'))).digest('hex') : 'none';
  return [
    git(dir, 'status', '--porcelain=v1', '--untracked-files=all', '--ignored'),
    git(dir, 'rev-parse', 'HEAD'),
    git(dir, 'symbolic-ref', 'HEAD'),
    git(dir, 'stash', 'list'),
    git(dir, 'for-each-ref'),
    git(dir, 'worktree', 'list', '--porcelain'),
    index,
  ].join('\n--\n');
}

describe('tokenomics diff', function () {
  this.timeout(60000);
  const repos: string[] = [];
  const repo = (files: Record<string, string>) => {
    const dir = makeRepo(files);
    repos.push(dir);
    return dir;
  };
  before(() => useCatalogForTests(TEST_CATALOG));
  after(() => {
    useCatalogForTests(undefined);
    for (const d of repos) rmSync(d, { recursive: true, force: true });
  });

  it('reports a model swap and a removed loop bound as changed sites, through a line shift, with reasons', async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }), 'src/other.ts': OTHER });
    commit(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1', headerLines: 3 }) });
    const report = await diffJson(['HEAD~1', 'HEAD'], dir);
    assert.equal(report.version, 1);
    assert.equal(report.command, 'diff');
    assert.equal(report.base.ref, 'HEAD~1');
    assert.equal(report.head.commit, git(dir, 'rev-parse', 'HEAD'));
    assert.deepEqual(
      report.sites.map((s) => [s.change, s.kind, s.path, s.line, s.baseLine]),
      [
        ['changed', 'loop', 'src/agent.ts', 10, 7],
        ['changed', 'call', 'src/agent.ts', 7, 4],
      ],
    );
    const [loop, call] = report.sites;
    assert.ok(loop.reasons.some((r) => /^loop bound removed \(8 → 25 assumed steps\)$/.test(r)), loop.reasons.join('; '));
    assert.deepEqual(call.reasons, ['model swap tiny → gpt-4.1']);
    assert.deepEqual(call.model, { base: 'tiny', head: 'gpt-4.1' });
    assert.ok(call.perUnit.head! > call.perUnit.base!);
    assert.ok(Math.abs(loop.monthly.delta!) >= Math.abs(call.monthly.delta!), 'ranked by the size of the monthly delta');
    assert.ok(Math.abs(call.monthly.delta! - (call.monthly.head! - call.monthly.base!)) < 1e-9);

    const all = await diffJson(['HEAD~1', 'HEAD', '--all'], dir);
    const unchanged = all.sites.filter((s) => s.change === 'unchanged');
    assert.deepEqual(unchanged.map((s) => [s.path, s.line]), [['src/other.ts', 3]]);
  });

  it("has totals equal to what `tokenomics scan` prints for each revision, and their difference as the delta", async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 4 }), 'src/other.ts': OTHER, 'AGENTS.md': 'Run the tests.\n', 'tokenomics.json': '{ "codingModel": "gpt-4.1" }' });
    const baseSha = git(dir, 'rev-parse', 'HEAD');
    const headSha = commit(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 12, prompt: 'Summarize this document carefully, citing every source you use.' }), 'src/other.ts': null });
    const report = await diffJson([baseSha, headSha], dir);
    const scanAt = async (sha: string) => {
      const clone = mkdtempSync(join(tmpdir(), 'tokenomics-diff-clone-'));
      repos.push(clone);
      git(tmpdir(), 'clone', '-q', dir, clone);
      git(clone, 'checkout', '-q', sha);
      const r = await cli(['scan', '--format', 'json'], clone);
      assert.equal(r.code, 0, r.err);
      return JSON.parse(r.out).totals;
    };
    const baseTotals = await scanAt(baseSha);
    const headTotals = await scanAt(headSha);
    assert.deepEqual(report.base.totals, baseTotals);
    assert.deepEqual(report.head.totals, headTotals);
    assert.equal(report.delta.monthlyCost.usd, headTotals.monthlyCost.usd - baseTotals.monthlyCost.usd);
    assert.ok(report.delta.monthlyCost.low <= report.delta.monthlyCost.usd && report.delta.monthlyCost.usd <= report.delta.monthlyCost.high);
    assert.equal(report.delta.percent, ((headTotals.monthlyCost.usd - baseTotals.monthlyCost.usd) / baseTotals.monthlyCost.usd) * 100);
    const changed = report.sites.find((s) => s.kind === 'call' && s.change === 'changed')!;
    assert.ok(changed.reasons.some((r) => /^prompt \+\d+ tokens$/.test(r)), changed.reasons.join('; '));
    assert.ok(report.sites.find((s) => s.kind === 'loop')!.reasons.includes('steps 4 → 12'));
    assert.deepEqual(report.sites.filter((s) => s.change === 'removed').map((s) => [s.path, s.basePath, s.baseLine]), [['src/other.ts', 'src/other.ts', 3]]);
  });

  it('follows a renamed file: moved and shifted sites are unchanged, and "No change to LLM cost" is said', async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }) });
    mkdirSync(join(dir, 'src', 'agents'));
    git(dir, 'mv', 'src/agent.ts', 'src/agents/review.ts');
    commit(dir, { 'src/agents/review.ts': agentSource({ callModel: 'tiny', loopBound: 8, headerLines: 2 }) });
    const report = await diffJson(['HEAD~1', 'HEAD'], dir);
    assert.deepEqual(report.sites, []);
    assert.equal(report.delta.monthlyCost.usd, 0);
    const md = await cli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir);
    assert.match(md.out, /^### No change to LLM cost$/m);
    const all = await diffJson(['HEAD~1', 'HEAD', '--all'], dir);
    assert.deepEqual(all.sites.map((s) => [s.change, s.path, s.basePath, s.line - s.baseLine!]), [
      ['unchanged', 'src/agents/review.ts', 'src/agent.ts', 2],
      ['unchanged', 'src/agents/review.ts', 'src/agent.ts', 2],
    ]);
  });

  it('lists added and removed sites with their monthly cost as the delta', async () => {
    const dir = repo({ 'src/other.ts': OTHER });
    commit(dir, { 'src/other.ts': null, 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 3 }) });
    const report = await diffJson(['HEAD~1', 'HEAD'], dir);
    const removed = report.sites.filter((s) => s.change === 'removed');
    const added = report.sites.filter((s) => s.change === 'added');
    assert.equal(removed.length, 1);
    assert.equal(added.length, 2);
    assert.equal(removed[0].monthly.delta, -removed[0].monthly.base!);
    for (const a of added) assert.deepEqual([a.basePath, a.baseLine, a.monthly.base, a.monthly.delta], [null, null, null, a.monthly.head]);
  });

  it('compares with the working tree by default (uncommitted and untracked files, not ignored ones) and leaves the repository exactly as it was', async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }), '.gitignore': 'src/ignored.ts\n', 'README.md': 'x\n' });
    // A stash, a staged change and an unstaged one, an untracked file and an ignored one.
    writeFiles(dir, { 'README.md': 'stashed\n' });
    git(dir, 'stash', '-q');
    writeFiles(dir, { 'README.md': 'staged\n' });
    git(dir, 'add', 'README.md');
    writeFiles(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 8 }), 'src/new.ts': OTHER, 'src/ignored.ts': OTHER });
    const before = repoState(dir);
    const report = await diffJson(['HEAD'], dir);
    assert.equal(repoState(dir), before);
    assert.equal(report.head.workingTree, true);
    assert.equal(report.head.ref, 'working tree');
    assert.deepEqual(report.sites.map((s) => [s.change, s.path]).sort(), [['added', 'src/new.ts'], ['changed', 'src/agent.ts']]);
    // And the table format says the same.
    const table = await cli(['diff', 'HEAD'], dir);
    assert.equal(table.code, 0, table.err);
    assert.match(table.out, /^LLM cost \+\$[\d,.]+ a month \(\+[\d.]+%\)$/m);
    assert.match(table.out, /changed\s+src\/agent\.ts:4\s+tiny → gpt-4\.1/);
    assert.equal(repoState(dir), before);
  });

  it('prints a pull-request comment: headline, ranked sites with before → after, reasons, the full list folded; github adds the marker', async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }) });
    commit(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1' }) });
    const md = await cli(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown'], dir);
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^### LLM cost \*\*\+\$[\d,.]+ a month \(\+\d+%\)\*\*$/m);
    assert.match(md.out, /\| changed \| `src\/agent\.ts:4` \| tiny → gpt-4\.1 \| \$[\d.]+ → \$[\d.]+\/call \| \$[\d.,]+ → \$[\d.,]+ \| \*\*\+\$[\d.,]+\*\* \| model swap tiny → gpt-4\.1 \|/);
    assert.match(md.out, /loop bound removed/);
    assert.match(md.out, /<details><summary>All 2 sites in this diff<\/summary>[\s\S]*<\/details>/);
    assert.ok(!md.out.startsWith(GITHUB_MARKER));
    const gh = await cli(['diff', 'HEAD~1', 'HEAD', '--format', 'github'], dir);
    assert.equal(gh.out.split('\n')[0], GITHUB_MARKER);
    assert.equal(gh.out.slice(GITHUB_MARKER.length + 1), md.out);
  });

  it('gates: exit 1 naming the offenders when the increase is over a limit, 0 otherwise', async () => {
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }), 'src/other.ts': OTHER });
    commit(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 8 }) });
    const report = await diffJson(['HEAD~1', 'HEAD'], dir);
    const delta = report.delta.monthlyCost.usd;
    assert.ok(delta > 0);
    const over = await cli(['diff', 'HEAD~1', 'HEAD', '--fail-on-increase', String(delta / 2)], dir);
    assert.equal(over.code, 1);
    assert.match(over.err, /monthly LLM cost rises by \+\$[\d.,]+, more than --fail-on-increase/);
    assert.match(over.err, /^ {2}src\/agent\.ts:4: \+\$[\d.,]+ a month \(model swap tiny → gpt-4\.1\)$/m);
    assert.match(over.out, /LLM cost \+/, 'the report is still printed');
    assert.equal((await cli(['diff', 'HEAD~1', 'HEAD', '--fail-on-increase', String(delta * 2)], dir)).code, 0);
    assert.equal((await cli(['diff', 'HEAD~1', 'HEAD', '--fail-on-increase-percent', String(report.delta.percent! - 1)], dir)).code, 1);
    assert.equal((await cli(['diff', 'HEAD~1', 'HEAD', '--fail-on-increase-percent', String(report.delta.percent! + 1)], dir)).code, 0);
    const site = await cli(['diff', 'HEAD~1', 'HEAD', '--fail-on-site-increase', '0.0001'], dir);
    assert.equal(site.code, 1);
    assert.match(site.err, /1 site rises by more than --fail-on-site-increase/);
    // A decrease never trips an increase gate.
    assert.equal((await cli(['diff', 'HEAD', 'HEAD~1', '--fail-on-increase', '0', '--fail-on-increase-percent', '0', '--fail-on-site-increase', '0'], dir)).code, 0);
  });

  it('exits 2 with one line for user errors: not a repository, unknown revision, missing base', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'tokenomics-not-a-repo-'));
    repos.push(plain);
    const notRepo = await cli(['diff', 'main'], plain);
    assert.equal(notRepo.code, 2);
    assert.match(notRepo.err, /^tokenomics diff: .* is not a git repository\n$/);
    const dir = repo({ 'a.ts': OTHER });
    const unknown = await cli(['diff', 'no-such-branch'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^tokenomics diff: unknown revision 'no-such-branch'.*\n$/);
    const viaRepo = await cli(['diff', 'HEAD', 'nope', '--repo', dir], plain);
    assert.equal(viaRepo.code, 2);
    assert.match(viaRepo.err, /unknown revision 'nope'/);
    assert.equal((await cli(['diff'], dir)).code, 2);
  });

  it('--path limits the diff to a folder; --config settings price both sides', async () => {
    const dir = repo({ 'svc/a.ts': agentSource({ callModel: 'tiny', loopBound: 2 }), 'other/b.ts': OTHER, 'settings.json': '{ "callsPerDay": 10 }' });
    commit(dir, { 'svc/a.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 2 }), 'other/b.ts': OTHER.replace("'gpt-4.1'", "'tiny'") });
    const report = await diffJson(['HEAD~1', 'HEAD', '--path', 'svc', '--config', join(dir, 'settings.json')], dir);
    assert.deepEqual(report.sites.map((s) => s.path), ['a.ts']);
    const call = report.sites[0];
    assert.ok(Math.abs(call.monthly.head! - call.perUnit.head! * 10 * 30) < 1e-9, 'both sides at 10 calls a day');
    assert.ok(Math.abs(call.monthly.base! - call.perUnit.base! * 10 * 30) < 1e-9);
  });

  it('reuses no temporary folder: none is left behind', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'tokenomics-tmpdir-'));
    repos.push(scratch);
    const dir = repo({ 'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }) });
    commit(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1' }) });
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      assert.equal((await cli(['diff', 'HEAD~1'], dir)).code, 0);
      assert.deepEqual(readdirSync(scratch), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
