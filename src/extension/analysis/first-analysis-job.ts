/**
 * What the first-analysis worker (src/node/first-analysis-main.ts) does for a document of the session's
 * cold start, off the extension host's thread: parse and detect, the part that needs the grammar and
 * the tokenizer ranks. The host prices the detection with its own catalog and settings
 * (core-api.ts `priceDetected`, the second half of `analyzeFile`), so the report is the one its own
 * analysis would have computed (test/unit/extension/first-analysis.test.ts). No `vscode`.
 */
import type { DetectedFile } from '../../core/detect/types';
import { detectFile } from '../../core/detect';
import { countTokens } from '../../core/tokenize';
import { parserFor, type Grammar } from '../../core/detect/parser';

export interface FirstDetectionRequest {
  readonly id: number;
  readonly text: string;
  /** Relative to the workspace folder, as the host's analysis names it. */
  readonly path: string;
  readonly languageId: string;
}

/** A document the worker detects before the host asks (the editors showing at activation). */
export type DetectAhead = Omit<FirstDetectionRequest, 'id'>;

/**
 * Detections started ahead of the host's requests, each answered once to the request for the same
 * path, language and text (a document edited since is detected again).
 */
export class AheadDetections {
  private readonly started = new Map<string, { readonly request: DetectAhead; readonly reply: Promise<FirstDetectionReply> }>();

  constructor(ahead: readonly DetectAhead[], detect: (request: FirstDetectionRequest) => Promise<FirstDetectionReply> = runFirstDetection) {
    for (const request of ahead) this.started.set(request.path, { request, reply: detect({ id: 0, ...request }) });
  }

  /** The reply for this request from a detection started ahead, or undefined. */
  take(request: FirstDetectionRequest): Promise<FirstDetectionReply> | undefined {
    const early = this.started.get(request.path);
    if (!early || early.request.text !== request.text || early.request.languageId !== request.languageId) return undefined;
    this.started.delete(request.path);
    return early.reply.then((reply) => ({ ...reply, id: request.id }));
  }
}

export type FirstDetectionReply =
  | { readonly id: number; readonly kind: 'detected'; readonly file: DetectedFile; readonly ms: number }
  | { readonly id: number; readonly kind: 'error'; readonly message: string };

/** How the worker's script loaded its work (first-analysis-worker.ts): the code cache's state and the time. */
export interface WorkerBundle {
  readonly state: string;
  readonly loadMs: number;
}

/** The worker's own cold start, posted once when its loads are done (for the host's log). */
export interface WorkerWarmUp {
  readonly kind: 'warm';
  /** Set by the worker's script (absent when warmWorker runs elsewhere). */
  readonly bundle?: WorkerBundle;
  readonly grammars: readonly Grammar[];
  /** From the start of the loads to each load done, in ms. */
  readonly grammarsMs: number;
  readonly ranksMs: number;
  readonly error?: string;
}

/**
 * The worker's loads, started at once: the grammars' reads and wasm compiles are asynchronous; the
 * ranks are read on the worker's thread meanwhile.
 */
export async function warmWorker(grammars: readonly Grammar[], now: () => number = () => performance.now()): Promise<WorkerWarmUp> {
  const started = now();
  let error: string | undefined;
  const parsers = Promise.all(grammars.map((g) => parserFor(g))).then(
    () => now() - started,
    (err: unknown) => {
      error = err instanceof Error ? err.message : String(err);
      return now() - started;
    },
  );
  await new Promise((resolve) => setImmediate(resolve));
  countTokens(' ', 'o200k_base');
  const ranksMs = now() - started;
  const grammarsMs = await parsers;
  return { kind: 'warm', grammars, grammarsMs, ranksMs, ...(error ? { error } : {}) };
}

/** The document's detection (no repository index: none is built during the cold start). */
export async function runFirstDetection(request: FirstDetectionRequest, now: () => number = () => performance.now()): Promise<FirstDetectionReply> {
  const started = now();
  try {
    const file = await detectFile(request.text, request.path, request.languageId);
    return { id: request.id, kind: 'detected', file, ms: now() - started };
  } catch (err) {
    return { id: request.id, kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
