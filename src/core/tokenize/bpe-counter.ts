/**
 * Counts byte-pair-encoding tokens of a tiktoken encoding without building token arrays.
 *
 * Why not `Tiktoken.encode(...).length` from js-tiktoken: its merge loop joins byte arrays into
 * string keys at every step and rescans the whole piece per merge, which is quadratic with a large
 * constant. A 10,000-character run of one letter (a single pre-tokenizer piece) takes ~7 s there;
 * an editor hover cannot wait that long. This counter keeps js-tiktoken's data (the rank tables
 * and pre-tokenizer pattern of its `ranks/*` entry points) and applies the same algorithm as
 * OpenAI's tiktoken: split with the pattern, then for each piece repeatedly merge the adjacent
 * pair with the lowest rank (leftmost on ties) until no pair is a token. The token count of a
 * piece is the number of parts left. Exactness is checked against the tiktoken WASM package in
 * `test/unit/tokenize/reference.test.ts`.
 *
 * Bytes are held as "binary strings" (one char per byte, 0–255): the rank table is keyed by them,
 * ASCII text is already one, and `substring` gives pair keys without copying byte arrays.
 */

import { NO_RANK, RankTable } from './rank-table';

/** The shape of js-tiktoken's per-encoding rank modules (`js-tiktoken/ranks/o200k_base`). */
export interface TiktokenRankData {
  readonly pat_str: string;
  readonly special_tokens: Record<string, number>;
  /** Lines of `<tag> <first rank> <base64 token> <base64 token> …`, ranks consecutive within a line. */
  readonly bpe_ranks: string;
}

/** Pieces up to this many bytes use the simple rescanning merge; longer ones a heap (O(n log n)). */
const SIMPLE_MERGE_MAX_BYTES = 128;
const TWO_POW_32 = 0x100000000;

export class BpeCounter {
  private readonly ranks: RankTable;
  private readonly pattern: RegExp;
  // Scratch buffers reused across pieces, grown on demand (counting allocates no per-token arrays).
  private starts = new Int32Array(SIMPLE_MERGE_MAX_BYTES + 2);
  private pairRanks = new Int32Array(SIMPLE_MERGE_MAX_BYTES + 2);
  private byteScratch = new Uint8Array(256);

  /** From js-tiktoken's rank data, or from a table already built (the binary file beside the bundle, encodings.ts). */
  constructor(data: TiktokenRankData | { readonly table: RankTable; readonly pat_str: string }) {
    this.ranks = 'table' in data ? data.table : RankTable.fromTiktoken(data.bpe_ranks);
    this.pattern = new RegExp(data.pat_str, 'gu');
  }

  /** Number of distinct byte sequences in the vocabulary (special tokens excluded). */
  get vocabularySize(): number {
    return this.ranks.size;
  }

