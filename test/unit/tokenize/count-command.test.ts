import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';

function fakeIo(stdin = '', cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTty: false,
    cwd,
    readStdin: async () => stdin,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('cli: tokenomics count', () => {
  it('a missing file is one clear line and exit 2', async () => {
    const t = fakeIo();
    assert.equal(await main(['count', 'no-such-file.txt'], t.io), 2);
    assert.equal(t.err(), "tokenomics count: cannot read 'no-such-file.txt': no such file\n");
    assert.equal(t.out(), '');
  });

  it('counts stdin exactly with --tokenizer, as JSON', async () => {
    const t = fakeIo('hello world');
    assert.equal(await main(['count', '-', '--tokenizer', 'o200k_base', '--format', 'json'], t.io), 0);
    const json = JSON.parse(t.out());
    assert.equal(json.input, '<stdin>');
    assert.equal(json.characters, 11);
    assert.deepEqual(json.rows, [
      { family: 'GPT-4o, GPT-4.1, GPT-5, o-series, gpt-oss', tokenizer: 'o200k_base', tokens: 2, exact: true, low: 2, high: 2, basis: 'exact, js-tiktoken o200k_base ranks' },
    ]);
  });

  it('reads a file relative to the working directory and picks the tokenizer of --model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-count-'));
    writeFileSync(join(dir, 'prompt.txt'), 'The quick brown fox jumps over the lazy dog.');
    const t = fakeIo('', dir);
    assert.equal(await main(['count', 'prompt.txt', '--model=claude-sonnet-4-5', '--format=json'], t.io), 0);
    const [row] = JSON.parse(t.out()).rows;
    assert.equal(row.model, 'claude-sonnet-4-5');
    assert.equal(row.tokenizer, 'claude');
    assert.equal(row.tokens, 12); // 10 o200k_base tokens × 1.16 (prose)
    assert.equal(row.exact, false);
    assert.deepEqual([row.low, row.high], [11, 13]); // 12 × (1 ± 0.12)
  });

  it('counts a model the catalog lacks by its name, and says so', async () => {
    const t = fakeIo('hello world');
    assert.equal(await main(['count', '--model', 'my-private-model', '--format', 'json'], t.io), 0);
    const [row] = JSON.parse(t.out()).rows;
    assert.equal(row.tokenizer, 'other');
    assert.match(row.family, /^not in the catalog.*, tokenizer chosen by name$/);
    assert.equal(row.exact, false);
  });

  it('without --model or --tokenizer prints one row per family, exact rows first', async () => {
    const t = fakeIo('hello world');
    assert.equal(await main(['count'], t.io), 0);
    const lines = t.out().split('\n');
    assert.equal(lines[0], '<stdin>: 11 characters, raw text (no chat framing)');
    const rows = lines.filter((l) => /  (o200k_base|cl100k_base|claude|gemini|gemma|llama3|llama4|qwen|deepseek|mistral|grok) /.test(l));
    assert.equal(rows.length, 12);
    assert.match(rows[0], /o200k_base\s+2\s+exact/);
    assert.match(rows[2], /Claude 3 – 4\.6\s+claude\s+≈ 2/);
  });

  it('rejects an unknown tokenizer or format with exit 2', async () => {
    const a = fakeIo('x');
    assert.equal(await main(['count', '--tokenizer', 'bogus'], a.io), 2);
    assert.match(a.err(), /unknown tokenizer 'bogus'\nKnown tokenizers: o200k_base, cl100k_base/);
    const b = fakeIo('x');
    assert.equal(await main(['count', '--format', 'xml'], b.io), 2);
  });
});
