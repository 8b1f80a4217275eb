/**
 * Editor bench: what the extension costs the editor.
 *   - activation: require + activate of dist/extension.js with a minimal vscode stub, in fresh
 *     processes, against an empty Node process (reference) measured in the same run;
 *   - hover latency p50/p95: cold (first hover in a fresh process: module, grammar and ranks load
 *     + analysis + hover) and warm (the hover answering from the cached analysis), against a
 *     full re-analysis of the same file (what the cache saves);
 *   - analysis time per 1,000 lines on a 5,000-line file, against tree-sitter parsing alone
 *     (the floor: our rules and pricing on top of the parse).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compared, type BenchContext, type BenchMetric, type BenchModule } from './harness';
import { ACTIVATION_SCRIPT, COLD_HOVER_SCRIPT } from './editor-stub';
import { parse } from '../src/core/detect/parser';
import { analyzeText, cheapestAndFastest, configToAssumptions, DEFAULT_CONFIG, getBundledCatalog } from '../src/extension/core-api';
import { workloadOfPrompt } from '../src/extension/hover/workload';
import { hoverMarkdownFor, hoverTargetAt } from '../src/extension/hover/targets';

const NEEDLE = 'meticulous billing';

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function sortedTimes(samples: readonly number[]): number[] {
  return [...samples].sort((a, b) => a - b);
}

function child<T>(root: string, script: string, args: readonly string[]): { result: T; wallMs: number } {
  const start = performance.now();
  const out = execFileSync(process.execPath, ['-e', script, ...args], { cwd: root, encoding: 'utf8' });
  return { result: JSON.parse(out || '{}') as T, wallMs: performance.now() - start };
}

/** A file of about `lines` lines: the fixture repeated with its names made unique. */
export function largeFixture(source: string, lines: number): string {
  const copies: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const copy = source.replace(/SUPPORT_PROMPT/g, `SUPPORT_PROMPT_${i}`).replace(/\banswer\b/g, `answer${i}`).replace(/^import .*$/gm, '');
    copies.push(copy);
    count += copy.split('\n').length;
  }
  return copies.join('\n');
}

function activationMetrics(ctx: BenchContext, runs: number): BenchMetric[] {
  const bundle = join(ctx.root, 'dist', 'extension.js');
  if (!existsSync(bundle)) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const empty = sortedTimes(Array.from({ length: runs }, () => child<object>(ctx.root, 'process.stdout.write("{}")', []).wallMs));
  const samples = Array.from({ length: runs }, () => child<{ requireMs: number; activateMs: number }>(ctx.root, ACTIVATION_SCRIPT, [bundle]));
  const wall = sortedTimes(samples.map((s) => s.wallMs));
  const requireMs = sortedTimes(samples.map((s) => s.result.requireMs));
  const activateMs = sortedTimes(samples.map((s) => s.result.activateMs));
  return [
    compared({ name: 'activation: process with extension loaded, p50', value: percentile(wall, 50), unit: 'ms', reference: percentile(empty, 50), referenceName: 'empty node process', better: 'lower', target: { max: 4 }, note: `${runs} fresh processes` }),
    // Since session 10 dist/extension.js is the entry only: activate() loads dist/extension-main.js (here without a
    // cache folder, so plainly; the code cache's effect is bench/cold-lens.ts's).
    { name: 'activation: require dist/extension.js (the entry), p50', value: percentile(requireMs, 50), unit: 'ms', better: 'lower' },
    { name: 'activation: activate() with a stub vscode (loads the main bundle), p50', value: percentile(activateMs, 50), unit: 'ms', better: 'lower' },
  ];
}

