/**
 * A bounded pool of detection workers for workspace scans: file reads and parsing run on other
 * threads, so the host (the VS Code extension host, the CLI's progress bar) stays responsive and a
 * scan uses every core. Jobs are handed out one at a time per worker (a slow file does not hold a
 * queue behind it). `close()` terminates the workers at once: a cancelled scan stops working
 * within a message, and the memory the parsers held goes back with the threads.
 */
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DetectJob, DetectOutcome, WorkerReply } from './detect-protocol';

/** The worker script: next to this module, in the bundle (`dist/`) and in compiled tests (`out/src/node/`). */
export function workerScript(): string | undefined {
  const path = join(__dirname, 'detect-worker.js');
  return existsSync(path) ? path : undefined;
}

/**
 * Default worker count. A command-line scan's own thread only waits, so it uses every core; an
 * editor host keeps one core for typing (on 2 cores or fewer: one worker, whose scan process also
 * runs at a lower priority, scan-priority.ts). At least one, at most 8 (parsers cost memory each).
 */
export function defaultJobs(host: 'cli' | 'editor', cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, cores - (host === 'editor' ? 1 : 0)));
}

interface Pending {
  readonly job: DetectJob;
  readonly resolve: (o: DetectOutcome) => void;
  readonly reject: (e: Error) => void;
}

export class DetectPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private closed = false;

  constructor(
    readonly size: number,
    script: string,
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn(script));
  }

  detect(job: DetectJob): Promise<DetectOutcome> {
    if (this.closed) return Promise.reject(new Error('detection pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker now; jobs not done are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    for (const p of [...this.queue, ...this.busy.values()]) p.reject(new Error('detection pool closed'));
    this.queue.length = 0;
    this.busy.clear();
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(script: string): Worker {
    const worker = new Worker(script);
    worker.on('message', (reply: WorkerReply) => {
      const pending = this.busy.get(worker);
      if (!pending) return;
      this.busy.delete(worker);
      if ('error' in reply) pending.reject(new Error(`${pending.job.rel}: ${reply.error}`));
      else pending.resolve(reply.outcome);
      if (!this.closed) {
        this.idle.push(worker);
        this.pump();
      }
    });
    worker.on('error', (err) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      pending?.reject(err);
      // A worker that died is replaced, so one bad file cannot shrink the pool.
      if (!this.closed) {
        this.idle.push(this.spawn(script));
        this.pump();
      }
    });
    return worker;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const next = this.queue.shift()!;
      this.busy.set(worker, next);
      worker.postMessage(next.job);
    }
  }
}
