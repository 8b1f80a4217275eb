import * as assert from 'node:assert/strict';
import { get_encoding, type Tiktoken as WasmTiktoken } from 'tiktoken';
import { countTokens, clearTokenCountCache } from '../../../src/core/tokenize';
import { generatedStrings, HAND_PICKED } from './strings';

interface JsTiktokenClass {
  new (ranks: unknown): { encode(text: string, allowed?: string[] | 'all', disallowed?: string[] | 'all'): number[] };
}

// The reference is OpenAI's tiktoken (Rust compiled to WASM, the `tiktoken` npm package).
// `encode_ordinary` treats special-token spellings as plain text, which is what countTokens promises.
describe('tokenize: countTokens equals the tiktoken WASM reference', function () {
  this.timeout(120_000);
  const cases = [
    ...generatedStrings(20261123).map(({ label, text }) => ({ label, text })),
    ...HAND_PICKED.map((text, i) => ({ label: `hand-picked #${i} (${JSON.stringify(text.slice(0, 24))}${text.length > 24 ? '…' : ''})`, text })),
  ];

  it('has at least 200 varied cases', () => {
    assert.ok(cases.length >= 200, `only ${cases.length} cases`);
    const kinds = new Set(cases.map((c) => c.label.replace(/ #.*/, '')));
    for (const kind of ['typescript', 'python', 'cjk', 'arabic', 'emoji', 'whitespace', 'long run', 'special-token text']) {
      assert.ok(kinds.has(kind), `missing kind ${kind}`);
    }
  });

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    describe(encoding, () => {
      let reference: WasmTiktoken;
      before(() => {
        reference = get_encoding(encoding);
        clearTokenCountCache();
      });
      after(() => reference.free());

      it(`matches on all ${cases.length} strings`, () => {
        const mismatches: string[] = [];
        for (const { label, text } of cases) {
          const expected = reference.encode_ordinary(text).length;
          const actual = countTokens(text, encoding).tokens;
          if (actual !== expected) mismatches.push(`${label}: expected ${expected}, got ${actual}`);
        }
        assert.deepEqual(mismatches, []);
      });

      it('treats special-token text as plain text, like encode(text, [], [])', () => {
        for (const text of ['<|endoftext|>', 'a<|endofprompt|>b', '<|im_start|>system\nYou are<|im_end|>']) {
          const expected = reference.encode(text, [], []).length;
          assert.equal(countTokens(text, encoding).tokens, expected, text);
          assert.equal(reference.encode_ordinary(text).length, expected, 'reference agrees with itself');
        }
      });

      // Once is enough: building js-tiktoken's own tables takes ~0.5 s per encoding.
      if (encoding === 'o200k_base') it('agrees with js-tiktoken encode(text, [], []) on short strings (js-tiktoken throws without those options)', () => {
        // js-tiktoken is an ES module package with a CommonJS build; required directly, typed locally.
        const { Tiktoken } = require('js-tiktoken/lite') as { Tiktoken: JsTiktokenClass };
        const ranks = require(`js-tiktoken/ranks/${encoding}`);
        const js = new Tiktoken(ranks.default ?? ranks);
        assert.throws(() => js.encode('<|endoftext|>'), /special token/);
        for (const { text } of cases.filter((c) => c.text.length < 400).slice(0, 80)) {
          assert.equal(countTokens(text, encoding).tokens, js.encode(text, [], []).length, JSON.stringify(text));
        }
      });
    });
  }
});
