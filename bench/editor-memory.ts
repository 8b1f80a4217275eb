/**
 * What each piece of the extension keeps in memory, in a plain Node process (no editor): the
 * resident size (RSS) and V8 heap after a forced GC, measured after each step in the order the
 * editor meets them: the catalog, the tokenizer ranks (each encoding), the tree-sitter runtime and
 * each grammar, a lens's analysis of one file, the repository index of a folder, and a Cost report
 * scan of the same folder in its own process: what the host keeps of it now (the summary: the view's
 * rows), against the whole report the host kept before (read back from the scan's file, as Export does).
 * Then, each in a fresh process (nothing else loaded but the modules and the catalog), the host's
 * high-water mark (maxRSS) while it receives a scan's result, and what stays after a GC: summary
 * vs whole report; and the Cost report's rows (report-memory.ts): every row received and posted to the
 * view (before) against the header, the rows' index and one page (now). Last, each in a fresh process, the host typing into a file (a line added mid-file,
 * then a comment typed key by key, each version analysed, as the editor bench types): with no index,
 * with the folder's index in the host (before), and with the index in its own process (now), the host's
 * peak and settled RSS, and the index process's own.
 *   node --expose-gc out/bench/editor-memory.js [folder]   (default: examples/)
 * Figures depend on the machine and its load: read them as deltas between steps of one run.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogIndex } from '../src/core/catalog/lookup';
import { analyzeText, configToAssumptions, DEFAULT_CONFIG, getBundledCatalog, resolveModel } from '../src/extension/core-api';
import { encodingCounter } from '../src/core/tokenize/encodings';
import { parse, type Grammar } from '../src/core/detect/parser';
import { startScanProcess } from '../src/node/scan-process-client';
import type { ScanRequest } from '../src/node/scan-process-protocol';
import { readReportFile } from '../src/node/scan-summary';
import { reportData } from '../src/extension/webviews/report/view-model';
import { ReportFiles } from '../src/extension/webviews/report/report-files';
import { WorkspaceRepository } from '../src/node/workspace-repo';
import { defaultJobs } from '../src/node/detect-pool';
import { IndexProcess } from '../src/node/index-process-client';
import type { EditorIndex } from '../src/node/editor-index';
import { DEFAULT_IN_HOST_MAX_FILES, PlacedIndex } from '../src/node/index-placement';
import type { WalkResult } from '../src/node/walk';
import { reportHolding } from './report-memory';
import { mb, settle } from './memory-util';

const ROOT = resolve(__dirname, '..', '..');

interface Step {
  readonly step: string;
  readonly rssMb: number;
  readonly heapMb: number;
  /** ArrayBuffers and other memory outside the V8 heap (wasm memories, buffers). */
  readonly externalMb: number;
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
  const built = await repo.index();
  await mark(`repository index of ${folder}`);
  const codeFiles = [...built.store.files()].length;
  const indexRow = steps.at(-1)!;
  const beforeIndex = steps.at(-2)!;
  const perFile = (mbs: number): string => `${Math.round(((mbs * 1024) / Math.max(1, codeFiles)) * 10) / 10} KB`;
  const files = new ReportFiles();
  let outcome: unknown = await startScanProcess(scanRequest(folder, files.next())).outcome;
  await mark('scan in its own process, its summary kept (the host now)');
  const summary = (outcome as { summary: { reportFile: string } }).summary;
  let report: unknown = await readReportFile(summary.reportFile);
  await mark('+ the whole report read back from its file (kept by the host before)');
  report = undefined;
  outcome = undefined;
  void report;
  void outcome;
  await mark('both dropped');
  files.dispose();
  const first = steps[0];
  let previous = first;
  const rows = steps.map((s) => {
    const row = `${s.step.padEnd(72)} ${String(s.rssMb).padStart(7)} MB (${signed(s.rssMb - previous.rssMb)})  heap ${String(s.heapMb).padStart(6)} (${signed(s.heapMb - previous.heapMb)})  external ${String(s.externalMb).padStart(6)} (${signed(s.externalMb - previous.externalMb)})`;
    previous = s;
    return row;
  });
  console.log(`memory after a forced GC, Node ${process.version}, folder ${folder}\n${rows.join('\n')}`);
  console.log(`the index holds ${codeFiles} code files: ${perFile(indexRow.rssMb - beforeIndex.rssMb)} of RSS, ${perFile(indexRow.heapMb - beforeIndex.heapMb)} of heap per code file`);
  void repo;
  console.log('\nthe host receiving a scan, each in a fresh process (RSS over the process before the scan; peak = maxRSS):');
  for (const keep of ['summary', 'whole'] as const) {
    const r = await receiveInFreshProcess(folder, keep);
    const what = keep === 'summary' ? 'summary kept (now)' : 'whole report received and kept, view rows built (before)';
    console.log(`  ${what.padEnd(60)} peak +${r.peakMb} MB (high-water before the scan +${r.startPeakMb}), after a GC +${r.settledMb} MB (heap +${r.heapMb} MB)`);
  }
  console.log(`\nthe Cost report's rows in the host, before and after the view got them a page at a time (each in a fresh process; RSS over the process before the result):`);
  for (const line of await reportHolding(folder, (reportFile) => scanRequest(folder, reportFile))) console.log(line);
  const typed = typingFile(folder);
  console.log(`\nthe host typing into ${typed} (${TYPED_KEYS} keys after a new line, each version analysed), each in a fresh process (RSS over the process with the modules, grammars and ranks loaded):`);
  for (const mode of ['alone', 'in-host', 'process', 'placed'] as const) {
    const r = await typeInFreshProcess(folder, typed, mode);
    const what = { alone: 'no repository index', 'in-host': 'the index in the host', process: 'the index in its own process', placed: `placed by the folder's size (${r.place ?? '?'})` }[mode];
    const proc = r.indexProcessMb === undefined ? '' : `; the index process ${r.indexProcessMb} MB`;
    console.log(`  ${what.padEnd(40)} host: with the index built ${signed(r.builtMb)} MB, peak while typing ${signed(r.peakMb)} MB (high-water, build included, ${signed(r.highWaterMb)}), after a GC ${signed(r.settledMb)} MB (heap ${signed(r.heapMb)} MB); analysis median ${r.medianMs} ms${proc}`);
  }
}

