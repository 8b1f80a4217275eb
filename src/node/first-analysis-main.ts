/**
 * The first-analysis worker's work (its thread is started by the extension's entry at activation,
 * before the main bundle loads: src/extension.ts, first-analysis-client.ts; this module is loaded by
 * first-analysis-worker.ts with a V8 code cache). It loads the open documents' grammars and the o200k
 * ranks on its own thread, then parses and detects the documents of the session's cold start
 * (src/extension/analysis/first-analysis-job.ts; the host prices them), so the first lens no longer
 * waits for the extension host's thread (busy with our bundle and every other extension's
 * activation) to run those loads, the grammar loader's steps and the detection. When the host retires it (its own loads are done, warmup.ts) it writes
 * its code cache, if it had none, and ends.
 */
import { parentPort } from 'node:worker_threads';
import type { Grammar } from '../core/detect/parser';
import { AheadDetections, runFirstDetection, warmWorker, type DetectAhead, type FirstDetectionRequest, type WorkerBundle } from '../extension/analysis/first-analysis-job';

export function serve(grammars: readonly Grammar[], bundle: WorkerBundle & { readonly save: () => string | undefined }, ahead: readonly DetectAhead[] = []): void {
  const port = parentPort;
  if (!port) return;
  const { save, ...loaded } = bundle;
  // Requests that come while the loads run wait for nothing: they load what they need themselves, once.
  void warmWorker(grammars).then((warm) => port.postMessage({ ...warm, bundle: loaded }));
  // The documents showing at activation, detected now: the host asks once its bundle has loaded.
  const early = new AheadDetections(ahead);
  port.on('message', (message: FirstDetectionRequest | { readonly kind: 'retire' }) => {
    if ('kind' in message) {
      // Off the host's thread: the cache holds every function the analyses compiled, for the next session's worker.
      const started = performance.now();
      const written = save();
      port.postMessage({ kind: 'retired', ...(written ? { cacheWritten: written, cacheMs: performance.now() - started } : {}) });
      port.close();
      return;
    }
    void (early.take(message) ?? runFirstDetection(message)).then((reply) => port.postMessage(reply));
  });
}
