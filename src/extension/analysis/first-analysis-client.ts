/**
 * The host's side of the first-analysis worker (src/node/first-analysis-worker.ts and -main.ts). No
 * `vscode` and nothing heavy: the extension's entry (src/extension.ts) starts it before the main bundle
 * loads, and the main bundle's analyzer sends it the documents of the cold start to detect (engine.ts) until the
 * host's own grammars and ranks are loaded (warmup.ts), then retires it.
 */
import { Worker } from 'node:worker_threads';
import type { DetectedFile } from '../../core/detect/types';
import type { DetectAhead, FirstDetectionReply, FirstDetectionRequest, WorkerWarmUp } from './first-analysis-job';

/** A document's detection, and how long the worker took over it. */
export interface FirstDetection {
  readonly file: DetectedFile;
  readonly ms: number;
}

/** What the worker did when it was retired: the code cache it wrote for the next session's worker, if any. */
export interface WorkerRetired {
  readonly cacheWritten?: string;
  readonly cacheMs?: number;
}

/** A retired worker that has not ended by then (writing its cache) is ended. */
const RETIRE_TIMEOUT_MS = 10_000;

export class FirstAnalysisWorker {
  private readonly pending = new Map<number, { resolve: (a: FirstDetection) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private retired = false;
  private goodbyeSent = false;
  /** The worker's own loads (grammars, ranks, catalog): settles when it posts them, or never when it dies first. */
  readonly warm: Promise<WorkerWarmUp>;
  /** Settles when a retired worker has written its cache and ended (or never, when it dies first). */
  readonly ended: Promise<WorkerRetired>;

  private constructor(private readonly worker: Worker) {
    let warmed!: (w: WorkerWarmUp) => void;
    let ended!: (r: WorkerRetired) => void;
    this.warm = new Promise((resolve) => (warmed = resolve));
    this.ended = new Promise((resolve) => (ended = resolve));
    worker.on('message', (message: FirstDetectionReply | WorkerWarmUp | ({ kind: 'retired' } & WorkerRetired)) => {
      if (message.kind === 'warm') return warmed(message);
      if (message.kind === 'retired') return ended(message);
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.kind === 'error') waiting.reject(new Error(message.message));
      else waiting.resolve({ file: message.file, ms: message.ms });
      if (this.retired) this.sayGoodbye();
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

  /**
   * Starts the worker script with the grammars to load first, the folder of its code cache (none:
   * no cache) and the documents to detect as soon as it has loaded (`ahead`: the host's requests for
   * the same text find them done); undefined when no worker can be started (the host analyses).
   */
  static start(script: string, grammars: readonly string[], cacheDir?: string, ahead: readonly DetectAhead[] = []): FirstAnalysisWorker | undefined {
    try {
      return new FirstAnalysisWorker(new Worker(script, { workerData: { grammars: [...grammars], ahead: [...ahead], ...(cacheDir ? { cacheDir } : {}) } }));
    } catch {
      return undefined;
    }
  }

  /** Whether it still takes documents (not retired, not dead). */
  get available(): boolean {
    return !this.retired;
  }

  /** The document's parse and detection, on the worker's thread. */
  detect(request: Omit<FirstDetectionRequest, 'id'>): Promise<FirstDetection> {
    if (this.retired) return Promise.reject(new Error('the first-analysis worker is retired'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  /**
   * No more documents: the host's own loads are done. Once the analyses it is running are answered,
   * the worker writes its code cache (on its thread) and ends.
   */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.pending.size === 0) this.sayGoodbye();
  }

  private sayGoodbye(): void {
    if (this.goodbyeSent || this.pending.size > 0) return;
    this.goodbyeSent = true;
    this.worker.postMessage({ kind: 'retire' });
    const timer = setTimeout(() => void this.worker.terminate(), RETIRE_TIMEOUT_MS);
    timer.unref();
    void this.ended.then(() => clearTimeout(timer));
  }
}
