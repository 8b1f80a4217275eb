/**
 * What each piece of the extension keeps in memory, in a plain Node process (no editor): the
 * resident size (RSS) and V8 heap after a forced GC, measured after each step in the order the
 * editor meets them: the catalog, the tokenizer ranks (each encoding), the tree-sitter runtime and
 * each grammar, a lens's analysis of one file, the repository index of a folder, and a Cost report
 * scan of the same folder run here (as before the scan process) against the same scan in its own
 * process (what the host keeps from it: the report only).
 *   node --expose-gc out/bench/editor-memory.js [folder]   (default: examples/)
 * Figures depend on the machine and its load: read them as deltas between steps of one run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogIndex } from '../src/core/catalog/lookup';
import { analyzeText, configToAssumptions, DEFAULT_CONFIG, getBundledCatalog, resolveModel } from '../src/extension/core-api';
import { encodingCounter } from '../src/core/tokenize/encodings';
import { parse, type Grammar } from '../src/core/detect/parser';
import { scanPaths } from '../src/node/scan';
import { startScanProcess } from '../src/node/scan-process-client';
import { WorkspaceRepository } from '../src/node/workspace-repo';
import { defaultJobs } from '../src/node/detect-pool';

const ROOT = resolve(__dirname, '..', '..');

interface Step {
  readonly step: string;
  readonly rssMb: number;
  readonly heapMb: number;
  /** ArrayBuffers and other memory outside the V8 heap (wasm memories, buffers). */
  readonly externalMb: number;
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');
  const folder = resolve(process.argv[2] ?? join(ROOT, 'examples'));
  const steps: Step[] = [];
  const mark = async (step: string): Promise<void> => {
    await settle();
    const m = process.memoryUsage();
    steps.push({ step, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) });
  };
  await mark('start (modules required)');
  const catalog = getBundledCatalog();
  catalogIndex(catalog);
  resolveModel(catalog, 'gpt-4o');
  await mark('catalog + its lookup index');
  encodingCounter('o200k_base').count('hello world, how are you?');
  await mark('o200k_base ranks (every exact count, and the approximated tokenizers)');
  encodingCounter('cl100k_base').count('hello world, how are you?');
  await mark('cl100k_base ranks (older OpenAI models only)');
  const samples: Record<Grammar, string> = { typescript: 'const a: number = 1;', tsx: 'const a = <div/>;', javascript: 'const a = 1;', python: 'a = 1' };
  for (const grammar of Object.keys(samples) as Grammar[]) {
    await parse(samples[grammar], grammar, { timeoutMs: 5_000 });
    await mark(`tree-sitter ${grammar} grammar + parser`);
  }
  const env = { catalog, assumptions: configToAssumptions(DEFAULT_CONFIG) };
  const file = join(ROOT, 'examples', 'ts-agent', 'review-agent.ts');
  await analyzeText(readFileSync(file, 'utf8'), 'ts-agent/review-agent.ts', 'typescript', env);
  await mark('one lens analysis (examples/ts-agent/review-agent.ts)');
  const repo = new WorkspaceRepository(folder, { jobs: defaultJobs('editor') });
  await repo.index();
  await mark(`repository index of ${folder}`);
  const options = { catalog, assumptions: env.assumptions, resolveModel, root: folder, cwd: folder, respectGitignore: true, jobs: defaultJobs('editor') };
  const request = { paths: [folder], root: folder, cwd: folder, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true, jobs: options.jobs, catalog, assumptions: env.assumptions };
  let childReport = await startScanProcess(request).outcome;
  await mark('scan in its own process, report kept');
  childReport = { kind: 'cancelled' };
  void childReport;
  let report: unknown = await scanPaths([folder], options);
  await mark('scan on this process, report kept (before the scan process)');
  report = undefined;
  void report;
  await mark('that report dropped');
  const first = steps[0];
  let previous = first;
  const rows = steps.map((s) => {
    const row = `${s.step.padEnd(72)} ${String(s.rssMb).padStart(7)} MB (${signed(s.rssMb - previous.rssMb)})  heap ${String(s.heapMb).padStart(6)} (${signed(s.heapMb - previous.heapMb)})  external ${String(s.externalMb).padStart(6)} (${signed(s.externalMb - previous.externalMb)})`;
    previous = s;
    return row;
  });
  console.log(`memory after a forced GC, Node ${process.version}, folder ${folder}\n${rows.join('\n')}`);
  void repo;
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r >= 0 ? '+' : ''}${r}`;
}

// Run only as its own entry (`npm run bench:memory`): `npm run bench` requires every module under out/bench
// to find its bench modules, and this one needs --expose-gc.
if (require.main === module) main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
