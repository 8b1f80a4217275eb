/**
 * What the editor keeps of a finished Cost report scan: the view's header (totals and counts, the
 * core's figures), the index of its rows (report-rows.ts: the rows themselves, built by the core's
 * `siteCosts` through the view model, the same figures `tokenomics scan` prints, are in a rows
 * file the host reads a page at a time), the models the report's sites name, each once with its
 * count (for "Set an assumption → Model"), and the path of a file that holds the whole report
 * (the ScanResult, contract v1), read back only when the user exports it. The scan process builds
 * it where the report already is, so the extension host never holds (or parses) the full report
 * of a large workspace (24 MB of JSON for 10,000 files) nor its rows (5.5 MB: they were sent and
 * kept whole before). Plain data: it crosses the scan process's JSON channel.
 */
import { promises as fs } from 'node:fs';
import type { ScanResult } from './scan';
import type { ReportHeader } from '../webview/protocol/report';
import { modelsOfSites, reportData } from '../extension/webviews/report/view-model';
import { countMentions, mentionsInReport, type ModelMention } from '../extension/commands/repository-models';
import { reportHeader, rowsFileFor, writeReportRows, type ReportRowIndex } from './report-rows';

export interface ScanSummary {
  /** The Cost report view's header; `elapsedMs` is the scan's own time (the host may put its wall time in). */
  readonly view: ReportHeader;
  /** Where the view's rows are (their file) and what the host filters, sorts and pages them by. */
  readonly rows: ReportRowIndex;
  /** Every model the report's sites name, defaults left out, once each with its count (repository-models.ts). */
  readonly models: readonly ModelMention[];
  /** The whole report as JSON: what Export renders, byte for byte as `tokenomics scan` would. */
  readonly reportFile: string;
  /** Files analysed, and how many of them have sites (the log line). */
  readonly files: number;
  readonly filesWithSites: number;
}

/** Writes the report to `reportFile`, its view's rows beside it, and returns what the host keeps of them. */
export async function summarizeScan(report: ScanResult, reportFile: string, folders: readonly string[], elapsedMs = 0): Promise<ScanSummary> {
  await fs.writeFile(reportFile, JSON.stringify(report), { encoding: 'utf8', mode: 0o600 });
  const view = reportData(report, folders, elapsedMs);
  return {
    view: reportHeader(view, modelsOfSites(view.sites)),
    rows: await writeReportRows(view, rowsFileFor(reportFile)),
    models: countMentions(report.files.flatMap((f) => mentionsInReport(f))),
    reportFile,
    files: report.totals.files,
    filesWithSites: report.files.length,
  };
}

/** The whole report back from its file (Export). Rejects when the file is gone or is not a report. */
export async function readReportFile(reportFile: string): Promise<ScanResult> {
  const report = JSON.parse(await fs.readFile(reportFile, 'utf8')) as ScanResult;
  if (typeof report !== 'object' || report === null || !Array.isArray(report.files) || typeof report.totals !== 'object') {
    throw new Error(`${reportFile} does not hold a scan report`);
  }
  return report;
}
