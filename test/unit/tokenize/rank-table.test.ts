import * as assert from 'node:assert/strict';
import { NO_RANK, RANK_FILE_FORMAT, RankTable } from '../../../src/core/tokenize/rank-table';
import { rankFile } from '../../../src/core/tokenize/encodings';
import { BpeCounter } from '../../../src/core/tokenize/bpe-counter';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const o200k = require('js-tiktoken/ranks/o200k_base') as { default?: { bpe_ranks: string }; bpe_ranks?: string };
const RANKS = (o200k.default ?? o200k).bpe_ranks as string;

describe('tokenize/rank table', () => {
  it('gives every o200k_base token the rank js-tiktoken lists, as a Map of the decoded tokens does', () => {
    const table = RankTable.fromTiktoken(RANKS);
    const expected = new Map<string, number>();
    for (const line of RANKS.split('\n')) {
      if (!line) continue;
      const fields = line.split(' ');
      let rank = Number.parseInt(fields[1], 10);
      for (let i = 2; i < fields.length; i++) expected.set(atob(fields[i]), rank++);
    }
    assert.equal(table.size, expected.size);
    for (const [bytes, rank] of expected) {
      if (table.rankOf(bytes, 0, bytes.length) !== rank) assert.fail(`rank of ${JSON.stringify(bytes)}: ${table.rankOf(bytes, 0, bytes.length)}, expected ${rank}`);
    }
  });

  it('looks up a slice in place and answers NO_RANK for what is not a token', () => {
    const table = RankTable.fromTiktoken(`x 0 ${btoa('ab')} ${btoa('abc')} ${btoa('\u00ff\u0000')}\ny 10 ${btoa('zz')}`);
    assert.equal(table.rankOf('__abc__', 2, 5), 1);
    assert.equal(table.rankOf('__abc__', 2, 4), 0);
    assert.equal(table.rankOf('\u00ff\u0000', 0, 2), 2);
    assert.equal(table.rankOf('zz', 0, 2), 10, 'ranks start again at each line');
    assert.equal(table.rankOf('abcd', 0, 4), NO_RANK);
    assert.equal(table.rankOf('ba', 0, 2), NO_RANK);
    assert.equal(table.has('abc'), true);
    assert.equal(table.has(''), false);
  });

  it('a byte sequence listed twice keeps its last rank, as a Map would', () => {
    const table = RankTable.fromTiktoken(`x 0 ${btoa('ab')} ${btoa('cd')} ${btoa('ab')}`);
    assert.equal(table.size, 2);
    assert.equal(table.rankOf('ab', 0, 2), 2);
  });

  it('the binary file the build writes beside the bundles gives the same table and the same counts', () => {
    const file = rankFile('o200k_base');
    const read = RankTable.fromBinary(file);
    assert.ok(read, 'read back');
    const data = (o200k.default ?? o200k) as { bpe_ranks: string; pat_str: string };
    assert.equal(read.meta.encoding, 'o200k_base');
    assert.equal(read.meta.pat_str, data.pat_str);
    const fromText = RankTable.fromTiktoken(RANKS);
    assert.equal(read.table.size, fromText.size);
    for (const line of RANKS.split('\n').slice(0, 2000)) {
      for (const token of line.split(' ').slice(2)) {
        const bytes = atob(token);
        if (read.table.rankOf(bytes, 0, bytes.length) !== fromText.rankOf(bytes, 0, bytes.length)) assert.fail(`rank of ${JSON.stringify(bytes)} differs`);
      }
    }
    const text = 'The quick brown fox — naïve café, 東京, 🙂 and `code()` x'.repeat(20);
    assert.equal(new BpeCounter({ table: read.table, pat_str: data.pat_str }).count(text), new BpeCounter(data as never).count(text));
    // A buffer that does not start on a 4-byte boundary (a slice of a larger read) is read too.
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    assert.equal(RankTable.fromBinary(shifted.subarray(1))?.table.rankOf('hello', 0, 5), fromText.rankOf('hello', 0, 5));
  });

  it('a binary file that is not one of this format is refused (the text form is used instead)', () => {
    const table = RankTable.fromTiktoken(`x 0 ${btoa('ab')} ${btoa('cd')}`);
    const good = table.toBinary({ encoding: 'test' });
    assert.equal(RankTable.fromBinary(good)?.table.rankOf('cd', 0, 2), 1);
    assert.equal(RankTable.fromBinary(good.subarray(0, good.length - 4)), undefined, 'truncated');
    assert.equal(RankTable.fromBinary(new Uint8Array([1, 2])), undefined, 'too short');
    const header = JSON.stringify({ format: RANK_FILE_FORMAT + 1 });
    const other = new Uint8Array(4 + header.length);
    new DataView(other.buffer).setUint32(0, header.length, true);
    other.set(new TextEncoder().encode(header), 4);
    assert.equal(RankTable.fromBinary(other), undefined, 'another format version');
    const garbage = good.slice();
    garbage[5] = 0x7b; // breaks the JSON header
    garbage[6] = 0x7b;
    assert.equal(RankTable.fromBinary(garbage), undefined, 'a header that is not JSON');
  });
});

