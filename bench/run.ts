/**
 * `npm run bench`: runs every bench module (see `harness.ts`), prints one table and writes
 * `bench/results/latest.json`. Arguments: module names to run only those; `--quick` for a smoke run.
 * Exit code 1 when a metric misses its target ratio, so CI can gate on it if it wants to.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { meetsTarget, type BenchMetric, type BenchModule } from './harness';

const ROOT = join(__dirname, '..', '..');
const SKIP = new Set(['run.js', 'harness.js']);

/** Bench modules compiled next to this file: top-level files and folders' index.js exporting `benchModule`. */
function discoverModules(dir: string): BenchModule[] {
  const found: BenchModule[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const file = statSync(path).isDirectory() ? join(path, 'index.js') : entry.endsWith('.js') && !SKIP.has(entry) ? path : undefined;
    if (!file || !existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as { benchModule?: BenchModule };
    if (loaded.benchModule && typeof loaded.benchModule.run === 'function') found.push(loaded.benchModule);
  }
  return found;
}

interface ModuleResult {
  readonly name: string;
  readonly description: string;
  readonly durationMs: number;
  readonly metrics: readonly BenchMetric[];
  readonly error?: string;
}

function formatNumber(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  const abs = Math.abs(n);
  if (abs > 0 && abs < 1) return n.toPrecision(3); // 0.00312, not 0.003 or 0.000
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function renderTable(results: readonly ModuleResult[]): string {
  const header = ['module', 'metric', 'value', 'unit', 'reference', 'ratio', 'target'];
  const rows: string[][] = [];
  for (const r of results) {
    if (r.error) rows.push([r.name, 'ERROR', r.error, '', '', '', '']);
    for (const m of r.metrics) {
      const target = m.target ? [m.target.min !== undefined ? `≥${m.target.min}` : '', m.target.max !== undefined ? `≤${m.target.max}` : ''].filter(Boolean).join(' ') : '';
      rows.push([
        r.name,
        m.name,
        formatNumber(m.value),
        m.unit,
        m.reference !== undefined ? `${formatNumber(m.reference)}${m.referenceName ? ` (${m.referenceName})` : ''}` : '',
        m.ratio !== undefined ? `${m.ratio !== 0 && Math.abs(m.ratio) < 0.01 ? m.ratio.toPrecision(2) : m.ratio.toFixed(2)}×` : '',
        target ? `${target}${meetsTarget(m) ? ' ok' : ' MISSED'}` : '',
      ]);
    }
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c].length)));
  const numeric = new Set([2, 5]);
  const line = (cells: string[]) => cells.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const only = argv.filter((a) => !a.startsWith('--'));
  const modules = discoverModules(__dirname).filter((m) => only.length === 0 || only.includes(m.name));
  if (modules.length === 0) {
    process.stderr.write(`bench: no bench module${only.length ? ` named ${only.join(', ')}` : ''} found in ${__dirname}\n`);
    return 2;
  }
  const results: ModuleResult[] = [];
  for (const module of modules) {
    const log = (message: string) => process.stderr.write(`[${module.name}] ${message}\n`);
    log(module.description);
    const start = performance.now();
    try {
      const metrics = await module.run({ root: ROOT, quick, log });
      results.push({ name: module.name, description: module.description, durationMs: Math.round(performance.now() - start), metrics });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      results.push({ name: module.name, description: module.description, durationMs: Math.round(performance.now() - start), metrics: [], error: message });
    }
  }
  process.stdout.write(renderTable(results) + '\n');
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const report = {
    date: new Date().toISOString(),
    quick,
    machine: { platform: `${platform()} ${release()}`, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    modules: results,
  };
  writeFileSync(join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`bench: wrote ${join('bench', 'results', 'latest.json')}\n`);
  const missed = results.some((r) => r.error || r.metrics.some((m) => !meetsTarget(m)));
  return missed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err) => {
      process.stderr.write(`bench: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
