/**
 * The Cost report's "Compare with revision" in the scan process (src/node/revision-compare.ts, driven
 * by src/extension/webviews/report/revision-diff.ts): the `diff` request's contract, the same deltas
 * as `tokenomics diff` on a temporary git repository, git's refusals in the view's words, Stop kills
 * the process, and a malformed answer is one clear error. Runs the compiled script for real.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import type { DiffReport } from '../../../src/core/diff';
import { ComparisonRun, diffFolderWith } from '../../../src/extension/webviews/report/revision-diff';
import { readEnvironment } from '../../../src/node/environment';
import { reportDiffSites } from '../../../src/node/revision-compare';
import { scanProcessScript, startDiffProcess } from '../../../src/node/scan-process-client';
import { diffRequestProblem, isScanProcessMessage, type DiffRequest } from '../../../src/node/scan-process-protocol';
import { siteDiffKey } from '../../../src/webview/protocol/report';
import { agentSource, cli, makeRepo, writeFiles } from '../diff/git-fixture';
import { TEST_CATALOG } from './catalog-fixture';
import { alive } from './process-alive';

const OTHER = `import OpenAI from 'openai';
const c = new OpenAI();
export const ask = (q: string) => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }], max_tokens: 50 });
`;

/** The request the host builds for `root`, on the settings `tokenomics diff` reads there (the same loader as the editor's). */
function request(root: string, ref = 'HEAD'): DiffRequest {
  const env = readEnvironment(TEST_CATALOG, join(root, 'tokenomics.json'), false);
  return { root, ref, catalog: env.catalog, assumptions: env.assumptions, exclude: [...env.config.exclude], maxFileBytes: 1024 * 1024, respectGitignore: true };
}

const summary = { ref: 'HEAD', commit: 'abc1234', delta: { usd: -3, percent: -10 }, headline: 'LLM cost −$3.00 a month (−10%)', counts: { added: 1, changed: 0, unchanged: 0, removed: 1 } };
const goodData = {
  summary,
  sites: { 'a.ts:3:call': { change: 'added', monthlyDelta: 2, monthlyBase: null, reasons: ['new site'] } },
  removed: [{ path: 'b.ts', line: 4, kind: 'loop', monthlyBase: 5, reasons: ['site removed'] }],
};

describe('Compare with revision in the scan process: the diff contract', () => {
  it('accepts a well-formed comparison and git’s refusal, and nothing half-formed', () => {
    assert.ok(isScanProcessMessage({ type: 'diff-result', data: goodData }));
    assert.ok(isScanProcessMessage({ type: 'diff-result', data: { ...goodData, summary: { ...summary, delta: { usd: 0, percent: null } } } }));
    assert.ok(isScanProcessMessage({ type: 'diff-refused', message: "unknown revision 'x'" }));
    const bad = [
      { type: 'diff-result' },
      { type: 'diff-result', data: { ...goodData, summary: undefined } },
      { type: 'diff-result', data: { ...goodData, sites: { k: { change: 'moved', monthlyDelta: 1, monthlyBase: 1, reasons: [] } } } },
      { type: 'diff-result', data: { ...goodData, sites: { k: { change: 'added', monthlyDelta: Number.NaN, monthlyBase: null, reasons: [] } } } },
      { type: 'diff-result', data: { ...goodData, sites: { k: { change: 'added', monthlyDelta: 1, monthlyBase: null, reasons: [3] } } } },
      { type: 'diff-result', data: { ...goodData, removed: [] } },
      { type: 'diff-result', data: { ...goodData, removed: [{ ...goodData.removed[0], kind: 'file' }] } },
      { type: 'diff-result', data: { ...goodData, summary: { ...summary, delta: { usd: 1, percent: 'x' } } } },
      { type: 'diff-refused' },
      { type: 'diff', request: request('/tmp/x') },
    ];
    for (const m of bad) assert.equal(isScanProcessMessage(m), false, JSON.stringify(m));
  });

  it('says what is wrong with a malformed diff request, and nothing about a good one', () => {
    const good = request('/tmp/x');
    assert.equal(diffRequestProblem({ type: 'diff', request: good }), undefined);
    assert.equal(diffRequestProblem({ type: 'diff', request: { ...good, ref: ' ' } }), 'the diff request names no revision');
    assert.equal(diffRequestProblem({ type: 'diff', request: { ...good, root: '' } }), 'the diff request names no folder');
    assert.equal(diffRequestProblem({ type: 'diff', request: { ...good, catalog: undefined } }), 'the diff request has no catalog');
    assert.equal(diffRequestProblem({ type: 'scan', request: good }), 'expected a diff request');
    assert.deepEqual(JSON.parse(JSON.stringify(good)), good, 'the request survives the JSON channel unchanged');
  });
});

