/**
 * A whole workspace scan off the host's thread: detection, the repository pass and pricing run
 * here, and only the finished report goes back. Everything a scan builds on the way (every
 * detected file, the repository index, intermediate figures) lives in this worker's heap and is
 * released at once when the host terminates the worker, instead of waiting in the extension host's
 * heap for a garbage collection that an idle editor may not run for a minute.
 */
import { parentPort } from 'node:worker_threads';
import { resolveModel } from '../core/catalog';
import { scanPaths, type ScanProgress } from './scan';
import type { ScanRequest, ScanWorkerMessage } from './scan-worker-protocol';

/** Progress messages at most this often: the host only needs to look alive. */
const PROGRESS_EVERY_MS = 100;

parentPort?.once('message', (request: ScanRequest) => {
  void run(request).then((reply) => parentPort!.postMessage(reply));
});

async function run({ paths, options, cancel }: ScanRequest): Promise<ScanWorkerMessage> {
  const flag = new Int32Array(cancel);
  let last = 0;
  const progress = (p: ScanProgress): void => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && p.done < p.total) return;
    last = now;
    parentPort!.postMessage({ type: 'progress', progress: p } satisfies ScanWorkerMessage);
  };
  try {
    const { resolveWithCatalog, ...rest } = options;
    const report = await scanPaths(paths, { ...rest, ...(resolveWithCatalog ? { resolveModel } : {}) }, progress, () => Atomics.load(flag, 0) === 1);
    return { type: 'done', report };
  } catch (err) {
    return { type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
