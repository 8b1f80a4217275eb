/**
 * The host's side of the scan process (src/node/scan-process.ts): forks it, sends the request (a
 * scan, or a comparison with a revision), streams a scan's progress, and settles with the answer,
 * a cancel, or one clear line of error. Both requests share this plumbing (`startRequest`). Cancel
 * kills the process (its detection workers are threads of it and die with it); the promise settles
 * once it has exited, so "stopped N ms after the request" is measured to a process that is gone.
 * No `vscode`: the extension host, tests and benches drive it the same way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanProgress } from './scan';
import type { ScanSummary } from './scan-summary';
import type { ReportDiffSites } from './report-row-deltas';
import { isScanProcessMessage, oneLine, type DiffRequest, type DiffStart, type ScanProcessMessage, type ScanRequest, type ScanStart } from './scan-process-protocol';
import { lowerChildPriority } from './scan-priority';

/** The process script: next to this module, in the bundle (`dist/`) and in compiled tests (`out/src/node/`). */
export function scanProcessScript(): string | undefined {
  const path = join(__dirname, 'scan-process.js');
  return existsSync(path) ? path : undefined;
}

export type ScanProcessOutcome = { readonly kind: 'report'; readonly summary: ScanSummary } | { readonly kind: 'cancelled' };

/** A comparison's answer: the deltas, or git's refusal in its words (not a repository, an unknown revision). */
export type DiffProcessOutcome = { readonly kind: 'diff'; readonly data: ReportDiffSites } | { readonly kind: 'refused'; readonly message: string } | { readonly kind: 'cancelled' };

/** One request to a forked scan process, as the host holds it. */
interface ProcessRun<Outcome> {
  /** The answer, or `cancelled` after `cancel()`; rejects with a one-line `Error` when the request failed or the process died. */
  readonly outcome: Promise<Outcome>;
  /** The process id while it runs (the bench samples its memory by it). */
  readonly pid: number | undefined;
  /** The scheduling priority it runs at, for the log (`lowered priority (niceness 10, …)` or why not). */
  readonly priority: string;
  /** Kills the process now; `outcome` settles as cancelled once it has exited. Nothing after a settled outcome. */
  cancel(): void;
}

export type ScanProcess = ProcessRun<ScanProcessOutcome>;
export type DiffProcess = ProcessRun<DiffProcessOutcome>;

/** The last few lines the process wrote to stderr are kept for a crash's message. */
const STDERR_KEEP = 2_000;

export function startScanProcess(request: ScanRequest, progress?: (p: ScanProgress) => void, script = scanProcessScript()): ScanProcess {
  const start: ScanStart = { type: 'scan', request };
  return startRequest<ScanProcessOutcome>(start, script, (m) => {
    if (m.type !== 'progress') return m.type === 'result' ? { kind: 'report', summary: m.summary } : undefined;
    progress?.({ done: m.done, total: m.total, ...(m.current ? { current: m.current } : {}) });
    return CONSUMED;
  });
}

/** Compares `request.root` with `request.ref` in a scan process (revision-compare.ts); the host gets the deltas it pages from. */
export function startDiffProcess(request: DiffRequest, script = scanProcessScript()): DiffProcess {
  const start: DiffStart = { type: 'diff', request };
  return startRequest<DiffProcessOutcome>(start, script, (m) => {
    if (m.type === 'diff-result') return { kind: 'diff', data: m.data };
    if (m.type === 'diff-refused') return { kind: 'refused', message: m.message };
    return undefined;
  });
}

const NOT_UNDERSTOOD = 'the scan process sent a message the editor does not understand';
/** What `answerOf` returns for a message it took that is not the answer (a scan's progress). */
const CONSUMED = 'consumed';

/**
 * Forks the process, sends `start`, and settles with what `answerOf` makes of its answer. `answerOf`
 * sees every valid message but `failed`: it returns the outcome for this request's answer, CONSUMED
 * for a message it took (a scan's progress), and `undefined` for a message meant for another
 * request, which is refused as a malformed one is (the process is killed, the outcome rejects).
 */
function startRequest<Outcome extends { readonly kind: string }>(start: ScanStart | DiffStart, script: string | undefined, answerOf: (m: ScanProcessMessage) => Outcome | typeof CONSUMED | undefined): ProcessRun<Outcome | { kind: 'cancelled' }> {
  if (!script) throw new Error('the scan process script (scan-process.js) is missing beside the extension');
  const child: ChildProcess = fork(script, [], {
    // Inside VS Code the extension host is Electron: run the child as plain Node (as language clients do).
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    // Not the host's flags (an inspector port, heap limits meant for the extension host).
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    serialization: 'json',
  });
  // At once, before it starts its threads: they inherit its main thread's priority (scan-priority.ts).
  const priority = lowerChildPriority(child.pid);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-STDERR_KEEP)));

  let cancelled = false;
  let settled = false;
  let answer: { kind: 'answer'; outcome: Outcome } | { kind: 'failed'; message: string } | undefined;
  const outcome = new Promise<Outcome | { kind: 'cancelled' }>((resolve, reject) => {
    const finish = (result: Outcome | { kind: 'cancelled' } | Error): void => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const refuse = (): void => {
      answer = { kind: 'failed', message: NOT_UNDERSTOOD };
      child.kill('SIGKILL');
    };
    child.on('message', (m: unknown) => {
      if (cancelled || answer) return;
      if (!isScanProcessMessage(m)) return refuse();
      if (m.type === 'failed') return void (answer = { kind: 'failed', message: m.message });
      const result = answerOf(m);
      if (result === undefined) refuse();
      else if (result !== CONSUMED) answer = { kind: 'answer', outcome: result };
    });
    child.on('error', (err) => {
      // Spawn failures come here without an exit; a kill that fails after the exit is harmless.
      if (child.exitCode === null && child.signalCode === null && !child.pid) finish(new Error(`the scan process could not start: ${oneLine(err)}`));
    });
    child.on('exit', (code, signal) => {
      if (cancelled) return finish({ kind: 'cancelled' });
      if (answer?.kind === 'answer') return finish(answer.outcome);
      if (answer?.kind === 'failed') return finish(new Error(answer.message));
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      const last = stderr.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
      finish(new Error(`the scan process ${how} before it finished${last ? `: ${last}` : ''}`));
    });
  });
  child.send(start);
  return {
    outcome,
    priority,
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    cancel() {
      if (settled || cancelled) return;
      cancelled = true;
      child.kill('SIGKILL');
    },
  };
}
