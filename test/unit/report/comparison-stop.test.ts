/**
 * The Cost report's comparison when a new scan starts (src/extension/webviews/report/comparison.ts):
 * the comparison still running is stopped (its scan process killed, logged) and the page is told,
 * so it never stays at "Comparing…" when that scan is then cancelled; a late result is dropped;
 * comparing again afterwards works. With a fake runner for the order of messages, and with the
 * real scan process on a temporary git repository.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveModel } from '../../../src/core/catalog';
import { ReportComparison, stoppedByScanMessage, type ComparisonHost } from '../../../src/extension/webviews/report/comparison';
import type { ComparisonRun, RevisionDiffResult } from '../../../src/extension/webviews/report/revision-diff';
import { ReportRowStore } from '../../../src/node/report-row-store';
import { scanPaths } from '../../../src/node/scan';
import type { DiffRequest } from '../../../src/node/scan-process-protocol';
import { summarizeScan } from '../../../src/node/scan-summary';
import type { ReportHostMessage } from '../../../src/webview/protocol/report';
import { makeRepo } from '../diff/git-fixture';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';
import { alive } from './process-alive';

const AGENT = (i: number) => `import OpenAI from 'openai';
const c = new OpenAI();
export const ask${i} = (q: string) => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: q }], max_tokens: ${20 + i} });
`;

function requestFor(root: string) {
  return (ref: string): DiffRequest => ({ root, ref, catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true });
}

/** What the page would show in its diff line after these messages: the last word on the comparison. */
function diffLineAfter(posted: readonly ReportHostMessage[]): string | undefined {
  return posted.filter((m) => m.type.startsWith('diff')).at(-1)?.type;
}

function recordingHost(extra: Partial<ComparisonHost> & Pick<ComparisonHost, 'request'>) {
  const posted: ReportHostMessage[] = [];
  const log: string[] = [];
  const host: ComparisonHost = { post: (m) => posted.push(m), info: (l) => log.push(l), error: (l) => log.push(`ERROR ${l}`), shownRows: () => undefined, ...extra };
  return { host, posted, log };
}

describe('Cost report comparison: a new scan stops it', () => {
  it('stops the running comparison, logs it, and tells the page; its late result is dropped', async () => {
    let finish!: (r: RevisionDiffResult | undefined) => void;
    let seen: ComparisonRun | undefined;
    const { host, posted, log } = recordingHost({
      request: requestFor('/tmp/ws'),
      // A runner that, like a process killed too late, still answers after the stop.
      run: (_request, run) => {
        seen = run;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const comparison = new ReportComparison(host);
    const running = comparison.compare('HEAD');
    assert.equal(diffLineAfter(posted), 'diffing');
    assert.ok(comparison.isRunning);

    comparison.scanStarted();
    assert.equal(seen?.stopped, true, 'the comparison’s work is stopped (its process killed)');
    assert.equal(comparison.isRunning, false);
    assert.deepEqual(posted.at(-1), { type: 'diffStopped', ref: 'HEAD', message: stoppedByScanMessage('HEAD') });
    assert.ok(log.includes('Cost report: stopping the comparison with HEAD (a new scan started): its process is killed'), log.join('\n'));

    // The scan is then cancelled (the host posts `cancelled` and nothing about the comparison): the page's last word is not "Comparing…".
    finish({ ok: false, message: 'late' });
    await running;
    assert.equal(diffLineAfter(posted), 'diffStopped');
    assert.equal(posted.filter((m) => m.type === 'diffError').length, 0, 'the late answer of the stopped comparison is dropped');
  });

  it('a scan with no comparison running says nothing about comparisons', async () => {
    const { host, posted, log } = recordingHost({ request: requestFor('/tmp/ws'), run: async () => ({ ok: false, message: 'No comparison with HEAD: no.' }) });
    const comparison = new ReportComparison(host);
    comparison.scanStarted();
    await comparison.compare('HEAD');
    comparison.scanStarted();
    assert.deepEqual(
      posted.map((m) => m.type),
      ['diffing', 'diffError'],
    );
    assert.ok(!log.some((l) => l.includes('stopping')));
  });
});

describe('Cost report comparison: a new scan stops the real scan process', function () {
  this.timeout(180_000);
  let dir = '';
  let reports = '';
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (reports) rmSync(reports, { recursive: true, force: true });
  });

  it('kills the comparison’s process, the page is told, and comparing again gives the comparison', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`pkg${i % 10}/agent${i}.ts`] = AGENT(i);
    dir = makeRepo(files);
    reports = mkdtempSync(join(tmpdir(), 'tokenomics-comparison-stop-'));
    const scanned = await scanPaths([dir], { root: dir, cwd: dir, catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, resolveModel, respectGitignore: true });
    const rows = new ReportRowStore((await summarizeScan(scanned, join(reports, 'report.json'), ['ws'])).rows);

    const { host, posted, log } = recordingHost({ request: requestFor(dir), shownRows: () => rows });
    const comparison = new ReportComparison(host);
    // The process's id, from the host's log line as the comparison starts it.
    const pidLogged = () => Number(/^Cost report: scan process (\d+) started to compare with HEAD/.exec(log.find((l) => l.includes('started to compare')) ?? '')?.[1]);
    const running = comparison.compare('HEAD');
    const pid = pidLogged();
    assert.ok(pid > 0 && alive(pid), `the comparison runs in its scan process: ${log.join('\n')}`);

    comparison.scanStarted();
    await running;
    assert.ok(!alive(pid), 'its process is gone');
    assert.deepEqual(
      posted.map((m) => m.type),
      ['diffing', 'diffStopped'],
    );
    assert.ok(log.some((l) => /^Cost report: the comparison with HEAD was stopped; its process exited \d+ ms after the request$/.test(l)), log.join('\n'));

    // "Compare again" (or the scan's report): the comparison runs to its end and the page gets it.
    await comparison.compare('HEAD');
    assert.equal(diffLineAfter(posted), 'diff');
    assert.equal(comparison.deltas?.summary.ref, 'HEAD');
    assert.deepEqual(comparison.deltas?.summary.counts, { added: 0, changed: 0, unchanged: 200, removed: 0 });
  });
});
