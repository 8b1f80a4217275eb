/**
 * Where the Cost report scan runs: in a process of its own (src/node/scan-process.ts), so that the
 * memory a scan of a large workspace takes goes back to the system when it ends instead of staying
 * in the extension host, and Cancel stops it by killing it. The host gets the report's summary
 * (scan-summary.ts: the view's rows and totals, the models named) and the whole report stays in
 * the request's file until Export reads it. On this process only when the process script is not
 * beside the bundle (sources run by tests), with the same summary and file. No `vscode`:
 * unit-tested with a ScanRun.
 */
import { resolveModel } from '../../../core/catalog';
import { scanPaths, type ScanProgress } from '../../../node/scan';
import { scanProcessScript, startScanProcess } from '../../../node/scan-process-client';
import type { ScanRequest } from '../../../node/scan-process-protocol';
import { summarizeScan, type ScanSummary } from '../../../node/scan-summary';
import type { ScanRun } from './scan-run';

export interface ReportScanHooks {
  readonly progress: (p: ScanProgress) => void;
  /** The scan process started (its id and the priority it runs at, for the log). */
  readonly started?: (pid: number | undefined, priority?: string) => void;
  /** Overrides the process script (tests); `null` runs the scan on this thread. */
  readonly script?: string | null;
}

/** The report's summary, or undefined when the run was cancelled or superseded. Rejects with a one-line Error. */
export async function runReportScan(request: ScanRequest, run: ScanRun, hooks: ReportScanHooks): Promise<ScanSummary | undefined> {
  const script = hooks.script === null ? undefined : (hooks.script ?? scanProcessScript());
  if (!script) {
    const report = await scanPaths(request.paths, { ...request, resolveModel }, hooks.progress, () => run.cancelled);
    return run.cancelled || report.cancelled ? undefined : summarizeScan(report, request.reportFile, request.folders ?? []);
  }
  const scan = startScanProcess(request, hooks.progress, script);
  hooks.started?.(scan.pid, scan.priority);
  run.onStop(() => scan.cancel());
  const outcome = await scan.outcome;
  return outcome.kind === 'report' && !run.cancelled ? outcome.summary : undefined;
}
