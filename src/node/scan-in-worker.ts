/**
 * `scanPaths` in a worker thread (scan-worker.ts), for hosts whose thread is the user's: the VS Code
 * extension host. Detection, the repository pass and pricing all run there; the host receives
 * progress and the finished report, and terminates the worker when it is done, so the memory the
 * scan used goes back with the thread. Cancel is a shared flag the worker reads between files.
 * Falls back to the calling thread where a worker cannot do the same scan (no worker script next
 * to this module, a detection cache or a model resolver that cannot cross threads).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resolveModel } from '../core/catalog';
import { scanPaths, type ScanOptions, type ScanProgress, type ScanResult } from './scan';
import type { ScanRequest, ScanWorkerMessage, WorkerScanOptions } from './scan-worker-protocol';

/** How often the host's cancel request is looked at. */
const CANCEL_POLL_MS = 25;

export function scanWorkerScript(): string | undefined {
  const path = join(__dirname, 'scan-worker.js');
  return existsSync(path) ? path : undefined;
}

/** Where the scan ran: for the log and for tests. */
export type ScanThread = 'worker' | 'calling thread';

export async function scanInWorker(
  paths: readonly string[],
  options: ScanOptions,
  progress?: (p: ScanProgress) => void,
  isCancelled?: () => boolean,
  ran?: (where: ScanThread) => void,
): Promise<ScanResult> {
  const script = scanWorkerScript();
  const { resolveModel: resolver, detectCache, detectOptions, ...rest } = options;
  const crossable = !detectCache && (resolver === undefined || resolver === resolveModel);
  if (!script || !crossable) {
    ran?.('calling thread');
    return scanPaths(paths, options, progress, isCancelled);
  }
  const { isCancelled: _dropped, ...plainDetect } = detectOptions ?? {};
  // One detection job is done on the scan worker's own thread (a nested pool of one would load the grammars twice).
  const jobs = (rest.jobs ?? 0) <= 1 ? 0 : rest.jobs;
  const workerOptions: WorkerScanOptions = { ...rest, jobs, detectOptions: plainDetect, resolveWithCatalog: resolver !== undefined };
  const cancel = new SharedArrayBuffer(4);
  const request: ScanRequest = { paths: [...paths], options: workerOptions, cancel };
  ran?.('worker');
  const worker = new Worker(script);
  const checkCancel = (): void => {
    if (isCancelled?.()) Atomics.store(new Int32Array(cancel), 0, 1);
  };
  checkCancel();
  const poll = setInterval(checkCancel, CANCEL_POLL_MS);
  try {
    return await new Promise<ScanResult>((resolve, reject) => {
      worker.on('message', (m: ScanWorkerMessage) => {
        if (m.type === 'progress') progress?.(m.progress);
        else if (m.type === 'done') resolve(m.report);
        else reject(new Error(`workspace scan failed in its worker: ${m.message}`));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the scan worker stopped (exit code ${code}) before it answered`)));
      worker.postMessage(request);
    });
  } finally {
    clearInterval(poll);
    // Terminated, not left to idle: its heap (every detected file, the index) is released now.
    void worker.terminate();
  }
}
