/** Messages between a workspace scan run off the host's thread (scan-in-worker.ts) and its worker (scan-worker.ts). Plain data only. */
import type { ScanOptions, ScanProgress, ScanResult } from './scan';

/** ScanOptions without what cannot cross threads: the worker resolves models with the core catalog's resolver. */
export type WorkerScanOptions = Omit<ScanOptions, 'resolveModel' | 'detectCache' | 'detectOptions'> & {
  readonly detectOptions?: Omit<NonNullable<ScanOptions['detectOptions']>, 'isCancelled'>;
  /** Resolve model names with the catalog's own resolver (what `resolveModel` from src/core/catalog does). */
  readonly resolveWithCatalog: boolean;
};

export interface ScanRequest {
  readonly paths: readonly string[];
  readonly options: WorkerScanOptions;
  /** One Int32: set to 1 by the host to cancel; read by the worker between files, without waiting for a message. */
  readonly cancel: SharedArrayBuffer;
}

export type ScanWorkerMessage =
  | { readonly type: 'progress'; readonly progress: ScanProgress }
  | { readonly type: 'done'; readonly report: ScanResult }
  | { readonly type: 'error'; readonly message: string };
