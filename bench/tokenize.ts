/**
 * Tokenizer bench: our counter (js-tiktoken ranks + heap BPE merge) against OpenAI's tiktoken
 * compiled to WASM (the reference) and js-tiktoken's own `encode`, in the same run:
 *   - throughput (MB/s of UTF-8, per CPU second, contenders interleaved) on a mixed corpus of code
 *     and prose from this repository,
 *   - a single 10,000-character piece (the case where a quadratic merge stalls an editor),
 *   - cold start to the first count, each in a fresh child process (module loading included),
 *   - peak memory (max RSS) of a child that loaded the encoding and counted the corpus,
 *   - a hover re-asking for the same 20 KB prompt (count cache).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compared, interleavedMediansMs, medianMs, type BenchContext, type BenchMetric, type BenchModule } from './harness';
import { clearTokenCountCache, countTokens } from '../src/core/tokenize';
import { encodingCounter } from '../src/core/tokenize/encodings';

interface Encoder {
  count(text: string): number;
}

function listFiles(dir: string, ext: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) listFiles(path, ext, out);
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

/** Half code (TypeScript sources of src/, test/, bench/), half prose (docs, seed articles), cycled to `size` characters. */
export function mixedCorpus(root: string, size: number): { text: string; description: string } {
  const code = ['src', 'test', 'bench'].flatMap((d) => listFiles(join(root, d), /\.ts$/));
  const prose = [
    ...listFiles(join(root, 'docs'), /\.md$/),
    ...listFiles(join(root, '..', 'shared', 'seeds'), /\.txt$/),
    ...['README.md', 'CHANGELOG.md'].map((f) => join(root, f)).filter(existsSync),
  ];
  const take = (files: string[], chars: number) => {
    const all = files.map((f) => readFileSync(f, 'utf8')).join('\n\n');
    if (all.length === 0) return '';
    let text = '';
    while (text.length < chars) text += all.slice(0, chars - text.length) + '\n';
    return text;
  };
  const text = take(code, size / 2) + take(prose, size / 2);
  return { text, description: `${code.length} .ts files + ${prose.length} prose files, cycled to ${(size / 1e6).toFixed(2)} M chars` };
}

function wasmEncoder(encoding: 'o200k_base' | 'cl100k_base'): Encoder & { free(): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { get_encoding } = require('tiktoken') as typeof import('tiktoken');
  const enc = get_encoding(encoding);
  return { count: (t) => enc.encode_ordinary(t).length, free: () => enc.free() };
}

function jsTiktokenEncoder(encoding: 'o200k_base' | 'cl100k_base'): Encoder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Tiktoken } = require('js-tiktoken/lite') as { Tiktoken: new (r: unknown) => { encode(t: string, a: string[], d: string[]): number[] } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ranks = require(`js-tiktoken/ranks/${encoding}`);
  const enc = new Tiktoken(ranks.default ?? ranks);
  return { count: (t) => enc.encode(t, [], []).length };
}

const mbPerSecond = (text: string, ms: number) => Buffer.byteLength(text, 'utf8') / 1e6 / (ms / 1000);

/** Script run by `node -e` in a fresh process: time from process start to the first count, then peak memory. */
const CHILD_SCRIPT = `
const mode = process.argv[1], tokenizePath = process.argv[2], corpusPath = process.argv[3];
let count;
if (mode === 'ours') { const t = require(tokenizePath); count = (s) => t.countTokens(s, 'o200k_base').tokens; }
else if (mode === 'wasm') { const e = require('tiktoken').get_encoding('o200k_base'); count = (s) => e.encode_ordinary(s).length; }
else if (mode === 'js-tiktoken') { const { Tiktoken } = require('js-tiktoken/lite'); const r = require('js-tiktoken/ranks/o200k_base'); const e = new Tiktoken(r.default || r); count = (s) => e.encode(s, [], []).length; }
else count = (s) => s.length;
const first = count('hello world');
const firstCountMs = performance.now();
const cpu = process.cpuUsage();
const firstCountCpuMs = (cpu.user + cpu.system) / 1000;
const corpusTokens = count(require('fs').readFileSync(corpusPath, 'utf8'));
const usage = process.memoryUsage();
process.stdout.write(JSON.stringify({ first, firstCountMs, firstCountCpuMs, corpusTokens, maxRssMB: process.resourceUsage().maxRSS / 1024, heapUsedMB: usage.heapUsed / 2 ** 20 }));
`;

interface ChildResult {
  readonly firstCountMs: number;
  /** CPU time (all threads) from process start to the first count: steadier than wall time on a loaded machine. */
  readonly firstCountCpuMs: number;
  readonly maxRssMB: number;
  readonly heapUsedMB: number;
}

