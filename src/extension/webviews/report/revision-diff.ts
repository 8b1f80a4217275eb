/**
 * The Cost report's "vs REF" column, as the host launches it: the workspace folder against a
 * revision, compared in a scan process (revision-compare.ts runs `diffRevisions`, the engine of
 * `tokenomics diff`, there), so exporting and scanning both sides never runs on the extension
 * host's thread. The host forks, checks the answer, and says git's refusals in the view's words: a
 * folder that is not in a git repository, or a revision git does not know, is a one-line message.
 * On this thread only when the process script is not beside the bundle (sources run by tests).
 * No vscode: the host passes the scan settings it scanned with, so both columns agree.
 */
import { gitText } from '../../../node/git/run';
import type { ReportDiffSites } from '../../../node/report-row-deltas';
import { compareFolder } from '../../../node/revision-compare';
import { scanProcessScript, startDiffProcess, type DiffProcessOutcome } from '../../../node/scan-process-client';
import type { DiffRequest } from '../../../node/scan-process-protocol';

export type RevisionDiffResult = { readonly ok: true; readonly data: ReportDiffSites } | { readonly ok: false; readonly message: string };

/** A comparison under way, as the host stops it (a newer comparison, Stop comparing, the view closed). */
export class ComparisonRun {
  private stoppedAt?: number;
  private stopWork?: () => void;

  constructor(
    readonly ref: string,
    private readonly now: () => number = Date.now,
  ) {}

  get stopped(): boolean {
    return this.stoppedAt !== undefined;
  }

  /** Registers what stops the comparison's work now (kills its process); run at once when it was already stopped. */
  onStop(stop: () => void): void {
    this.stopWork = stop;
    if (this.stopped) stop();
  }

  /** Stops the comparison; false when it already was. */
  stop(): boolean {
    if (this.stopped) return false;
    this.stoppedAt = this.now();
    this.stopWork?.();
    return true;
  }

  /** The log line once the stopped comparison has returned: how long after the request its process was gone. */
  stoppedLine(): string {
    return `Cost report: the comparison with ${this.ref} was stopped; its process exited ${this.now() - (this.stoppedAt ?? this.now())} ms after the request`;
  }
}

export interface RevisionDiffHooks {
  /** The process started (its id and the priority it runs at, for the log). */
  readonly started?: (pid: number | undefined, priority: string) => void;
  /** Overrides the process script (tests); `null` compares on this thread. */
  readonly script?: string | null;
}

/**
 * Compares the folder `request.root` (as the view scanned it: working tree, untracked files
 * included) with `request.ref`. Only that folder is compared, also when the repository is larger.
 * Undefined when `run` was stopped; rejects with a one-line Error when the comparison failed.
 */
export async function diffFolderWith(request: DiffRequest, run = new ComparisonRun(request.ref), hooks: RevisionDiffHooks = {}): Promise<RevisionDiffResult | undefined> {
  const script = hooks.script === null ? undefined : (hooks.script ?? scanProcessScript());
  let outcome: DiffProcessOutcome;
  if (!script) {
    const answer = await compareFolder(request);
    outcome = answer.type === 'diff-result' ? { kind: 'diff', data: answer.data } : { kind: 'refused', message: answer.message };
  } else {
    const diff = startDiffProcess(request, script);
    hooks.started?.(diff.pid, diff.priority);
    run.onStop(() => diff.cancel());
    outcome = await diff.outcome;
  }
  if (run.stopped || outcome.kind === 'cancelled') return undefined;
  if (outcome.kind === 'refused') return { ok: false, message: userMessage(outcome.message, request.root, request.ref) };
  return { ok: true, data: outcome.data };
}

function userMessage(message: string, root: string, ref: string): string {
  if (/not a git repository|not inside a git work tree/.test(message)) return `No comparison with ${ref}: ${root} is not in a git repository.`;
  if (/unknown revision/.test(message)) return `No comparison with ${ref}: git does not know that revision here.`;
  return `No comparison with ${ref}: ${message}`;
}

/** Branches and tags to offer, most recently committed first; none outside a repository. */
export async function revisionsToOffer(root: string, limit = 30): Promise<string[]> {
  try {
    const text = await gitText(root, ['for-each-ref', '--sort=-committerdate', `--count=${limit}`, '--format=%(refname:short)', 'refs/heads', 'refs/tags']);
    return text.split('\n').filter((r) => r.trim() !== '');
  } catch {
    return [];
  }
}
