/**
 * The Cost report's comparison with a revision ("vs REF"), as the view's host runs it: one
 * comparison at a time in its scan process (revision-diff.ts), its late results dropped, its
 * stops logged, and the page always told where the comparison went. No `vscode`: the host passes
 * how to post to the page, log, build the request and run it; unit-tested with a fake runner and
 * with the real scan process.
 *
 * Why a new scan stops a running comparison: both would scan the workspace in processes of their
 * own on the same cores, and the comparison's columns are aligned with the report being replaced,
 * so its result could only be dropped. Killing it frees the cores for the scan; the page is told
 * (`diffStopped`), because a comparison that simply vanished would leave it at "Comparing…" for
 * good when the new scan is then cancelled or fails (no report, so nothing runs it again).
 */
import { ReportRowDeltas } from '../../../node/report-row-deltas';
import type { ReportRowStore } from '../../../node/report-row-store';
import type { DiffRequest } from '../../../node/scan-process-protocol';
import type { ReportHostMessage } from '../../../webview/protocol/report';
import { ComparisonRun, diffFolderWith, type RevisionDiffHooks, type RevisionDiffResult } from './revision-diff';

export interface ComparisonHost {
  readonly post: (message: ReportHostMessage) => void;
  readonly info: (line: string) => void;
  readonly error: (line: string, err: unknown) => void;
  /** The request for `ref` on the settings the shown report was scanned with; undefined: no folder to compare. */
  readonly request: (ref: string) => DiffRequest | undefined;
  /** The shown report's rows (the comparison becomes columns of them); undefined before the first report. */
  readonly shownRows: () => ReportRowStore | undefined;
  /** Runs the comparison (tests: a fake or a process script of their own); `diffFolderWith` by default. */
  readonly run?: (request: DiffRequest, run: ComparisonRun, hooks: RevisionDiffHooks) => Promise<RevisionDiffResult | undefined>;
}

/** What the page says when a new scan stopped the comparison with `ref` (it adds what happens next). */
export function stoppedByScanMessage(ref: string): string {
  return `The comparison with ${ref} was stopped: a new scan started.`;
}

export class ReportComparison {
  /** The comparison's result, as columns of the shown report's rows (sent with each page). */
  private shownDeltas?: ReportRowDeltas;
  /** Bumped by every comparison, clear and scan: a late result of an older one is dropped. */
  private generation = 0;
  /** The comparison running in its scan process: stopped (killed) by a newer one, a new scan, Stop comparing, the view closing. */
  private running?: ComparisonRun;

  constructor(private readonly host: ComparisonHost) {}

  get deltas(): ReportRowDeltas | undefined {
    return this.shownDeltas;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** The shown comparison no longer applies (a new report, another revision, off): dropped, and any late result with it. */
  clear(): void {
    this.shownDeltas = undefined;
    this.generation++;
  }

  /** The workspace against `ref`, in a scan process; a comparison already running is stopped first. */
  async compare(ref: string): Promise<void> {
    const request = this.host.request(ref);
    if (!request) return;
    const generation = ++this.generation;
    this.stop(`a newer comparison with ${ref}`);
    const run = (this.running = new ComparisonRun(ref));
    this.host.post({ type: 'diffing', ref });
    const started = Date.now();
    const runner = this.host.run ?? diffFolderWith;
    try {
      const result = await runner(request, run, { started: (pid, priority) => this.host.info(`Cost report: scan process ${pid ?? '(no id)'} started to compare with ${ref}, ${priority}`) });
      if (!result) {
        this.host.info(run.stoppedLine());
        return;
      }
      if (generation !== this.generation) return;
      if (!result.ok) {
        this.host.info(`Cost report: ${result.message}`);
        this.host.post({ type: 'diffError', ref, message: result.message });
        return;
      }
      const rows = this.host.shownRows();
      if (!rows) return;
      // Kept as columns of the shown rows; the page gets the summary and asks for its rows again (with their deltas).
      this.shownDeltas = new ReportRowDeltas(result.data, rows);
      const summary = this.shownDeltas.summary;
      this.host.info(`Cost report: compared with ${ref} (${summary.commit}) in ${Date.now() - started} ms: ${summary.headline}`);
      this.host.post({ type: 'diff', data: summary });
    } catch (err) {
      if (generation !== this.generation) return;
      this.host.error(`Cost report: the comparison with ${ref} failed`, err);
      this.host.post({ type: 'diffError', ref, message: `The comparison with ${ref} failed; see the Tokenomics log.` });
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  /**
   * A new scan started: a comparison still running is stopped (its process killed, logged) and the
   * page is told, so it never stays at "Comparing…". The scan runs the comparison again when it
   * shows its report; the page offers to compare again if it does not (cancelled, failed).
   */
  scanStarted(): void {
    const run = this.running;
    if (!run) return;
    this.generation++;
    this.stop('a new scan started');
    this.host.post({ type: 'diffStopped', ref: run.ref, message: stoppedByScanMessage(run.ref) });
  }

  /** Kills the running comparison's process, and says so in the log. */
  stop(why: string): void {
    const run = this.running;
    this.running = undefined;
    if (run?.stop()) this.host.info(`Cost report: stopping the comparison with ${run.ref} (${why}): its process is killed`);
  }
}
