import * as assert from 'node:assert/strict';
import { NO_RANK, RankTable } from '../../../src/core/tokenize/rank-table';

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
});
