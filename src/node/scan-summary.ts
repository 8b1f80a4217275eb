/**
 * What the editor keeps of a finished Cost report scan: the rows and totals the view shows (built
 * by the core's `siteCosts` through the view model, the same figures `tokenomics scan` prints), the
 * models the report's sites name (for "Set an assumption → Model"), and the path of a file that
 * holds the whole report (the ScanResult, contract v1), read back only when the user exports it.
 * The scan process builds it where the report already is, so the extension host never holds (or
 * parses) the full report of a large workspace: a 10,000-file report is 24 MB of JSON, its rows a
 * fraction of it. Plain data: it crosses the scan process's JSON channel.
 */
import { promises as fs } from 'node:fs';
import type { ScanResult } from './scan';
import type { ReportData } from '../webview/protocol/report';
import { reportData } from '../extension/webviews/report/view-model';
import { mentionsInReport, type ModelMention } from '../extension/commands/repository-models';

export interface ScanSummary {
  /** The Cost report view's data; `elapsedMs` is the scan's own time (the host may put its wall time in). */
  readonly view: ReportData;
  /** Every model the report's sites name, defaults left out (repository-models.ts). */
  readonly models: readonly ModelMention[];
  /** The whole report as JSON: what Export renders, byte for byte as `tokenomics scan` would. */
  readonly reportFile: string;
  /** Files analysed, and how many of them have sites (the log line). */
  readonly files: number;
  readonly filesWithSites: number;
}

/** Writes the report to `reportFile` and returns what the host keeps of it. */
export async function summarizeScan(report: ScanResult, reportFile: string, folders: readonly string[], elapsedMs = 0): Promise<ScanSummary> {
  await fs.writeFile(reportFile, JSON.stringify(report), { encoding: 'utf8', mode: 0o600 });
  return {
    view: reportData(report, folders, elapsedMs),
    models: report.files.flatMap((f) => mentionsInReport(f)),
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
