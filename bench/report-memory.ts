/**
 * What the extension host pays for a finished Cost report scan, before and after the view got its
 * rows a page at a time (`npm run bench:memory`, the last section). One real scan of the folder in
 * the scan process gives both shapes of its result: the summary the process sends now (the view's
 * header, the rows' index, the models counted: report-rows.ts) and the one it sent before (every
 * row of the view and every model mention), rebuilt from the same report by the same view model.
 * Each is then received in a fresh process over a real IPC channel from a child that sends it, as
 * the scan process sends it, and posted as the host posts it to the view (VS Code serialises a
 * webview message to JSON): before, all the rows; now, the header and the first page of rows read
 * from the rows file. Printed: the bytes of each, and the host's RSS right after the post, its
 * high-water mark, and what stays after a GC, over the process before the result arrived.
 */
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog } from '../src/extension/core-api';
import { countMentions, mentionsInReport } from '../src/extension/commands/repository-models';
import { reportData } from '../src/extension/webviews/report/view-model';
import { ReportFiles } from '../src/extension/webviews/report/report-files';
import { ReportRowStore } from '../src/node/report-row-store';
import { startScanProcess } from '../src/node/scan-process-client';
import type { ScanRequest } from '../src/node/scan-process-protocol';
import { readReportFile, type ScanSummary } from '../src/node/scan-summary';
import { DEFAULT_SITE_SORT } from '../src/webview/protocol/report';
import { mb, settle } from './memory-util';

type Mode = 'before' | 'now';

interface Held {
  readonly afterPostMb: number;
  readonly peakMb: number;
  readonly startPeakMb: number;
  readonly settledMb: number;
  readonly heapMb: number;
  readonly postedBytes: number;
}


/** Lines for the bench's output: sizes, then the host's memory for each shape. */
export async function reportHolding(folder: string, request: (reportFile: string) => ScanRequest): Promise<string[]> {
  const files = new ReportFiles();
  try {
    const reportFile = files.next();
    const outcome = await startScanProcess(request(reportFile)).outcome;
    if (outcome.kind !== 'report') throw new Error('the scan did not finish');
    const now = outcome.summary;
    const whole = await readReportFile(reportFile);
    // The summary as the scan process sent it before this change: the view's data with every row, every mention.
    const before = { view: reportData(whole, ['bench'], 0), models: whole.files.flatMap((f) => mentionsInReport(f)), reportFile, files: now.files, filesWithSites: now.filesWithSites };
    const sent = { before: join(reportFile, '..', 'before.json'), now: join(reportFile, '..', 'now.json') };
    writeFileSync(sent.before, JSON.stringify(before));
    writeFileSync(sent.now, JSON.stringify(now));
    const lines = [
      `the scan's result for ${folder}: ${now.view.siteCount} site rows, ${now.view.fileCount} per-file totals, ${before.models.length} model mentions (${countMentions(before.models).length} models)`,
      `  sent by the scan process: before ${kb(sent.before)} (every row), now ${kb(sent.now)} (header, rows' index, models counted); rows file ${kb(now.rows.rowsFile)}`,
    ];
    for (const mode of ['before', 'now'] as const) {
      const r = await holdInFreshProcess(mode, sent[mode]);
      const what = mode === 'before' ? 'before: every row received, kept, posted' : 'now: header + index kept, first page posted';
      lines.push(`  ${what.padEnd(46)} posted ${(r.postedBytes / 1e6).toFixed(2)} MB; host RSS after the post +${r.afterPostMb} MB, high-water +${r.peakMb} MB (before the result +${r.startPeakMb}), after a GC +${r.settledMb} MB (heap +${r.heapMb} MB)`);
    }
    return lines;
  } finally {
    files.dispose();
  }
}

function kb(file: string): string {
  return `${(readFileSync(file).length / 1e6).toFixed(2)} MB`;
}

function holdInFreshProcess(mode: Mode, file: string): Promise<Held> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--hold', mode, file], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolvePromise(m as Held));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`holding ${mode} exited ${code}`))));
  });
}

/** The result as it arrives from the scan process: over an IPC channel, from a child that sends it. */
function receiveOverIpc(file: string): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--send', file], { serialization: 'json' });
    child.once('message', resolvePromise);
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`sender exited ${code}`))));
  });
}

async function hold(mode: Mode, file: string): Promise<void> {
  getBundledCatalog();
  await settle();
  const start = process.memoryUsage();
  const startPeak = process.resourceUsage().maxRSS * 1024;
  let summary: ScanSummary | undefined = (await receiveOverIpc(file)) as ScanSummary;
  let kept: unknown;
  let posted: string[];
  if (mode === 'before') {
    const old = summary as unknown as { view: object };
    kept = old;
    posted = [JSON.stringify({ type: 'report', data: { ...old.view, elapsedMs: 1 } })];
  } else {
    const store = new ReportRowStore(summary.rows);
    const view = summary.view;
    kept = { view, store };
    const rows = await store.query({ id: 1, text: '', model: '', kind: '', sort: DEFAULT_SITE_SORT, pages: {}, filesPage: 0 }, view.totals.scopes ?? []);
    posted = [JSON.stringify({ type: 'report', data: { ...view, elapsedMs: 1 } }), JSON.stringify({ type: 'rows', data: rows })];
  }
  summary = undefined;
  // VS Code's RPC to the renderer carries a message as bytes.
  const buffers = posted.map((p) => Buffer.from(p));
  const afterPost = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  const postedBytes = buffers.reduce((n, b) => n + b.length, 0);
  posted = [];
  buffers.length = 0;
  await settle();
  const after = process.memoryUsage();
  process.send?.({ afterPostMb: mb(afterPost - start.rss), peakMb: mb(peak - start.rss), startPeakMb: mb(startPeak - start.rss), settledMb: mb(after.rss - start.rss), heapMb: mb(after.heapUsed - start.heapUsed), postedBytes } satisfies Held);
  void kept;
}

async function send(file: string): Promise<void> {
  const message = JSON.parse(readFileSync(file, 'utf8')) as object;
  await new Promise<void>((resolvePromise) => process.send?.(message, undefined, {}, () => resolvePromise()));
}

if (require.main === module && (process.argv[2] === '--hold' || process.argv[2] === '--send')) {
  const run = process.argv[2] === '--hold' ? hold(process.argv[3] as Mode, process.argv[4]) : send(process.argv[3]);
  run.then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
