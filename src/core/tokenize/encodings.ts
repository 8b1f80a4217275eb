/**
 * The exact encodings: OpenAI's `o200k_base` and `cl100k_base`, from js-tiktoken's per-encoding rank
 * modules. Each is loaded only when its encoding is first counted, into a {@link BpeCounter} kept for
 * the life of the process: from the binary table the build writes beside the bundles
 * (`tiktoken-<encoding>.ranks`, read in a few ms), else (compiled tests, a file that is missing or
 * of another format) from the module's 2.3 MB / 1.1 MB of source, parsed and built into the same table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpeCounter, type TiktokenRankData } from './bpe-counter';
import { RankTable } from './rank-table';

export type ExactEncoding = 'o200k_base' | 'cl100k_base';

export const EXACT_ENCODINGS: readonly ExactEncoding[] = ['o200k_base', 'cl100k_base'];

const counters = new Map<ExactEncoding, BpeCounter>();

/** The counter of an exact encoding, loading its ranks on first use. */
export function encodingCounter(encoding: ExactEncoding): BpeCounter {
  let counter = counters.get(encoding);
  if (!counter) {
    counter = new BpeCounter(precompiledRanks(encoding) ?? loadRankData(encoding));
    counters.set(encoding, counter);
  }
  return counter;
}

/** The file the build writes beside the bundles (esbuild.config.mjs) with the table already built. */
export const rankFileName = (encoding: ExactEncoding): string => `tiktoken-${encoding}.ranks`;

/**
 * The encoding's table from its binary file beside this module (the bundles in dist/), when there is
 * one of this format for this encoding; else undefined and the ranks are built from js-tiktoken's text.
 */
function precompiledRanks(encoding: ExactEncoding): { table: RankTable; pat_str: string } | undefined {
  const path = join(__dirname, rankFileName(encoding));
  if (!existsSync(path)) return undefined;
  try {
    const read = RankTable.fromBinary(readFileSync(path));
    if (!read || read.meta.encoding !== encoding || typeof read.meta.pat_str !== 'string') return undefined;
    return { table: read.table, pat_str: read.meta.pat_str };
  } catch {
    return undefined; // unreadable: the text form gives the same table
  }
}

/** True when the encoding's ranks are already in memory (for tests and the bench). */
export function isEncodingLoaded(encoding: ExactEncoding): boolean {
  return counters.has(encoding);
}

export function loadRankData(encoding: ExactEncoding): TiktokenRankData {
  // Literal require paths: esbuild bundles both modules but runs each only when this line is reached.
  const mod: unknown =
    encoding === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base');
  const data = (mod as { default?: TiktokenRankData }).default ?? (mod as TiktokenRankData);
  return data;
}

/** The binary rank file of an encoding (the build writes it beside the bundles): built from js-tiktoken's data. */
export function rankFile(encoding: ExactEncoding): Uint8Array {
  const data = loadRankData(encoding);
  return RankTable.fromTiktoken(data.bpe_ranks).toBinary({ encoding, pat_str: data.pat_str });
}
