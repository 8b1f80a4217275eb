/**
 * The Cost report's scan process: the message contract, and the process's lifecycle as the editor
 * drives it (the report equals the in-process scan's, Cancel kills it, a crash or a bad request
 * ends in one clear line). Runs the compiled script (out/src/node/scan-process.js) for real.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { resolveModel } from '../../../src/core/catalog';
import { scanPaths, type ScanProgress } from '../../../src/node/scan';
import { scanProcessScript, startScanProcess } from '../../../src/node/scan-process-client';
import { isScanProcessMessage, oneLine, scanRequestProblem, type ScanRequest } from '../../../src/node/scan-process-protocol';
import { readReportFile, type ScanSummary } from '../../../src/node/scan-summary';
import { countMentions, mentionsInReport } from '../../../src/extension/commands/repository-models';
import { modelsOfSites, reportData } from '../../../src/extension/webviews/report/view-model';
import { reportHeader } from '../../../src/node/report-rows';
import { ReportRowStore } from '../../../src/node/report-row-store';
import { runReportScan } from '../../../src/extension/webviews/report/scan-launch';
import { ScanRun } from '../../../src/extension/webviews/report/scan-run';
import { TEST_ASSUMPTIONS, TEST_CATALOG } from './catalog-fixture';
import { alive } from './process-alive';

const EXAMPLES = resolve(__dirname, '../../../../examples');

/** Where the processes of these tests write their reports. */
const REPORTS = mkdtempSync(join(tmpdir(), 'tokenomics-scan-reports-'));
let reportCount = 0;
after(() => rmSync(REPORTS, { recursive: true, force: true }));

function request(root: string, extra: Partial<ScanRequest> = {}): ScanRequest {
  const reportFile = join(REPORTS, `report-${++reportCount}.json`);
  return { paths: [root], root, cwd: root, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true, jobs: 1, catalog: TEST_CATALOG, assumptions: TEST_ASSUMPTIONS, reportFile, ...extra };
}

function summaryOf(outcome: { kind: string; summary?: ScanSummary }): ScanSummary {
  assert.equal(outcome.kind, 'report');
  return outcome.summary!;
}

/** The report as the JSON contract writes it, without what may differ between two runs. */
function comparable(r: object): string {
  const { timing: _t, ...rest } = r as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** A workspace big enough that a scan is still running when the first progress arrives. */
function manyAgents(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const path = join(dir, `pkg${i % 10}`, `agent${i}.ts`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `import OpenAI from 'openai';\nconst c = new OpenAI();\nexport const ask${i} = () => c.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Task ${i}' }], max_tokens: ${10 + i} });\n`);
  }
}

describe('scan process: message contract', () => {
  it('accepts the three messages the process sends and nothing else', () => {
    assert.ok(isScanProcessMessage({ type: 'progress', done: 3, total: 10, current: 'a.ts' }));
    assert.ok(isScanProcessMessage({ type: 'failed', message: 'x' }));
    const rows = { rowsFile: '/tmp/r.rows.jsonl', sites: Object.fromEntries(['offset', 'length', 'siteId', 'path', 'line', 'column', 'kind', 'scope', 'model', 'framework', 'monthlyUsd', 'perUnitUsd'].map((c) => [c, [] as unknown[]])), paths: [], models: [], frameworks: [], files: { offset: [], length: [] } };
    const summary = { view: { siteCount: 0, totals: {}, folders: [] }, rows, models: [], reportFile: '/tmp/r.json', files: 0, filesWithSites: 0 };
    assert.ok(isScanProcessMessage({ type: 'result', summary }));
    const noFile = { ...summary, reportFile: undefined };
    const noRows = { ...summary, rows: undefined };
    // The rows' index must cover every site the header counts.
    const shortIndex = { ...summary, view: { ...summary.view, siteCount: 3 } };
    // The whole report is never what the process sends.
    const wholeReport = { type: 'result', report: { files: [], totals: {} } };
    for (const bad of [null, 'progress', { type: 'progress', done: -1, total: 2 }, { type: 'progress', done: 1.5, total: 2 }, wholeReport, { type: 'result', summary: noFile }, { type: 'result', summary: noRows }, { type: 'result', summary: shortIndex }, { type: 'failed' }, { type: 'scan' }]) {
      assert.equal(isScanProcessMessage(bad), false, JSON.stringify(bad));
    }
  });

  it('says what is wrong with a malformed request, and nothing about a good one', () => {
    const good = { type: 'scan', request: request('/tmp/x') };
    assert.equal(scanRequestProblem(good), undefined);
    assert.equal(scanRequestProblem({ type: 'scan', request: { ...good.request, catalog: undefined } }), 'the scan request has no catalog');
    assert.equal(scanRequestProblem({ type: 'scan', request: { ...good.request, paths: [] } }), 'the scan request names no paths');
    assert.equal(scanRequestProblem({ type: 'scan', request: { ...good.request, reportFile: '' } }), 'the scan request names no report file');
    assert.equal(scanRequestProblem({ type: 'scan', request: { ...good.request, folders: [3] } }), 'the scan request has malformed folder names');
    assert.equal(scanRequestProblem({ type: 'other' }), 'expected a scan request');
  });

  it('the request survives the JSON channel unchanged', () => {
    const r = request('/tmp/x', { headlineScopes: ['runtime'], folders: ['x'] });
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  });

  it('an error becomes its first non-empty line', () => {
    assert.equal(oneLine(new Error('\nENOENT: no such file\n    at x (y.js:1:1)')), 'ENOENT: no such file');
  });
});