  /** Tokens of `text` with every special-token spelling treated as ordinary text (tiktoken's `encode_ordinary`). */
  count(text: string): number {
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    let total = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const piece = match[0];
      if (piece.length === 0) {
        pattern.lastIndex++; // cannot happen with tiktoken's patterns; guards against a stuck loop
        continue;
      }
      total += this.countPiece(isAscii(piece) ? piece : this.toBinaryString(piece));
    }
    return total;
  }

  private countPiece(bytes: string): number {
    if (bytes.length === 1 || this.ranks.has(bytes)) return 1;
    return bytes.length <= SIMPLE_MERGE_MAX_BYTES ? this.mergeSimple(bytes) : this.mergeWithHeap(bytes);
  }

  private rankOf(bytes: string, from: number, to: number): number {
    return this.ranks.rankOf(bytes, from, to);
  }

  /** tiktoken's reference merge: rescan all pairs for the lowest rank each step. Fast for short pieces. */
  private mergeSimple(bytes: string): number {
    const n = bytes.length;
    const starts = this.starts; // starts[i] = first byte of part i; starts[parts] = n
    const pairRanks = this.pairRanks; // pairRanks[i] = rank of part i joined with part i+1
    for (let i = 0; i <= n; i++) starts[i] = i;
    for (let i = 0; i < n - 1; i++) pairRanks[i] = this.rankOf(bytes, i, i + 2);
    let parts = n;
    while (parts > 1) {
      let best = NO_RANK;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        if (pairRanks[i] < best) {
          best = pairRanks[i];
          at = i;
        }
      }
      if (at < 0) break;
      // Part at+1 joins part at: drop its start and its pair entry, then re-rank the two pairs touching the new part.
      starts.copyWithin(at + 1, at + 2, parts + 1);
      pairRanks.copyWithin(at + 1, at + 2, parts - 1);
      parts--;
      pairRanks[at] = at + 1 < parts ? this.rankOf(bytes, starts[at], starts[at + 2]) : NO_RANK;
      if (at > 0) pairRanks[at - 1] = this.rankOf(bytes, starts[at - 1], starts[at + 1]);
    }
    return parts;
  }

  /**
   * The same merge order for long pieces, with a min-heap of (rank, start) keys and lazy deletion:
   * a popped entry is stale unless its part is still alive and its pair still has that rank.
   * Ties pop the smallest start first, which is tiktoken's leftmost-first rule.
   */
  private mergeWithHeap(bytes: string): number {
    const n = bytes.length;
    const end = new Int32Array(n); // end[s] = end of the part starting at s (valid while alive)
    const prev = new Int32Array(n); // prev[s] = start of the part before the one at s
    const pairRank = new Int32Array(n); // rank of the part at s joined with its right neighbour
    const alive = new Uint8Array(n);
    const heap = new MinHeap(n);
    for (let s = 0; s < n; s++) {
      end[s] = s + 1;
      prev[s] = s - 1;
      alive[s] = 1;
      pairRank[s] = s + 1 < n ? this.rankOf(bytes, s, s + 2) : NO_RANK;
      if (pairRank[s] !== NO_RANK) heap.push(pairRank[s] * TWO_POW_32 + s);
    }
    let parts = n;
    while (heap.size > 0) {
      const key = heap.pop();
      const rank = Math.floor(key / TWO_POW_32);
      const s = key - rank * TWO_POW_32;
      if (!alive[s] || pairRank[s] !== rank) continue;
      const right = end[s];
      const newEnd = end[right];
      alive[right] = 0;
      end[s] = newEnd;
      if (newEnd < n) prev[newEnd] = s;
      parts--;
      pairRank[s] = newEnd < n ? this.rankOf(bytes, s, end[newEnd]) : NO_RANK;
      if (pairRank[s] !== NO_RANK) heap.push(pairRank[s] * TWO_POW_32 + s);
      if (s > 0) {
        const p = prev[s];
        pairRank[p] = this.rankOf(bytes, p, newEnd);
        if (pairRank[p] !== NO_RANK) heap.push(pairRank[p] * TWO_POW_32 + p);
      }
    }
    return parts;
  }

  /** UTF-8 bytes of `text` as a binary string. Lone surrogates become U+FFFD, as TextEncoder (and tiktoken) do. */
  private toBinaryString(text: string): string {
    if (this.byteScratch.length < text.length * 3) this.byteScratch = new Uint8Array(text.length * 3);
    const out = this.byteScratch;
    let len = 0;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        out[len++] = c;
        continue;
      }
      if (c < 0x800) {
        out[len++] = 0xc0 | (c >> 6);
        out[len++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out[len++] = 0xf0 | (cp >> 18);
          out[len++] = 0x80 | ((cp >> 12) & 0x3f);
          out[len++] = 0x80 | ((cp >> 6) & 0x3f);
          out[len++] = 0x80 | (cp & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      out[len++] = 0xe0 | (c >> 12);
      out[len++] = 0x80 | ((c >> 6) & 0x3f);
      out[len++] = 0x80 | (c & 0x3f);
    }
    let result = '';
    for (let from = 0; from < len; from += 8192) {
      result += String.fromCharCode.apply(null, out.subarray(from, Math.min(len, from + 8192)) as unknown as number[]);
    }
    return result;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Binary min-heap of non-negative numbers in a growable Float64Array. */
class MinHeap {
  private items: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Float64Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= value) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items[--this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && items[child + 1] < items[child]) child++;
      if (items[child] >= last) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
