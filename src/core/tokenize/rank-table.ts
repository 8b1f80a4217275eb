/**
 * The byte-pair ranks of a tiktoken encoding as one open-addressing hash table over typed arrays.
 *
 * Why not a `Map<string, number>` (what this replaced): building a Map of o200k_base's 200,000
 * keys (each base64-decoded into a fresh string) took about 0.5 s on this project's 2-core machines,
 * on the extension host's thread, and the first priced CodeLens of a session waited for it. Here the
 * table is built in one pass over js-tiktoken's rank text: the base64 is decoded straight into one
 * byte array and each token is hashed into an Int32Array, in a few tens of milliseconds. Lookups
 * hash a slice of a binary string (one char per byte) in place, without allocating a substring.
 */

export const NO_RANK = 0x7fffffff;

/** Version of the binary rank file (`toBinary`); a file of another version is not read. */
export const RANK_FILE_FORMAT = 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const align4 = (n: number): number => (n + 3) & ~3;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** base64 alphabet → 6-bit value; -1 for anything else. */
const BASE64 = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

export class RankTable {
  /** Distinct byte sequences in the table. */
  readonly size: number;

  private constructor(
    private readonly bytes: Uint8Array,
    /** Token t's bytes are bytes[starts[t] .. starts[t + 1]). */
    private readonly starts: Int32Array,
    private readonly ranks: Int32Array,
    /** Open addressing, linear probing: token index + 1, 0 for an empty slot. */
    private readonly slots: Int32Array,
    size: number,
  ) {
    this.size = size;
  }

