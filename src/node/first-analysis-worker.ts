/**
 * The first-analysis worker: a thread the extension's entry starts at activation, before it loads the
 * main bundle (src/extension.ts). It loads the open documents' grammars, the o200k ranks and the
 * catalog on its own thread, then analyses the documents of the session's cold start
 * (src/extension/analysis/first-analysis-job.ts), so the first lens no longer waits for the extension
 * host's thread (busy with our bundle and every other extension's activation) to run those loads and
 * the grammar loader's steps. The host retires it once its own loads are done (warmup.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Grammar } from '../core/detect/parser';
import { runFirstAnalysis, warmWorker, type FirstAnalysisRequest } from '../extension/analysis/first-analysis-job';

const grammars = ((workerData as { grammars?: Grammar[] } | undefined)?.grammars ?? []) as Grammar[];
// Requests that come while the loads run wait for nothing: they load what they need themselves, once.
void warmWorker(grammars).then((warm) => parentPort?.postMessage(warm));
parentPort?.on('message', (request: FirstAnalysisRequest) => {
  void runFirstAnalysis(request).then((reply) => parentPort?.postMessage(reply));
});
