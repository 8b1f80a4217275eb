/** Messages between the scan and its detection workers (src/node/detect-worker.ts). Plain data only. */
import type { DetectedFile, DetectOptions } from '../core/detect/types';
import type { ReadOutcome } from './read-text';

export interface DetectJob {
  readonly id: number;
  /** Absolute path to read. */
  readonly abs: string;
  /** Path as the report writes it (relative to the scanned root). */
  readonly rel: string;
  readonly maxBytes: number;
  readonly options: Omit<DetectOptions, 'isCancelled'>;
}

export type DetectOutcome = Exclude<ReadOutcome, { kind: 'text' }> | { kind: 'detected'; file: DetectedFile };

export type WorkerReply = { readonly id: number; readonly outcome: DetectOutcome } | { readonly id: number; readonly error: string };