async function hoverMetrics(ctx: BenchContext, coldRuns: number, warmRuns: number): Promise<BenchMetric[]> {
  const fixture = join(ctx.root, 'test', 'fixtures', 'workspace', 'support.ts');
  const out = join(ctx.root, 'out');
  const cold = Array.from({ length: coldRuns }, () => child<{ analysisMs: number; hoverMs: number; found: boolean }>(ctx.root, COLD_HOVER_SCRIPT, [out, fixture, NEEDLE]).result);
  if (!cold[0]?.found) ctx.log('no prompt found under the cursor in the fixture: hover timings cover the lookup only');
  const coldHover = sortedTimes(cold.map((c) => c.hoverMs));

  const text = readFileSync(fixture, 'utf8');
  const catalog = getBundledCatalog();
  const assumptions = configToAssumptions(DEFAULT_CONFIG);
  const reanalysis: number[] = [];
  let report = await analyzeText(text, fixture, 'typescript', { catalog, assumptions });
  for (let i = 0; i < Math.max(5, Math.floor(warmRuns / 20)); i++) {
    const t = performance.now();
    report = await analyzeText(`${text}\n// edit ${i}\n`, fixture, 'typescript', { catalog, assumptions });
    reanalysis.push(performance.now() - t);
  }
  const before = text.slice(0, text.indexOf(NEEDLE)).split('\n');
  const line = before.length;
  const column = (before[before.length - 1]?.length ?? 0) + 2;
  const alternativesCache = new Map<string, ReturnType<typeof cheapestAndFastest>>();
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const t = performance.now();
    const target = hoverTargetAt(report, line, column);
    if (target?.kind === 'prompt') {
      const prompt = target.site;
      let alternatives = alternativesCache.get(prompt.id);
      if (!alternatives) alternativesCache.set(prompt.id, (alternatives = cheapestAndFastest(catalog, workloadOfPrompt(prompt, undefined, assumptions.outputTokens))));
      hoverMarkdownFor(report, target, catalog, assumptions, 'file:///x', alternatives);
    }
    warm.push(performance.now() - t);
  }
  const warmSorted = sortedTimes(warm);
  const reSorted = sortedTimes(reanalysis);
  return [
    { name: 'hover cold (fresh process, first hover), p50', value: percentile(coldHover, 50), unit: 'ms', better: 'lower', note: `${coldRuns} processes` },
    { name: 'hover cold (fresh process, first hover), p95', value: percentile(coldHover, 95), unit: 'ms', better: 'lower' },
    { name: 'analysis of the fixture after an edit, p50', value: percentile(reSorted, 50), unit: 'ms', better: 'lower' },
    { name: 'analysis of the fixture after an edit, p95', value: percentile(reSorted, 95), unit: 'ms', better: 'lower' },
    compared({ name: 'hover warm (cached analysis), p50', value: percentile(warmSorted, 50), unit: 'ms', reference: percentile(reSorted, 50), referenceName: 're-analysis p50', better: 'lower', target: { max: 0.2 }, note: `${warmRuns} hovers` }),
    compared({ name: 'hover warm (cached analysis), p95', value: percentile(warmSorted, 95), unit: 'ms', reference: percentile(reSorted, 95), referenceName: 're-analysis p95', better: 'lower', target: { max: 0.2 } }),
  ];
}

async function largeFileMetrics(ctx: BenchContext, runs: number): Promise<BenchMetric[]> {
  const source = readFileSync(join(ctx.root, 'test', 'fixtures', 'workspace', 'support.ts'), 'utf8');
  const text = largeFixture(source, 5000);
  const lines = text.split('\n').length;
  const catalog = getBundledCatalog();
  const assumptions = configToAssumptions(DEFAULT_CONFIG);
  await analyzeText(text, 'large.ts', 'typescript', { catalog, assumptions }); // warm-up: grammar and ranks loaded
  const analysis: number[] = [];
  const parseOnly: number[] = [];
  for (let i = 0; i < runs; i++) {
    const edited = `${text}\n// edit ${i}\n`;
    let t = performance.now();
    const tree = await parse(edited, 'typescript', { timeoutMs: 60_000 });
    parseOnly.push(performance.now() - t);
    tree?.delete();
    t = performance.now();
    await analyzeText(edited, 'large.ts', 'typescript', { catalog, assumptions });
    analysis.push(performance.now() - t);
  }
  const per1000 = (ms: number): number => (ms / lines) * 1000;
  const a = sortedTimes(analysis);
  const p = sortedTimes(parseOnly);
  return [
    compared({ name: `analysis per 1,000 lines (${lines}-line file), p50`, value: per1000(percentile(a, 50)), unit: 'ms', reference: per1000(percentile(p, 50)), referenceName: 'tree-sitter parse only', better: 'lower', target: { max: 10 }, note: `${runs} runs` }),
    { name: `analysis of the ${lines}-line file, p95`, value: percentile(a, 95), unit: 'ms', better: 'lower', note: 'runs once per pause in typing (300 ms debounce), cancelled by the next edit' },
  ];
}

export const benchModule: BenchModule = {
  name: 'editor',
  description: 'in Node with a stub vscode (not the editor; the real extension host: npm run bench:editor): activation cost, hover latency (cold/warm), analysis time per 1,000 lines',
  async run(ctx) {
    const quick = ctx.quick;
    return [
      ...activationMetrics(ctx, quick ? 3 : 9),
      ...(await hoverMetrics(ctx, quick ? 2 : 7, quick ? 100 : 1000)),
      ...(await largeFileMetrics(ctx, quick ? 2 : 5)),
    ];
  },
};