/** Keys typed after the new line (the editor bench types 60, one analysis per pause in typing). */
const TYPED_KEYS = 20;

/** The editor bench's typing file when the folder is its workspace, else the examples' agent. */
function typingFile(folder: string): string {
  for (const rel of ['big/large_agent.ts', 'tokenomics-bench/big/large_agent.ts']) {
    try {
      readFileSync(join(folder, rel));
      return rel;
    } catch {
      // not this workspace
    }
  }
  return 'ts-agent/review-agent.ts';
}

interface Typed {
  readonly builtMb: number;
  /** The highest RSS seen after an analysis while typing. */
  readonly peakMb: number;
  /** The process's high-water mark (maxRSS), the index build included. */
  readonly highWaterMb: number;
  readonly settledMb: number;
  readonly heapMb: number;
  readonly medianMs: number;
  readonly indexProcessMb?: number;
  /** Where the placed index went (index-placement.ts). */
  readonly place?: string;
}

type TypingMode = 'alone' | 'in-host' | 'process' | 'placed';

function typeInFreshProcess(folder: string, rel: string, mode: TypingMode): Promise<Typed> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--type', mode, folder, rel], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolvePromise(m as Typed));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`typing ${mode} exited ${code}`))));
  });
}

/** In a fresh process: the editor's analyses of a file being typed into, with the index where `mode` says. */
async function typeInto(folder: string, rel: string, mode: TypingMode): Promise<void> {
  const catalog = getBundledCatalog();
  const env = { catalog, assumptions: configToAssumptions(DEFAULT_CONFIG) };
  const abs = existsInFolder(folder, rel) ? join(folder, rel) : join(ROOT, 'examples', rel);
  const text = readFileSync(abs, 'utf8');
  // What the host has loaded before any index: modules, grammars, ranks (one analysis of the file alone).
  await analyzeText(text, rel, '', env);
  await settle();
  const before = process.memoryUsage();
  const options = { exclude: [], maxFileBytes: 1024 * 1024, jobs: defaultJobs('editor') };
  const inHost = (walked?: WalkResult) => new WorkspaceRepository(folder, { ...options, minFilesForWorkers: 1, ...(walked ? { walked } : {}) });
  const inProcess = () => new IndexProcess(folder, options);
  // `placed`: as the editor places it (engine.ts), with the setting's default.
  const index: EditorIndex | undefined =
    mode === 'alone' ? undefined : mode === 'in-host' ? inHost() : mode === 'process' ? inProcess() : new PlacedIndex(folder, { ...options, inHostMaxFiles: DEFAULT_IN_HOST_MAX_FILES, inHost, inProcess });
  await index?.index();
  await settle();
  const builtRss = process.memoryUsage().rss;
  const lines = text.split('\n');
  const at = Math.floor(lines.length / 2);
  const times: number[] = [];
  let peak = builtRss;
  for (let k = 0; k <= TYPED_KEYS; k++) {
    const typedLine = `// ${'the quick brown fox jumps over the lazy dog '.repeat(2).slice(0, k)}`;
    const version = [...lines.slice(0, at), typedLine, ...lines.slice(at)].join('\n');
    const started = performance.now();
    await analyzeText(version, rel, '', env, index);
    times.push(performance.now() - started);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const highWater = process.resourceUsage().maxRSS * 1024;
  const pid = index instanceof IndexProcess || index instanceof PlacedIndex ? index.pid : undefined;
  const processMb = pid ? procRssMb(pid) : undefined;
  await settle();
  const after = process.memoryUsage();
  times.sort((a, b) => a - b);
  process.send?.({
    builtMb: mb(builtRss - before.rss),
    peakMb: mb(peak - before.rss),
    highWaterMb: mb(highWater - before.rss),
    settledMb: mb(after.rss - before.rss),
    heapMb: mb(after.heapUsed - before.heapUsed),
    medianMs: Math.round(times[Math.floor(times.length / 2)]),
    ...(processMb !== undefined ? { indexProcessMb: processMb } : {}),
    ...(index instanceof PlacedIndex ? { place: index.place } : {}),
  });
  index?.dispose();
}

function existsInFolder(folder: string, rel: string): boolean {
  try {
    readFileSync(join(folder, rel));
    return true;
  } catch {
    return false;
  }
}

/** Another process's resident size (Linux /proc), in MB. */
function procRssMb(pid: number): number | undefined {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

function scanRequest(folder: string, reportFile: string): ScanRequest {
  const catalog = getBundledCatalog();
  return { paths: [folder], root: folder, cwd: folder, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true, jobs: defaultJobs('editor'), catalog, assumptions: configToAssumptions(DEFAULT_CONFIG), reportFile, folders: ['bench'] };
}

interface Received {
  readonly peakMb: number;
  /** The high-water mark before the scan (module loading), over the same RSS: a peak at or below it says nothing. */
  readonly startPeakMb: number;
  readonly settledMb: number;
  readonly heapMb: number;
}

function receiveInFreshProcess(folder: string, keep: 'summary' | 'whole'): Promise<Received> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--receive', keep, folder], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolvePromise(m as Received));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`receive ${keep} exited ${code}`))));
  });
}

