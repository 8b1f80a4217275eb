/**
 * The host's side of the first-analysis worker (src/node/first-analysis-worker.ts). No `vscode` and
 * nothing heavy: the extension's entry (src/extension.ts) starts it before the main bundle loads, and
 * the main bundle's analyzer sends it the documents of the cold start (engine.ts) until the host's own
 * grammars and ranks are loaded (warmup.ts), then retires it.
 */
import { Worker } from 'node:worker_threads';
import type { FirstAnalysisReply, FirstAnalysisRequest, WorkerWarmUp } from './first-analysis-job';

export type FirstAnalysisAnswer = Exclude<FirstAnalysisReply, { kind: 'error' }>;

export class FirstAnalysisWorker {
  private readonly pending = new Map<number, { resolve: (a: FirstAnalysisAnswer) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private retired = false;
  /** The worker's own loads (grammars, ranks, catalog): settles when it posts them, or never when it dies first. */
  readonly warm: Promise<WorkerWarmUp>;

  private constructor(private readonly worker: Worker) {
    let warmed!: (w: WorkerWarmUp) => void;
    this.warm = new Promise((resolve) => (warmed = resolve));
    worker.on('message', (message: FirstAnalysisReply | WorkerWarmUp) => {
      if (message.kind === 'warm') return warmed(message);
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'error') waiting.reject(new Error(message.message));
      else waiting.resolve(message);
      if (this.retired && this.pending.size === 0) void worker.terminate();
    });
    // A dead worker fails what waits on it: the host analyses those documents itself.
    const fail = (why: string) => {
      this.retired = true;
      for (const waiting of this.pending.values()) waiting.reject(new Error(why));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(`the first-analysis worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(`the first-analysis worker exited (${code})`));
    // Never what keeps a process alive (a bench or CLI process that loads the extension exits when its work ends).
    worker.unref();
  }

  /** Starts the worker script with the grammars to load first; undefined when no worker can be started (the host analyses). */
  static start(script: string, grammars: readonly string[]): FirstAnalysisWorker | undefined {
    try {
      return new FirstAnalysisWorker(new Worker(script, { workerData: { grammars: [...grammars] } }));
    } catch {
      return undefined;
    }
  }

  /** Whether it still takes documents (not retired, not dead). */
  get available(): boolean {
    return !this.retired;
  }

  analyse(request: Omit<FirstAnalysisRequest, 'id'>): Promise<FirstAnalysisAnswer> {
    if (this.retired) return Promise.reject(new Error('the first-analysis worker is retired'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /** No more documents: the host's own loads are done. Ends the thread once the analyses it is running are answered. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    // Else the last answer ends it (the message handler).
    if (this.pending.size === 0) void this.worker.terminate();
  }
}