describe('Compare with revision in the scan process: against `tokenomics diff`', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  before(() => useCatalogForTests(TEST_CATALOG));
  after(() => {
    useCatalogForTests(undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('gives the view exactly the deltas, totals and headline the CLI prints for the same folder and revision', async () => {
    const dir = makeRepo({
      'src/agent.ts': agentSource({ callModel: 'tiny', loopBound: 8 }),
      'src/other.ts': OTHER,
      'src/old.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 3, prompt: 'Old task.' }),
    });
    dirs.push(dir);
    // The working tree: a model swap under a line shift, a file deleted, an untracked file added.
    writeFiles(dir, { 'src/agent.ts': agentSource({ callModel: 'gpt-4.1', loopBound: 8, headerLines: 2 }), 'src/old.ts': null, 'src/new.ts': OTHER.replace("'gpt-4.1'", "'tiny'") });

    let pid: number | undefined;
    const viaProcess = await diffFolderWith(request(dir), undefined, { started: (p) => (pid = p) });
    assert.ok(pid !== undefined && !alive(pid), 'it ran in a process that has exited');
    assert.ok(viaProcess?.ok, `the comparison ran: ${JSON.stringify(viaProcess)}`);
    const view = viaProcess.data;

    const json = await cli(['diff', 'HEAD', '--all', '--format', 'json'], dir);
    assert.equal(json.code, 0, json.err);
    const printed = JSON.parse(json.out) as DiffReport;
    // Everything the view shows, shaped from the CLI's own report, is what the process sent.
    assert.deepEqual(view, reportDiffSites(printed, 'HEAD'));
    // And figure by figure, so a shaping that dropped or rounded one would show here.
    assert.equal(view.summary.delta.usd, printed.delta.monthlyCost.usd);
    assert.equal(view.summary.delta.percent, printed.delta.percent);
    for (const s of printed.sites) {
      if (s.change === 'removed') assert.ok(view.removed.some((r) => r.path === s.path && r.line === s.line && r.monthlyBase === s.monthly.base), `${s.path}:${s.line} removed`);
      else assert.equal(view.sites[siteDiffKey(s)]?.monthlyDelta, s.monthly.delta, siteDiffKey(s));
    }
    // The test can fail: the comparison has every kind of change and a non-zero total.
    assert.deepEqual(
      Object.entries(view.summary.counts).map(([k, n]) => [k, n > 0]),
      [
        ['added', true],
        ['changed', true],
        ['unchanged', true],
        ['removed', true],
      ],
    );
    assert.notEqual(view.summary.delta.usd, 0);
    assert.equal(view.summary.commit, printed.base.commit!.slice(0, 7));

    // The table the CLI prints heads with the same headline as the view's.
    const table = await cli(['diff', 'HEAD'], dir);
    assert.equal(table.code, 0, table.err);
    assert.ok(table.out.includes(view.summary.headline), `${view.summary.headline} in:\n${table.out}`);
    // On this thread (no process script) the host gets the same.
    assert.deepEqual(await diffFolderWith(request(dir), undefined, { script: null }), viaProcess);
  });

  it('says git’s refusals in the view’s words, through the process as on this thread', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'tokenomics-nogit-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'a.ts'), OTHER);
    const repo = makeRepo({ 'src/other.ts': OTHER });
    dirs.push(repo);
    for (const script of [undefined, null]) {
      assert.deepEqual(await diffFolderWith(request(outside), undefined, { script }), { ok: false, message: `No comparison with HEAD: ${outside} is not in a git repository.` });
      assert.deepEqual(await diffFolderWith(request(repo, 'no-such-branch'), undefined, { script }), { ok: false, message: 'No comparison with no-such-branch: git does not know that revision here.' });
    }
  });
});

describe('Compare with revision in the scan process: stop and failures', function () {
  this.timeout(120_000);
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('Stop kills the process: no result, the process is gone, the log line says when', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`pkg${i % 10}/agent${i}.ts`] = OTHER.replace('ask', `ask${i}`);
    dir = makeRepo(files);
    let now = 1_000;
    const run = new ComparisonRun('HEAD', () => now);
    let pid: number | undefined;
    const result = diffFolderWith(request(dir), run, { started: (p) => (pid = p) });
    assert.ok(pid !== undefined && alive(pid), 'the process runs');
    assert.equal(run.stop(), true);
    assert.equal(run.stop(), false, 'a second stop does nothing');
    now += 25;
    assert.equal(await result, undefined);
    assert.ok(!alive(pid));
    assert.equal(run.stoppedLine(), 'Cost report: the comparison with HEAD was stopped; its process exited 25 ms after the request');
  });

  it('a comparison stopped before its process started is killed as soon as it is', async () => {
    dir = makeRepo({ 'a.ts': OTHER });
    const run = new ComparisonRun('HEAD');
    run.stop();
    let pid: number | undefined;
    assert.equal(await diffFolderWith(request(dir), run, { started: (p) => (pid = p) }), undefined);
    assert.ok(pid !== undefined && !alive(pid));
  });

  it('a malformed answer, or an answer to another request, is one clear error and the process is killed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-diff-process-'));
    // A scan's valid answer (as scan-process.test.ts builds it) is still not an answer to a comparison.
    const rows = { rowsFile: '/tmp/r.rows.jsonl', sites: Object.fromEntries(['offset', 'length', 'siteId', 'path', 'line', 'column', 'kind', 'scope', 'model', 'framework', 'monthlyUsd', 'perUnitUsd'].map((c) => [c, [] as unknown[]])), paths: [], models: [], frameworks: [], files: { offset: [], length: [] } };
    const scanResult = { type: 'result', summary: { view: { siteCount: 0, totals: {}, folders: [] }, rows, models: [], reportFile: '/tmp/r.json', files: 0, filesWithSites: 0 } };
    assert.ok(isScanProcessMessage(scanResult));
    const answers = [{ type: 'diff-result', data: { summary: 'x' } }, { type: 'progress', done: 1, total: 2 }, scanResult];
    for (const [i, answer] of answers.entries()) {
      const script = join(dir, `liar${i}.js`);
      writeFileSync(script, `process.once('message', () => process.send(${JSON.stringify(answer)}, () => setTimeout(() => process.exit(0), 5000)));\n`);
      const started = Date.now();
      await assert.rejects(diffFolderWith(request(dir), undefined, { script }), /^Error: the scan process sent a message the editor does not understand$/);
      assert.ok(Date.now() - started < 4000, 'killed, not waited for');
    }
  });

  it('a malformed diff request is answered with what is wrong, and the process exits', async () => {
    const bad = { ...request('/tmp'), ref: '' };
    await assert.rejects(startDiffProcess(bad).outcome, /^Error: the diff request names no revision$/);
  });

  it('finds the process script next to the compiled module', () => {
    assert.ok(scanProcessScript(), 'out/src/node/scan-process.js');
  });
});
