/**
 * The detection phase of a scan: every walked file read and detected, in order, either on the
 * calling thread (reads run a few files ahead so I/O overlaps parsing) or in a worker pool.
 * Results come back in walk order whatever finishes first, so a scan's report does not depend on
 * the number of workers.
 */
import { createHash } from 'node:crypto';
import { detectFile } from '../core/detect';
import type { DetectedFile, DetectOptions } from '../core/detect/types';
import type { SkippedFile } from '../core/report/types';
import type { DetectPool } from './detect-pool';
import type { DetectOutcome } from './detect-protocol';
import { readText, type ReadOutcome } from './read-text';
import type { ScanProgress } from './scan';
import { toReportPath } from './walk';

export interface DetectInput {
  readonly root: string;
  /** Absolute paths, in walk order. */
  readonly files: readonly string[];
  readonly maxBytes: number;
  readonly detectOptions: DetectOptions;
  /** Detections reused across scans of nearly the same tree (a diff's two sides), keyed by path and content. */
  readonly detectCache?: Map<string, DetectedFile>;
}

export interface DetectResult {
  readonly detected: DetectedFile[];
  /** Walk index of each detected file (shards use it to restore the whole scan's order). */
  readonly detectedIndex: number[];
  readonly skipped: SkippedFile[];
  readonly skippedIndex: number[];
  readonly cancelled: boolean;
}

const READ_AHEAD = 16;
/** How often a host gets the thread back during an in-thread scan, and how often a pool scan polls for cancel. */
const YIELD_MS = 50;

export async function detectInThread(input: DetectInput, progress?: (p: ScanProgress) => void, isCancelled?: () => boolean): Promise<DetectResult> {
  const { files, maxBytes } = input;
  const out: DetectResult = { detected: [], detectedIndex: [], skipped: [], skippedIndex: [], cancelled: false };
  const reads = new Map<number, Promise<ReadOutcome>>();
  const readAhead = (i: number): void => {
    for (let k = i; k < Math.min(files.length, i + READ_AHEAD); k++) if (!reads.has(k)) reads.set(k, readText(files[k], maxBytes));
  };
  let lastYield = Date.now();
  for (let i = 0; i < files.length; i++) {
    if (isCancelled?.()) {
      await Promise.allSettled(reads.values());
      return { ...out, cancelled: true };
    }
    readAhead(i);
    const rel = toReportPath(input.root, files[i]);
    progress?.({ done: i, total: files.length, current: rel });
    const outcome = await reads.get(i)!;
    reads.delete(i);
    if (outcome.kind === 'skipped') {
      out.skipped.push(skippedEntry(rel, outcome));
      out.skippedIndex.push(i);
    } else {
      const cacheKey = input.detectCache ? `${rel}\0${createHash('sha1').update(outcome.text).digest('hex')}` : '';
      const detected = input.detectCache?.get(cacheKey) ?? (await detectFile(outcome.text, rel, undefined, { ...input.detectOptions, isCancelled }));
      input.detectCache?.set(cacheKey, detected);
      out.detected.push(detected);
      out.detectedIndex.push(i);
    }
    // Let a host's event loop breathe (progress bars, cancellation) during long scans.
    if (Date.now() - lastYield > YIELD_MS) {
      await new Promise((r) => setImmediate(r));
      lastYield = Date.now();
    }
  }
  await Promise.allSettled(reads.values());
  return out;
}

export async function detectInWorkers(input: DetectInput, pool: DetectPool, progress?: (p: ScanProgress) => void, isCancelled?: () => boolean): Promise<DetectResult> {
  const { files, maxBytes } = input;
  const { isCancelled: _dropped, ...options } = input.detectOptions; // functions do not cross threads
  const outcomes: (DetectOutcome | undefined)[] = new Array(files.length);
  let done = 0;
  let cancelled = false;
  // Cancel is polled, not awaited between files: the pool is stopped as soon as it is seen.
  const poll = setInterval(() => {
    if (!cancelled && isCancelled?.()) {
      cancelled = true;
      void pool.close();
    }
  }, YIELD_MS);
  try {
    await Promise.all(
      files.map(async (abs, i) => {
        const rel = toReportPath(input.root, abs);
        try {
          outcomes[i] = await pool.detect({ id: i, abs, rel, maxBytes, options });
        } catch (err) {
          if (cancelled) return;
          // A worker failure is that file's problem, reported on it; the scan goes on.
          const message = err instanceof Error ? err.message : String(err);
          outcomes[i] = { kind: 'detected', file: failedFile(rel, message) };
        }
        done++;
        progress?.({ done, total: files.length, current: rel });
      }),
    );
  } finally {
    clearInterval(poll);
    await pool.close();
  }
  const out: DetectResult = { detected: [], detectedIndex: [], skipped: [], skippedIndex: [], cancelled: cancelled || Boolean(isCancelled?.()) };
  for (let i = 0; i < files.length; i++) {
    const o = outcomes[i];
    if (!o) continue;
    if (o.kind === 'detected') {
      out.detected.push(o.file);
      out.detectedIndex.push(i);
    } else {
      out.skipped.push(skippedEntry(toReportPath(input.root, files[i]), o));
      out.skippedIndex.push(i);
    }
  }
  return out;
}

function skippedEntry(rel: string, o: { reason: SkippedFile['reason']; detail?: string }): SkippedFile {
  return { path: rel, reason: o.reason, ...(o.detail ? { detail: o.detail } : {}) };
}

function failedFile(path: string, message: string): DetectedFile {
  const origin = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { path, language: 'unknown', kind: 'code', prompts: [], calls: [], loops: [], annotations: [], issues: [{ ...origin, code: 'parse-error', message: `detection failed: ${message}` }], truncated: true };
}
