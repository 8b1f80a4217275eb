/**
 * What the Cost report's "Compare with revision" costs the extension host: the comparison itself
 * (exporting both revisions and scanning them), on the host's thread as before and in the scan process
 * as now (src/extension/webviews/report/revision-diff.ts), and what it posts to its view and keeps,
 * before and after the comparison came a page at a time (src/node/report-row-deltas.ts).
 *
 *   npm run compile-tests && node --expose-gc out/bench/report-diff-memory.js [files=10000]
 *
 * A generated workspace (bench/detect.ts's mix, as the editor bench's) is committed in a temporary git
 * repository, then changed in the working tree (every third TypeScript agent moved to another model,
 * every fifth Python agent deleted); the view's scan (`scanPaths`, summarised as the scan process
 * summarises it) and the host's comparison with HEAD (`diffFolderWith`) run once. Then the comparison
 * again, each way in a fresh process standing for the host: its wall time, the host's peak RSS over the
 * process before it (`maxRSS`), and the host's event loop: its longest stall (what the user feels as a
 * frozen editor) and its 99th percentile, sampled every 10 ms. Then, each in a fresh
 * process that starts from the comparison just built (as the host has it when the diff engine returns):
 * before, the page's data with every site's delta kept and posted; now, the deltas kept as columns of the
 * rows and the summary posted with the first page of rows and their deltas. Printed: the bytes posted,
 * and the process's RSS right after the post and after a GC (heap), over the process before the post.
 */
import { execFileSync, fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog, resolveModel } from '../src/core/catalog';
import { DEFAULT_ASSUMPTIONS } from '../src/core/workload';
import { diffFolderWith } from '../src/extension/webviews/report/revision-diff';
import { ReportRowDeltas, type ReportDiffSites } from '../src/node/report-row-deltas';
import { ReportRowStore } from '../src/node/report-row-store';
import type { ReportRowIndex } from '../src/node/report-rows';
import { scanPaths } from '../src/node/scan';
import { summarizeScan } from '../src/node/scan-summary';
import { DEFAULT_SITE_SORT } from '../src/webview/protocol/report';
import { generateWorkspace } from './detect';
import { mb, settle } from './memory-util';

type Mode = 'before' | 'now';
/** Where the comparison runs: the host's thread (before) or the scan process (now). */
type Where = 'thread' | 'process';

interface Compared {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly longestStallMs: number;
  readonly p99StallMs: number;
}

interface Held {
  readonly postedBytes: number;
  readonly afterPostMb: number;
  readonly settledMb: number;
  readonly heapMb: number;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
}

