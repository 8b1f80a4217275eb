/**
 * The main bundle's loader with a V8 code cache (src/extension/code-cache.ts): a first load writes the
 * cache when asked, a later load compiles from it, a changed bundle or a damaged cache is compiled
 * afresh and its cache replaced, and the bundle sees the same module scope as under `require`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheFile, requireWithCodeCache } from '../../../src/extension/code-cache';

interface Bundle {
  readonly answer: number;
  readonly dir: string;
  readonly file: string;
  readonly helper: string;
  twice(n: number): number;
}

describe('extension code cache', () => {
  let dir = '';
  let bundle = '';
  let cache = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-code-cache-'));
    bundle = join(dir, 'main.js');
    cache = join(dir, 'cache');
    writeFileSync(join(dir, 'helper.js'), `module.exports = 'beside';\n`);
    // Some functions compiled only when called, as a bundle's are.
    writeFileSync(bundle, `exports.answer = 42;\nexports.dir = __dirname;\nexports.file = __filename;\nexports.helper = require('./helper');\nexports.twice = function (n) { return n * 2; };\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A load in this process (V8 may compile it from its own in-memory cache of the same source). */
  function load(cacheDir: string | undefined) {
    for (const key of Object.keys(require.cache)) if (key.startsWith(dir)) delete require.cache[key];
    return requireWithCodeCache<Bundle>(bundle, cacheDir, module);
  }

  /** A new session's load, in a fresh process: whether V8 took the cache is only known there. Saves when asked. */
  function session(save: boolean): { state: string; answer: number; helper: string; twice: number; saved?: string } {
    const loader = join(__dirname, '../../../src/extension/code-cache.js');
    const script = `const { requireWithCodeCache } = require(${JSON.stringify(loader)});
const l = requireWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, module);
const saved = ${save} ? l.save() : undefined;
process.stdout.write(JSON.stringify({ state: l.state, answer: l.exports.answer, helper: l.exports.helper, twice: l.exports.twice(5), saved }));`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ReturnType<typeof session>;
  }

  it('without a cache folder, a plain require', () => {
    const loaded = load(undefined);
    assert.equal(loaded.state, 'off');
    assert.equal(loaded.exports.answer, 42);
    assert.equal(loaded.save(), undefined);
  });

  it('a first load creates the cache when asked, a later session uses it, with the same module scope', function () {
    this.timeout(30_000);
    const first = load(cache);
    assert.equal(first.state, 'created');
    assert.deepEqual([first.exports.answer, first.exports.dir, first.exports.file, first.exports.helper], [42, dir, bundle, 'beside']);
    assert.equal(first.exports.twice(4), 8);
    const written = first.save();
    assert.equal(written, codeCacheFile(bundle, cache));
    assert.ok(existsSync(written!));
    assert.equal(first.save(), undefined, 'written once');

    assert.deepEqual(session(true), { state: 'used', answer: 42, helper: 'beside', twice: 10 }, 'a used cache is not written again');
  });

  it('a changed bundle gets a new cache and the old one is removed', () => {
    const first = load(cache);
    const old = first.save()!;
    writeFileSync(bundle, `exports.answer = 43;\n`);
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    const next = load(cache);
    assert.equal(next.state, 'created');
    assert.equal(next.exports.answer, 43);
    const written = next.save()!;
    assert.notEqual(written, old);
    assert.deepEqual(readdirSync(cache), [written.slice(cache.length + 1)]);
  });

  it('a damaged cache is refused by V8, the bundle still loads, and the cache is written again', function () {
    this.timeout(30_000);
    const file = codeCacheFile(bundle, cache);
    load(cache).save();
    writeFileSync(file, Buffer.from('not a code cache'));
    assert.deepEqual(session(true), { state: 'rejected', answer: 42, helper: 'beside', twice: 10, saved: file });
    assert.equal(session(false).state, 'used');
  });

  it('an error of the bundle itself is thrown, not hidden by a second load', () => {
    writeFileSync(bundle, `globalThis.__codeCacheRuns = (globalThis.__codeCacheRuns ?? 0) + 1;\nthrow new Error('broken bundle');\n`);
    const g = globalThis as { __codeCacheRuns?: number };
    delete g.__codeCacheRuns;
    assert.throws(() => load(cache), /broken bundle/);
    assert.equal(g.__codeCacheRuns, 1);
    delete g.__codeCacheRuns;
  });
});
