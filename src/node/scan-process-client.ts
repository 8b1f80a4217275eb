/**
 * The host's side of the scan process (src/node/scan-process.ts): forks it, sends the request,
 * streams its progress, and settles with the report, a cancel, or one clear line of error. Cancel
 * kills the process (its detection workers are threads of it and die with it); the promise settles
 * once it has exited, so "stopped N ms after the request" is measured to a process that is gone.
 * No `vscode`: the extension host, tests and benches drive it the same way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanProgress } from './scan';
import type { ScanSummary } from './scan-summary';
import { isScanProcessMessage, oneLine, type ScanRequest, type ScanStart } from './scan-process-protocol';
import { lowerChildPriority } from './scan-priority';

/** The process script: next to this module, in the bundle (`dist/`) and in compiled tests (`out/src/node/`). */
export function scanProcessScript(): string | undefined {
  const path = join(__dirname, 'scan-process.js');
  return existsSync(path) ? path : undefined;
}

export type ScanProcessOutcome = { readonly kind: 'report'; readonly summary: ScanSummary } | { readonly kind: 'cancelled' };

export interface ScanProcess {
  /** The report's summary (the whole report is in its file), or `cancelled` after `cancel()`; rejects with a one-line `Error` when the scan failed or the process died. */
  readonly outcome: Promise<ScanProcessOutcome>;
  /** The process id while it runs (the bench samples its memory by it). */
  readonly pid: number | undefined;
  /** The scheduling priority it runs at, for the log (`lowered priority (niceness 10, …)` or why not). */
  readonly priority: string;
  /** Kills the process now; `outcome` settles as cancelled once it has exited. Nothing after a settled outcome. */
  cancel(): void;
}

/** The last few lines the process wrote to stderr are kept for a crash's message. */
const STDERR_KEEP = 2_000;

export function startScanProcess(request: ScanRequest, progress?: (p: ScanProgress) => void, script = scanProcessScript()): ScanProcess {
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
  let answer: { kind: 'report'; summary: ScanSummary } | { kind: 'failed'; message: string } | undefined;
  const outcome = new Promise<ScanProcessOutcome>((resolve, reject) => {
    const finish = (result: ScanProcessOutcome | Error): void => {
      if (settled) return;
      settled = true;
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    child.on('message', (m: unknown) => {
      if (cancelled || answer) return;
      if (!isScanProcessMessage(m)) {
        answer = { kind: 'failed', message: 'the scan process sent a message the editor does not understand' };
        child.kill('SIGKILL');
        return;
      }
      if (m.type === 'progress') progress?.({ done: m.done, total: m.total, ...(m.current ? { current: m.current } : {}) });
      else if (m.type === 'result') answer = { kind: 'report', summary: m.summary };
      else answer = { kind: 'failed', message: m.message };
    });
    child.on('error', (err) => {
      // Spawn failures come here without an exit; a kill that fails after the exit is harmless.
      if (child.exitCode === null && child.signalCode === null && !child.pid) finish(new Error(`the scan process could not start: ${oneLine(err)}`));
    });
    child.on('exit', (code, signal) => {
      if (cancelled) return finish({ kind: 'cancelled' });
      if (answer?.kind === 'report') return finish(answer);
      if (answer?.kind === 'failed') return finish(new Error(answer.message));
      const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
      const last = stderr.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
      finish(new Error(`the scan process ${how} before it finished${last ? `: ${last}` : ''}`));
    });
  });
  const start: ScanStart = { type: 'scan', request };
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
