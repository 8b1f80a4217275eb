import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  clearTokenCountCache,
  codeShare,
  countTokens,
  tokenCountCacheStats,
  ratioProfile,
} from '../../../src/core/tokenize';
import type { TokenizerId } from '../../../src/core/catalog/types';

describe('tokenize: countTokens literal values', () => {
  // Values from OpenAI's cookbook "How to count tokens with tiktoken" and tiktoken's README examples.
  const literals: [string, number, number][] = [
    // text, o200k_base, cl100k_base
    ['hello world', 2, 2],
    ['antidisestablishmentarianism', 6, 6],
    ['2 + 2 = 4', 7, 7],
    ['お誕生日おめでとう', 8, 9],
    ['', 0, 0],
  ];
  for (const [text, o200k, cl100k] of literals) {
    it(`${JSON.stringify(text)} → ${o200k} (o200k_base), ${cl100k} (cl100k_base)`, () => {
      assert.deepEqual(countTokens(text, 'o200k_base'), {
        tokens: o200k,
        exact: true,
        tokenizer: 'o200k_base',
        basis: 'exact, js-tiktoken o200k_base ranks',
      });
      assert.equal(countTokens(text, 'cl100k_base').tokens, cl100k);
    });
  }

  it('counts special-token spellings as text instead of throwing', () => {
    // "<|endoftext|>" as plain text: "<|", "endo", "ft", "ext", "|>" style pieces, 7 tokens in both encodings.
    assert.equal(countTokens('<|endoftext|>', 'o200k_base').tokens, 7);
    assert.equal(countTokens('<|endoftext|>', 'cl100k_base').tokens, 7);
    assert.ok(countTokens('<|im_start|>user\nhi<|im_end|>', 'o200k_base').tokens > 3);
  });

  it('never throws on bad input: a non-string counts as empty, an unknown tokenizer as "other"', () => {
    assert.equal(countTokens(undefined as unknown as string, 'o200k_base').tokens, 0);
    assert.equal(countTokens(42 as unknown as string, 'cl100k_base').tokens, 0);
    const unknown = countTokens('hello world', 'no-such-tokenizer' as TokenizerId);
    assert.equal(unknown.exact, false);
    assert.equal(unknown.tokens, Math.round(2 * ratioProfile('other').prose));
  });

  it('counts a 100k-character single piece quickly enough to finish in this test (no quadratic merge)', () => {
    assert.equal(countTokens('a'.repeat(100_000), 'o200k_base').tokens, 12_500);
  });
});

describe('tokenize: approximate families', () => {
  const prose = 'The quick brown fox jumps over the lazy dog.'; // 10 o200k_base tokens, no code punctuation

  it('scales the o200k_base count by the prose ratio for prose (Claude: 10 × 1.16 → 12)', () => {
    const count = countTokens(prose, 'claude');
    assert.equal(count.tokens, 12);
    assert.equal(count.exact, false);
    assert.equal(count.uncertainty, 0.12);
    assert.match(count.basis, /^≈ o200k_base × 1\.16 \(Claude 3 – Claude 4\.6: published ratio/);
  });

  it('uses the code ratio for code', () => {
    const code = 'function f(a) { return a[0] + b[1]; } // x = y;\nconst z = { k: [1, 2] };';
    assert.equal(codeShare(code), 1);
    const base = countTokens(code, 'o200k_base').tokens;
    assert.equal(countTokens(code, 'claude').tokens, Math.round(base * 1.3));
    assert.equal(countTokens(code, 'gemini').tokens, Math.round(base * 1.166));
  });

  it('classifies prose as prose and blends text in between', () => {
    assert.equal(codeShare(prose), 0);
    assert.equal(codeShare(''), 0);
    // 2 code characters ({ }) in 49 non-space ones: density 0.041 → share (0.041-0.01)/0.05 = 0.62
    const mixed = 'Summarise the following notes for the team please {notes}';
    assert.ok(Math.abs(codeShare(mixed) - (2 / 49 - 0.01) / 0.05) < 1e-9);
  });

  it('every approximate tokenizer id has a profile with a source and an uncertainty', () => {
    for (const id of ['claude', 'gemini', 'gemma', 'llama3', 'llama4', 'qwen', 'deepseek', 'mistral', 'grok', 'other'] as const) {
      const count = countTokens(prose, id);
      assert.equal(count.exact, false, id);
      assert.ok(count.uncertainty !== undefined && count.uncertainty > 0 && count.uncertainty < 0.5, id);
      assert.ok(count.tokens >= 9 && count.tokens <= 16, `${id}: ${count.tokens}`);
    }
  });
});

describe('tokenize: lazy loading', () => {
  it('loads no ranks on import, and only the encoding that is counted', () => {
    // A fresh process: this mocha process has loaded both encodings already.
    const index = join(__dirname, '..', '..', '..', 'src', 'core', 'tokenize', 'index.js');
    const script = `const t = require(${JSON.stringify(index)});
      const before = [t.isEncodingLoaded('o200k_base'), t.isEncodingLoaded('cl100k_base')];
      t.countTokens('hi', 'cl100k_base');
      const after = [t.isEncodingLoaded('o200k_base'), t.isEncodingLoaded('cl100k_base')];
      process.stdout.write(JSON.stringify({ before, after, modules: Object.keys(require.cache).filter((k) => k.includes('ranks')).map((k) => k.replace(/.*ranks[\\/]/, '')) }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepEqual(result, { before: [false, false], after: [false, true], modules: ['cl100k_base.cjs'] });
  });
});

describe('tokenize: count cache', () => {
  it('answers a repeated long text from the cache, and keeps short texts out of it', () => {
    clearTokenCountCache();
    const text = 'cache me '.repeat(20);
    const first = countTokens(text, 'o200k_base').tokens;
    const second = countTokens(text, 'o200k_base').tokens;
    assert.equal(first, second);
    countTokens('short', 'o200k_base');
    assert.deepEqual(tokenCountCacheStats().o200k_base, { size: 1, hits: 1, misses: 1 });
  });

  it('stays bounded: 300 distinct texts leave at most 256 entries', () => {
    clearTokenCountCache();
    for (let i = 0; i < 300; i++) countTokens(`distinct text number ${i} `.repeat(4), 'cl100k_base');
    assert.equal(tokenCountCacheStats().cl100k_base.size, 256);
  });
});
