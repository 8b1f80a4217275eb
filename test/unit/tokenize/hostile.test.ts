import * as assert from 'node:assert/strict';
import { get_encoding } from 'tiktoken';
import { countTokens } from '../../../src/core/tokenize';
import { pathologicalFiles } from '../../fuzz/pathological';

// The shared hostile files (random bytes, invalid UTF-8, BOM + CRLF, special tokens, 20,000-deep
// nesting, a 200 kB single string) decoded as an editor would (invalid bytes → U+FFFD).
describe('tokenize: hostile files', function () {
  this.timeout(60_000);
  const files = pathologicalFiles(7, 200_000).map((f) => ({ ...f, text: f.bytes.toString('utf8') }));
  // The reference merges quadratically too: single pieces of 40k–200k characters would take it
  // seconds to minutes, so those files are only checked for completing with a plausible count.
  const hugePiece = (name: string) => name.startsWith('deep-nesting') || name === 'huge-line.py' || name === 'bundle.min.js';

  it('equals the tiktoken WASM reference on every file without a huge single piece', () => {
    const reference = get_encoding('o200k_base');
    try {
      const checked = files.filter((f) => !hugePiece(f.name));
      assert.ok(checked.length >= 15);
      for (const f of checked) assert.equal(countTokens(f.text, 'o200k_base').tokens, reference.encode_ordinary(f.text).length, `${f.name}: ${f.why}`);
    } finally {
      reference.free();
    }
  });

  it('counts the huge single-piece files (never throws, 1 token per 1–40 characters)', () => {
    for (const f of files.filter((x) => hugePiece(x.name))) {
      for (const tokenizer of ['o200k_base', 'cl100k_base', 'claude'] as const) {
        const { tokens } = countTokens(f.text, tokenizer);
        assert.ok(tokens >= f.text.length / 40 && tokens <= f.text.length, `${f.name} ${tokenizer}: ${tokens} for ${f.text.length} chars`);
      }
    }
  });
});