function runChild(root: string, mode: string, corpusPath: string): ChildResult {
  const tokenizePath = join(root, 'out', 'src', 'core', 'tokenize', 'index.js');
  const out = execFileSync(process.execPath, ['-e', CHILD_SCRIPT, mode, tokenizePath, corpusPath], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as ChildResult;
}

function medianChild(root: string, mode: string, corpusPath: string, runs: number): ChildResult {
  const results = Array.from({ length: runs }, () => runChild(root, mode, corpusPath));
  const median = (pick: (r: ChildResult) => number) => results.map(pick).sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { firstCountMs: median((r) => r.firstCountMs), firstCountCpuMs: median((r) => r.firstCountCpuMs), maxRssMB: median((r) => r.maxRssMB), heapUsedMB: median((r) => r.heapUsedMB) };
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  const { root, quick, log } = context;
  const corpus = mixedCorpus(root, quick ? 200_000 : 500_000);
  log(`corpus: ${corpus.description}`);
  const reps = quick ? 1 : 5;
  const metrics: BenchMetric[] = [];

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    const ours = encodingCounter(encoding);
    const wasm = wasmEncoder(encoding);
    const ourCount = ours.count(corpus.text);
    const refCount = wasm.count(corpus.text);
    if (ourCount !== refCount) throw new Error(`${encoding}: count ${ourCount} differs from the reference ${refCount}`);
    const js = encoding === 'o200k_base' ? jsTiktokenEncoder(encoding) : undefined;
    const contenders = [() => ours.count(corpus.text), () => wasm.count(corpus.text), ...(js ? [() => js.count(corpus.text)] : [])];
    const [oursMs, wasmMs, jsMs] = interleavedMediansMs(contenders, reps, 'cpu');
    metrics.push(
      compared({
        name: `throughput ${encoding}`,
        value: mbPerSecond(corpus.text, oursMs),
        unit: 'MB/s',
        reference: mbPerSecond(corpus.text, wasmMs),
        referenceName: 'tiktoken WASM',
        better: 'higher',
        target: { min: 1 },
        note: `${ourCount} tokens, ${corpus.description}`,
      }),
    );
    if (jsMs !== undefined) {
      metrics.push(
        compared({
          name: 'throughput js-tiktoken encode o200k_base',
          value: mbPerSecond(corpus.text, jsMs),
          unit: 'MB/s',
          reference: mbPerSecond(corpus.text, wasmMs),
          referenceName: 'tiktoken WASM',
          better: 'higher',
          note: "js-tiktoken's own encode(), not used for counting: shown for comparison",
        }),
      );
      const longRun = 'a'.repeat(10_000);
      const [oursLongMs, wasmLongMs] = interleavedMediansMs([() => ours.count(longRun), () => wasm.count(longRun)], reps, 'cpu');
      metrics.push(
        compared({
          name: 'one 10,000-char piece (o200k_base)',
          value: oursLongMs,
          unit: 'ms',
          reference: wasmLongMs,
          referenceName: 'tiktoken WASM',
          better: 'lower',
          target: { max: 1 },
          note: 'js-tiktoken encode() takes ~7 s on this input (quadratic merge): not run here',
        }),
      );
    }
    wasm.free();
    log(`${encoding}: throughput measured`);
  }

  // A hover re-asking for the same prompt: the second count comes from the LRU cache.
  const prompt = corpus.text.slice(0, 20_000);
  clearTokenCountCache();
  const firstMs = medianMs(() => { clearTokenCountCache(); countTokens(prompt, 'o200k_base'); }, reps);
  countTokens(prompt, 'o200k_base');
  const cachedMs = medianMs(() => countTokens(prompt, 'o200k_base'), 5, false);
  metrics.push(compared({ name: 're-count of a 20 KB prompt (cache hit)', value: cachedMs, unit: 'ms', reference: firstMs, referenceName: 'uncached count', better: 'lower', target: { max: 0.5 } }));

  // Cold start and memory in fresh processes, corpus written to a temp file for the children.
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const corpusPath = join(mkdtempSync(join(tmpdir(), 'tokenomics-bench-')), 'corpus.txt');
  writeFileSync(corpusPath, corpus.text);
  const childRuns = quick ? 1 : 3;
  const baseline = medianChild(root, 'baseline', corpusPath, childRuns);
  const oursChild = medianChild(root, 'ours', corpusPath, childRuns);
  const wasmChild = medianChild(root, 'wasm', corpusPath, childRuns);
  const jsChild = medianChild(root, 'js-tiktoken', corpusPath, childRuns);
  log('cold starts measured');
  metrics.push(
    compared({ name: 'cold start to first count (o200k_base)', value: oursChild.firstCountMs, unit: 'ms', reference: wasmChild.firstCountMs, referenceName: 'tiktoken WASM', better: 'lower', target: { max: 1.5 }, note: `from process start; an empty node process reaches the same point in ${baseline.firstCountMs.toFixed(0)} ms` }),
    compared({ name: 'cold start to first count, CPU time', value: oursChild.firstCountCpuMs, unit: 'ms', reference: wasmChild.firstCountCpuMs, referenceName: 'tiktoken WASM', better: 'lower', note: `empty node process: ${baseline.firstCountCpuMs.toFixed(0)} ms; js-tiktoken: ${jsChild.firstCountCpuMs.toFixed(0)} ms` }),
    compared({ name: 'cold start js-tiktoken (o200k_base)', value: jsChild.firstCountMs, unit: 'ms', reference: wasmChild.firstCountMs, referenceName: 'tiktoken WASM', better: 'lower' }),
    compared({ name: 'peak RSS after corpus count', value: oursChild.maxRssMB, unit: 'MB', reference: wasmChild.maxRssMB, referenceName: 'tiktoken WASM', better: 'lower', note: `empty node process: ${baseline.maxRssMB.toFixed(0)} MB; js-tiktoken: ${jsChild.maxRssMB.toFixed(0)} MB` }),
    compared({ name: 'JS heap used after corpus count', value: oursChild.heapUsedMB, unit: 'MB', reference: wasmChild.heapUsedMB, referenceName: 'tiktoken WASM', better: 'lower', note: `js-tiktoken: ${jsChild.heapUsedMB.toFixed(0)} MB (WASM keeps its tables outside the JS heap)` }),
  );
  return metrics;
}

export const benchModule: BenchModule = {
  name: 'tokenize',
  description: 'token counting: our counter on js-tiktoken ranks vs tiktoken WASM (reference) and js-tiktoken encode',
  run,
};
