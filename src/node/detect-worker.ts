/**
 * A detection worker: reads a file and runs detection on it, off the host's thread. The parser and
 * tokenizer state load once per worker and stay for the worker's life (one scan).
 */
import { parentPort } from 'node:worker_threads';
import { detectFile } from '../core/detect';
import type { DetectJob, WorkerReply } from './detect-protocol';
import { readText } from './read-text';

parentPort?.on('message', (job: DetectJob) => {
  void run(job).then((reply) => parentPort!.postMessage(reply));
});

async function run(job: DetectJob): Promise<WorkerReply> {
  try {
    const read = await readText(job.abs, job.maxBytes);
    if (read.kind === 'skipped') return { id: job.id, outcome: read };
    return { id: job.id, outcome: { kind: 'detected', file: await detectFile(read.text, job.rel, undefined, job.options) } };
  } catch (err) {
    return { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
}