describe('scan process: lifecycle', function () {
  this.timeout(60_000);
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('finds the process script next to the compiled module', () => {
    assert.ok(scanProcessScript(), 'out/src/node/scan-process.js');
  });

  it('writes the same report as the in-process scan to its file, sends its summary, and streams progress to the last file', async () => {
    const seen: ScanProgress[] = [];
    const scan = startScanProcess(request(EXAMPLES, { folders: ['examples'] }), (p) => seen.push(p));
    const pid = scan.pid!;
    const summary = summaryOf(await scan.outcome);
    const inProcess = await scanPaths([EXAMPLES], { ...request(EXAMPLES), resolveModel });
    assert.ok(inProcess.files.length >= 4);
    assert.equal(comparable(await readReportFile(summary.reportFile)), comparable(inProcess));
    // What the host keeps is the view's header, its rows' index and the models, built by the same functions from the same report.
    const view = JSON.parse(JSON.stringify(reportData(inProcess, ['examples'], 0))) as ReturnType<typeof reportData>;
    assert.deepEqual(summary.view, reportHeader(view, modelsOfSites(view.sites)));
    assert.deepEqual(await new ReportRowStore(summary.rows).allRows(), view.sites, 'the rows file holds the view’s rows, in its order');
    assert.deepEqual(summary.models, countMentions(inProcess.files.flatMap((f) => mentionsInReport(f))));
    assert.ok(summary.models.length > 0, 'examples/ names models');
    assert.deepEqual([summary.files, summary.filesWithSites], [inProcess.totals.files, inProcess.files.length]);
    assert.ok(seen.length > 0 && seen.at(-1)!.done === seen.at(-1)!.total, 'the final count arrives');
    assert.equal(alive(pid), false, 'the process has exited');
  });

  it('gives the same report with detection workers inside the process', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    manyAgents(dir, 60);
    const summary = summaryOf(await startScanProcess(request(dir, { jobs: 2 })).outcome);
    const inProcess = await scanPaths([dir], { ...request(dir, { jobs: 0 }), resolveModel });
    assert.equal(inProcess.files.length, 60);
    assert.equal(comparable(await readReportFile(summary.reportFile)), comparable(inProcess));
    assert.equal(summary.view.siteCount, 60);
    assert.equal((await new ReportRowStore(summary.rows).allRows()).length, 60);
  });

  it('Cancel kills the process: the outcome is cancelled, no report, the process is gone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    manyAgents(dir, 300);
    let scan: ReturnType<typeof startScanProcess> | undefined;
    let progressAfterCancel = 0;
    let cancelledAt: number | undefined;
    scan = startScanProcess(request(dir, { jobs: 1 }), (p) => {
      if (cancelledAt !== undefined) progressAfterCancel++;
      else if (p.done < p.total) {
        cancelledAt = p.done;
        scan!.cancel();
      }
    });
    const pid = scan.pid!;
    assert.deepEqual(await scan.outcome, { kind: 'cancelled' });
    assert.notEqual(cancelledAt, undefined, 'a progress message came before the end');
    assert.equal(progressAfterCancel, 0, 'nothing is reported after the cancel');
    assert.equal(alive(pid), false);
    assert.equal(scan.pid, undefined);
  });

  it('through the report view run: Cancel stops the process and the run returns no report', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    manyAgents(dir, 300);
    const run = new ScanRun();
    let pid: number | undefined;
    const result = runReportScan(request(dir), run, {
      started: (p) => (pid = p),
      progress: (p) => {
        if (run.progress(p) && p.done > 0) run.cancel();
      },
    });
    assert.equal(await result, undefined);
    assert.ok(pid !== undefined && !alive(pid));
    assert.match(run.stoppedLine(), /^Cost report: scan cancelled at \d+ of 300 files; stopped \d+ ms after the request$/);
  });

  it('a newer scan (supersede) kills the older one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    manyAgents(dir, 300);
    const run = new ScanRun();
    let pid: number | undefined;
    const result = runReportScan(request(dir), run, { started: (p) => (pid = p), progress: () => run.supersede() });
    assert.equal(await result, undefined);
    assert.ok(pid !== undefined && !alive(pid));
  });

  it('a crash ends in one line that says how the process ended and its last words', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    const crashing = join(dir, 'crash.js');
    writeFileSync(crashing, "process.stderr.write('warming up\\nFATAL ERROR: heap out of memory\\n'); process.exit(3);\n");
    await assert.rejects(startScanProcess(request(EXAMPLES), undefined, crashing).outcome, (err: Error) => {
      assert.equal(err.message, 'the scan process exited with code 3 before it finished: FATAL ERROR: heap out of memory');
      return true;
    });
  });

  it('a process killed from outside is a failure, not a cancel', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-scan-process-'));
    manyAgents(dir, 300);
    let killed = false;
    const scan = startScanProcess(request(dir), (p) => {
      if (killed || p.done === 0 || !scan.pid) return;
      killed = true;
      process.kill(scan.pid, 'SIGKILL');
    });
    await assert.rejects(scan.outcome, /^Error: the scan process was killed \(SIGKILL\) before it finished$/);
  });

  it('a malformed request is answered with what is wrong, and the process exits', async () => {
    const bad = { ...request(EXAMPLES), catalog: undefined } as unknown as ScanRequest;
    await assert.rejects(startScanProcess(bad).outcome, /^Error: the scan request has no catalog$/);
  });

  it('a missing script is a clear error before anything starts', () => {
    assert.throws(() => startScanProcess(request(EXAMPLES), undefined, ''), /scan process script \(scan-process\.js\) is missing/);
  });
});
