/**
 * The exact encodings: OpenAI's `o200k_base` and `cl100k_base`, from js-tiktoken's per-encoding rank
 * modules. Each module (2.3 MB / 1.1 MB of source) is required only when its encoding is first
 * counted, parsed into a {@link BpeCounter} once, and kept for the life of the process.
 */
import { BpeCounter, type TiktokenRankData } from './bpe-counter';

export type ExactEncoding = 'o200k_base' | 'cl100k_base';

export const EXACT_ENCODINGS: readonly ExactEncoding[] = ['o200k_base', 'cl100k_base'];

const counters = new Map<ExactEncoding, BpeCounter>();

/** The counter of an exact encoding, loading its ranks on first use. */
export function encodingCounter(encoding: ExactEncoding): BpeCounter {
  let counter = counters.get(encoding);
  if (!counter) {
    counter = new BpeCounter(loadRankData(encoding));
    counters.set(encoding, counter);
  }
  return counter;
}

/** True when the encoding's ranks are already in memory (for tests and the bench). */
export function isEncodingLoaded(encoding: ExactEncoding): boolean {
  return counters.has(encoding);
}

function loadRankData(encoding: ExactEncoding): TiktokenRankData {
  // Literal require paths: esbuild bundles both modules but runs each only when this line is reached.
  const mod: unknown =
    encoding === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base');
  const data = (mod as { default?: TiktokenRankData }).default ?? (mod as TiktokenRankData);
  return data;
}
