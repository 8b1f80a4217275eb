/**
 * The bundles load some files from beside themselves at run time (the tokenizer's rank tables, the
 * detection worker): each must be built and shipped in the .vsix, or the extension breaks only when
 * installed. Reads dist/ as `npm test` builds it, and .vscodeignore as `vsce package` reads it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RankTable } from '../../../src/core/tokenize/rank-table';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DIST = join(ROOT, 'dist');

/** Files a bundle requires relative to itself, e.g. `./tiktoken-o200k_base.js`. */
function relativeRequires(bundle: string): string[] {
  const text = readFileSync(join(DIST, bundle), 'utf8');
  return [...new Set([...text.matchAll(/require\("\.\/([^"]+)"\)/g)].map((m) => m[1]))];
}

/** Whether .vscodeignore (ignore everything, then `!` re-includes) ships `dist/<file>`. */
function shipped(file: string): boolean {
  const patterns = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.startsWith('!'));
  return patterns.some((p) => {
    const glob = p.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
    return new RegExp(`^${glob}$`).test(`dist/${file}`);
  });
}

describe('bundle files loaded at run time', () => {
  it('keeps the tokenizer rank tables out of the extension bundle and ships them beside it', () => {
    assert.ok(existsSync(join(DIST, 'extension-main.js')), 'dist/extension-main.js is missing: run `npm run build` first');
    const requires = relativeRequires('extension-main.js');
    assert.ok(requires.includes('tiktoken-o200k_base.js') && requires.includes('tiktoken-cl100k_base.js'), `required beside the bundle: ${requires.join(', ')}`);
    // Inlined, the 2.3 MB table was read on every load of the extension, before the first lens.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const o200k = require(join(DIST, 'tiktoken-o200k_base.js')) as { default?: { bpe_ranks: string }; bpe_ranks?: string };
    const sample = (o200k.default?.bpe_ranks ?? o200k.bpe_ranks ?? '').slice(0, 200);
    assert.equal(sample.length, 200);
    assert.ok(!readFileSync(join(DIST, 'extension-main.js'), 'utf8').includes(sample), 'the extension bundle holds no rank table');
  });

  for (const bundle of ['extension.js', 'extension-main.js', 'cli.js', 'detect-worker.js', 'scan-process.js', 'index-process.js']) {
    it(`${bundle}: every file it requires from beside itself is built and shipped`, () => {
      for (const file of relativeRequires(bundle)) {
        assert.ok(existsSync(join(DIST, file)), `dist/${file} (required by ${bundle}) is built`);
        if (bundle !== 'cli.js') assert.ok(shipped(file), `dist/${file} is re-included by .vscodeignore`);
      }
    });
  }

  it('the main bundle, compiled with a code cache, has no import(): Node 20 cannot run one from cached code', () => {
    const text = readFileSync(join(DIST, 'extension-main.js'), 'utf8');
    assert.deepEqual(text.match(/\bimport\(\s*["'`]/g) ?? [], []);
    // The entry VS Code loads is only the loader.
    assert.ok(readFileSync(join(DIST, 'extension.js'), 'utf8').length < 20_000);
  });

    it('the scripts the extension loads or starts by file name (its main bundle, detection workers, the scan and index processes) are built and shipped', () => {
    for (const file of ['extension-main.js', 'detect-worker.js', 'scan-process.js', 'index-process.js']) {
      assert.ok(existsSync(join(DIST, file)), `dist/${file} is built`);
      assert.ok(shipped(file), `dist/${file} is re-included by .vscodeignore`);
    }
  });

  it('the rank tables beside the bundle are the ones the tokenizer reads', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require(join(DIST, 'tiktoken-o200k_base.js')) as { default?: { pat_str?: string; bpe_ranks?: string }; pat_str?: string; bpe_ranks?: string };
    const ranks = data.default ?? data;
    assert.equal(typeof ranks.pat_str, 'string');
    assert.ok((ranks.bpe_ranks?.length ?? 0) > 1_000_000);
  });

  it('the rank tables already built (read on the first count instead of the 2.3 MB module) are written, shipped and valid', () => {
    for (const encoding of ['o200k_base', 'cl100k_base']) {
      const file = `tiktoken-${encoding}.ranks`;
      assert.ok(existsSync(join(DIST, file)), `dist/${file} is built`);
      assert.ok(shipped(file), `dist/${file} is re-included by .vscodeignore`);
      const read = RankTable.fromBinary(readFileSync(join(DIST, file)));
      assert.equal(read?.meta.encoding, encoding);
      assert.ok((read?.table.size ?? 0) > 90_000);
    }
    // The bundles look for them by name beside themselves.
    for (const bundle of ['extension-main.js', 'scan-process.js', 'cli.js']) assert.match(readFileSync(join(DIST, bundle), 'utf8'), /\.ranks`/, bundle);
  });
});

