/**
 * The warm-up's schedule, without `vscode` (unit-tested): what the first analysis of a session
 * needs, loaded in parallel where the runtime allows. The tree-sitter grammars are read and compiled
 * asynchronously (V8 compiles wasm off this thread), so their loads are started first; while they
 * run, this thread builds the exact tokenizer's ranks and the catalog. Done in sequence, as the first
 * analysis did, the first lens waited for the grammar and then for the ranks.
 */
import type { Catalog } from '../../core/catalog/types';
import { catalogIndex, countTokens, parserFor, type Grammar } from '../core-api';

export const ALL_GRAMMARS: readonly Grammar[] = ['typescript', 'tsx', 'javascript', 'python'];

export interface WarmLoaders {
  readonly grammar: (g: Grammar) => Promise<unknown>;
  /** Synchronous: builds the exact tokenizer's rank table on this thread. */
  readonly ranks: () => void;
  /** Synchronous: builds the catalog the surfaces price with, and its lookup index. */
  readonly catalog: () => void;
}

export interface WarmUpTimings {
  readonly grammars: readonly Grammar[];
  readonly totalMs: number;
  readonly grammarsMs: number;
  readonly ranksMs: number;
  readonly catalogMs: number;
  /** A grammar that failed to load (the analysis meets and reports it again). */
  readonly error?: unknown;
}

/**
 * `catalog`: the catalog the surfaces price with (built by calling it), or nothing to build. Its lookup
 * index is built here too: the first price would build it otherwise (6–50 ms on the first lens's path).
 */
export const DEFAULT_LOADERS = (catalog: () => Catalog | undefined): WarmLoaders => ({
  grammar: (g) => parserFor(g),
  ranks: () => void countTokens(' ', 'o200k_base'),
  catalog: () => {
    const built = catalog();
    if (built) catalogIndex(built);
  },
});

/** `ranks: false`: the ranks are not built here (the first-analysis worker has them during the cold start). */
export async function warmInParallel(grammars: readonly Grammar[], loaders: WarmLoaders, options: { readonly ranks?: boolean } = {}): Promise<WarmUpTimings> {
  const started = Date.now();
  let error: unknown;
  const parsers = Promise.all(grammars.map((g) => loaders.grammar(g))).then(
    () => Date.now() - started,
    (err) => {
      error = err;
      return Date.now() - started;
    },
  );
  // Let the grammar reads and compiles get going before this thread is busy with the ranks.
  await new Promise((resolve) => setImmediate(resolve));
  const ranksStarted = Date.now();
  if (options.ranks !== false) loaders.ranks();
  const ranksMs = Date.now() - ranksStarted;
  const catalogStarted = Date.now();
  loaders.catalog();
  const catalogMs = Date.now() - catalogStarted;
  const grammarsMs = await parsers;
  return { grammars, totalMs: Date.now() - started, grammarsMs, ranksMs, catalogMs, ...(error ? { error } : {}) };
}

/** The grammars not loaded yet, for when the editor has had a moment to settle. */
export function remainingGrammars(loaded: readonly Grammar[]): Grammar[] {
  return ALL_GRAMMARS.filter((g) => !loaded.includes(g));
}