/** In a fresh process: what receiving one scan's result costs the host, kept as `keep`. */
async function receive(folder: string, keep: 'summary' | 'whole'): Promise<void> {
  getBundledCatalog();
  await settle();
  const before = process.memoryUsage();
  const startPeak = process.resourceUsage().maxRSS * 1024;
  const files = new ReportFiles();
  const outcome = await startScanProcess(scanRequest(folder, files.next())).outcome;
  if (outcome.kind !== 'report') throw new Error('the scan did not finish');
  // Before: the whole report arrived over the channel (parsed here) and the view's rows were built from it.
  const whole = keep === 'whole' ? await readReportFile(outcome.summary.reportFile) : undefined;
  const view = whole ? reportData(whole, ['bench'], 0) : outcome.summary.view;
  const peak = process.resourceUsage().maxRSS * 1024;
  await settle();
  const after = process.memoryUsage();
  process.send?.({ peakMb: mb(peak - before.rss), startPeakMb: mb(startPeak - before.rss), settledMb: mb(after.rss - before.rss), heapMb: mb(after.heapUsed - before.heapUsed) });
  void view;
  void whole;
  files.dispose();
}

function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return `${r >= 0 ? '+' : ''}${r}`;
}

// Run only as its own entry (`npm run bench:memory`): `npm run bench` requires every module under out/bench
// to find its bench modules, and this one needs --expose-gc.
const entry = (): Promise<void> =>
  process.argv[2] === '--receive'
    ? receive(resolve(process.argv[4]), process.argv[3] as 'summary' | 'whole')
    : process.argv[2] === '--type'
      ? typeInto(resolve(process.argv[4]), process.argv[5], process.argv[3] as TypingMode)
      : main();
if (require.main === module) entry().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