/** Every third TypeScript agent's model changed, every fifth Python agent deleted. */
function changeWorkingTree(dir: string): void {
  let ts = 0;
  let py = 0;
  for (const pkg of readdirSync(dir).filter((d) => d.startsWith('pkg'))) {
    for (const name of readdirSync(join(dir, pkg))) {
      const file = join(dir, pkg, name);
      if (/^agent\d+\.ts$/.test(name) && ts++ % 3 === 0) writeFileSync(file, readFileSync(file, 'utf8').replace("openai('gpt-4.1-mini')", "openai('gpt-4.1')"));
      if (/^agent\d+\.py$/.test(name) && py++ % 5 === 0) unlinkSync(file);
    }
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2]) || 10_000;
  const dir = mkdtempSync(join(tmpdir(), 'tokenomics-diff-bench-'));
  const out = mkdtempSync(join(tmpdir(), 'tokenomics-diff-bench-out-'));
  try {
    generateWorkspace(dir, count);
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'generated');
    changeWorkingTree(dir);
    const settings = { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS, resolveModel, respectGitignore: true };
    const request = { root: dir, ref: 'HEAD', catalog: settings.catalog, assumptions: settings.assumptions, exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true };
    writeFileSync(join(out, 'request.json'), JSON.stringify(request));
    let started = Date.now();
    const report = await scanPaths([dir], { ...settings, root: dir, cwd: dir });
    const summary = await summarizeScan({ ...report, root: '.' }, join(out, 'report.json'), ['bench']);
    const scanMs = Date.now() - started;
    started = Date.now();
    const diff = await diffFolderWith(request);
    if (!diff?.ok) throw new Error(diff?.message ?? 'the comparison was stopped');
    const diffMs = Date.now() - started;
    writeFileSync(join(out, 'diff.json'), JSON.stringify(diff.data));
    writeFileSync(join(out, 'rows.json'), JSON.stringify(summary.rows));
    const c = diff.data.summary.counts;
    console.log(`${count} generated files, ${summary.view.siteCount} site rows; vs HEAD: ${c.changed} changed, ${c.added} added, ${c.unchanged} unchanged, ${c.removed} removed (scan ${scanMs} ms, comparison ${diffMs} ms)`);
    console.log('the comparison, each way in a fresh process standing for the extension host:');
    for (const where of ['thread', 'process'] as const) {
      const r = await comparedInFreshProcess(where, out);
      const what = where === 'thread' ? "before: on the host's thread" : 'now: in the scan process';
      console.log(`  ${what.padEnd(30)} ${r.ms} ms; host RSS peak +${r.peakRssMb} MB; host event loop: longest stall ${r.longestStallMs} ms, p99 ${r.p99StallMs} ms`);
    }
    console.log(`the comparison in the host, each in a fresh process (RSS over the process holding the diff engine's result):`);
    for (const mode of ['before', 'now'] as const) {
      const r = await inFreshProcess(mode, out);
      const what = mode === 'before' ? 'before: every delta kept and posted' : 'now: deltas as columns, summary + first page posted';
      console.log(`  ${what.padEnd(54)} posted ${(r.postedBytes / 1e6).toFixed(3)} MB; RSS after the post +${r.afterPostMb} MB, after a GC +${r.settledMb} MB (heap +${r.heapMb} MB)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

function inFreshProcess(mode: Mode, out: string): Promise<Held> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--hold', mode, out], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolvePromise(m as Held));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`holding ${mode} exited ${code}`))));
  });
}

function comparedInFreshProcess(where: Where, out: string): Promise<Compared> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(__filename, ['--compare', where, out], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolvePromise(m as Compared));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`comparing on the ${where} exited ${code}`))));
  });
}

/** One comparison as the host runs it (`where`), measured from inside the host. */
async function compare(where: Where, out: string): Promise<void> {
  const request = JSON.parse(readFileSync(join(out, 'request.json'), 'utf8')) as Parameters<typeof diffFolderWith>[0];
  await settle();
  // maxRSS is the peak of the process's life so far (kB): the rise over the settled start is the comparison's.
  const startRss = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = Date.now();
  const diff = await diffFolderWith(request, undefined, where === 'thread' ? { script: null } : {});
  const ms = Date.now() - started;
  loop.disable();
  if (!diff?.ok) throw new Error(diff?.message ?? 'the comparison was stopped');
  const ns = 1e6;
  process.send?.({
    ms,
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024 - startRss),
    longestStallMs: Math.round(loop.max / ns),
    p99StallMs: Math.round(loop.percentile(99) / ns),
  } satisfies Compared);
}

async function hold(mode: Mode, out: string): Promise<void> {
  const store = new ReportRowStore(JSON.parse(readFileSync(join(out, 'rows.json'), 'utf8')) as ReportRowIndex);
  let full: ReportDiffSites | undefined = JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')) as ReportDiffSites;
  const query = { id: 1, text: '', model: '', kind: '' as const, sort: DEFAULT_SITE_SORT, pages: {}, filesPage: 0 };
  await settle();
  const start = process.memoryUsage();
  let kept: unknown;
  let posted: string[];
  if (mode === 'before') {
    // The page's data as the host built and kept it before: the summary with every site's delta and every removed site.
    const { summary, sites, removed } = full;
    const { counts: _counts, ...rest } = summary;
    kept = { ...rest, sites, removed };
    posted = [JSON.stringify({ type: 'diff', data: kept }), JSON.stringify({ type: 'rows', data: await store.query(query, []) })];
  } else {
    const deltas = new ReportRowDeltas(full, store);
    kept = deltas;
    posted = [JSON.stringify({ type: 'diff', data: deltas.summary }), JSON.stringify({ type: 'rows', data: await store.query(query, [], deltas) })];
  }
  full = undefined;
  // VS Code's RPC to the renderer carries a message as bytes.
  const buffers = posted.map((p) => Buffer.from(p));
  const afterPost = process.memoryUsage().rss;
  const postedBytes = buffers.reduce((n, b) => n + b.length, 0);
  posted = [];
  buffers.length = 0;
  await settle();
  const after = process.memoryUsage();
  process.send?.({ postedBytes, afterPostMb: mb(afterPost - start.rss), settledMb: mb(after.rss - start.rss), heapMb: mb(after.heapUsed - start.heapUsed) } satisfies Held);
  void kept;
}

if (require.main === module) {
  const [flag, what, out] = process.argv.slice(2);
  const run = flag === '--hold' ? hold(what as Mode, out) : flag === '--compare' ? compare(what as Where, out) : main();
  run.then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