  /**
   * From js-tiktoken's `bpe_ranks` text: lines of `<tag> <first rank> <base64 token> <base64 token> …`,
   * ranks consecutive within a line. A byte sequence listed twice keeps its last rank.
   */
  static fromTiktoken(text: string): RankTable {
    let tokens = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) tokens++;
    const bytes = new Uint8Array(Math.ceil((text.length * 3) / 4));
    const starts = new Int32Array(tokens + 1);
    const ranks = new Int32Array(tokens);
    let capacity = 1;
    while (capacity < tokens * 2) capacity <<= 1;
    const slots = new Int32Array(capacity);
    const table = new RankTable(bytes, starts, ranks, slots, 0);
    let count = 0;
    let size = 0;
    let written = 0;
    for (let lineStart = 0; lineStart < text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      // Fields: tag, first rank, then tokens.
      const tagEnd = text.indexOf(' ', lineStart);
      if (tagEnd < 0 || tagEnd > lineEnd) {
        lineStart = lineEnd + 1;
        continue;
      }
      let rankEnd = text.indexOf(' ', tagEnd + 1);
      if (rankEnd < 0 || rankEnd > lineEnd) rankEnd = lineEnd;
      let rank = Number.parseInt(text.slice(tagEnd + 1, rankEnd), 10);
      let at = rankEnd + 1;
      while (at < lineEnd) {
        let fieldEnd = text.indexOf(' ', at);
        if (fieldEnd < 0 || fieldEnd > lineEnd) fieldEnd = lineEnd;
        starts[count] = written;
        written = decodeBase64(text, at, fieldEnd, bytes, written);
        starts[count + 1] = written;
        ranks[count] = rank++;
        if (table.insert(count)) size++;
        count++;
        at = fieldEnd + 1;
      }
      lineStart = lineEnd + 1;
    }
    return new RankTable(bytes, starts, ranks, slots, size);
  }

  /**
   * The table as one file, written at build time beside the bundles (`tiktoken-<encoding>.ranks`):
   * a little-endian u32 header length, a JSON header (`meta` plus the array lengths), then the four
   * arrays as they are in memory, each at a multiple of 4 bytes. Loading it is a read and four views
   * (a few ms) instead of parsing 2.3 MB of JavaScript and building the table (0.3–0.6 s on the
   * first lens's path on these machines).
   */
  toBinary(meta: Readonly<Record<string, string>>): Uint8Array {
    const header = new TextEncoder().encode(
      JSON.stringify({ format: RANK_FILE_FORMAT, ...meta, size: this.size, bytes: this.bytes.length, starts: this.starts.length, ranks: this.ranks.length, slots: this.slots.length }),
    );
    const headerEnd = align4(4 + header.length);
    const bytesEnd = align4(headerEnd + this.bytes.length);
    const total = bytesEnd + 4 * (this.starts.length + this.ranks.length + this.slots.length);
    const out = new Uint8Array(total);
    new DataView(out.buffer).setUint32(0, header.length, true);
    out.set(header, 4);
    out.set(this.bytes, headerEnd);
    let at = bytesEnd;
    for (const array of [this.starts, this.ranks, this.slots]) {
      out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
      at += array.byteLength;
    }
    return out;
  }

  /** A table written by `toBinary`, with its header's `meta`; undefined when the file is not one (the caller builds the table from text). */
  static fromBinary(file: Uint8Array): { readonly table: RankTable; readonly meta: Readonly<Record<string, unknown>> } | undefined {
    if (!LITTLE_ENDIAN || file.length < 4) return undefined;
    // Typed views need 4-byte alignment: a buffer that does not start on one is copied once.
    const data = file.byteOffset % 4 === 0 ? file : file.slice();
    const headerLength = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(0, true);
    if (4 + headerLength > data.length) return undefined;
    let meta: Record<string, unknown>;
    try {
      meta = JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + headerLength))) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const counts = [meta.size, meta.bytes, meta.starts, meta.ranks, meta.slots];
    if (meta.format !== RANK_FILE_FORMAT || !counts.every((n) => Number.isInteger(n) && (n as number) >= 0)) return undefined;
    const [size, bytesLength, startsLength, ranksLength, slotsLength] = counts as number[];
    const headerEnd = align4(4 + headerLength);
    const bytesEnd = align4(headerEnd + bytesLength);
    if (bytesEnd + 4 * (startsLength + ranksLength + slotsLength) !== data.length || slotsLength === 0 || (slotsLength & (slotsLength - 1)) !== 0) return undefined;
    const view = (at: number, length: number) => new Int32Array(data.buffer, data.byteOffset + at, length);
    const starts = view(bytesEnd, startsLength);
    const ranks = view(bytesEnd + 4 * startsLength, ranksLength);
    const slots = view(bytesEnd + 4 * (startsLength + ranksLength), slotsLength);
    return { table: new RankTable(data.subarray(headerEnd, headerEnd + bytesLength), starts, ranks, slots, size), meta };
  }

  /** The rank of the binary string slice s[from, to), or NO_RANK. */
  rankOf(s: string, from: number, to: number): number {
    let h = FNV_OFFSET;
    for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    const length = to - from;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return NO_RANK;
      const t = entry - 1;
      const start = this.starts[t];
      if (this.starts[t + 1] - start !== length) continue;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (this.bytes[start + k] !== s.charCodeAt(from + k)) {
          same = false;
          break;
        }
      }
      if (same) return this.ranks[t];
    }
  }

  has(s: string): boolean {
    return this.rankOf(s, 0, s.length) !== NO_RANK;
  }

  /** Adds token t; false when its bytes were already there (the slot then points at t: the last rank wins). */
  private insert(t: number): boolean {
    const start = this.starts[t];
    const end = this.starts[t + 1];
    let h = FNV_OFFSET;
    for (let i = start; i < end; i++) h = Math.imul(h ^ this.bytes[i], FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) {
        this.slots[slot] = t + 1;
        return true;
      }
      const other = entry - 1;
      const otherStart = this.starts[other];
      if (this.starts[other + 1] - otherStart === end - start && this.bytes.subarray(otherStart, otherStart + (end - start)).every((b, k) => b === this.bytes[start + k])) {
        this.slots[slot] = t + 1;
        return false;
      }
    }
  }
}

/** Decodes text[from, to) (base64, optional '=' padding) into out at `at`; returns the new end. */
function decodeBase64(text: string, from: number, to: number, out: Uint8Array, at: number): number {
  let buffer = 0;
  let bits = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) break; // '='
    const v = c < 128 ? BASE64[c] : -1;
    if (v < 0) throw new Error(`invalid base64 in the rank table at ${i}`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return at;
}
