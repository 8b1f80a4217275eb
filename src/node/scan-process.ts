/**
 * The scan process: an editor host forks this script (bundled as `dist/scan-process.js`) for each
 * Cost report scan, as a language client runs its server beside the editor. It runs `scanPaths`
 * (walk, detection worker pool, repository pass, pricing) and exits, so the memory the scan used
 * goes back to the operating system instead of staying in the extension host, and so does the work of
 * summing the report up: the host receives only what the view shows, the whole report is written to
 * the file the request names (scan-summary.ts). The report's "Compare with revision" runs here too
 * (a `diff` request: both sides exported from git and scanned, revision-compare.ts), for the same
 * reasons. Messages are the contract in `scan-process-protocol.ts`. Loaded without an IPC channel
 * (not forked), it does nothing.
 */
import { resolveModel } from '../core/catalog';
import { scanPaths, type ScanProgress } from './scan';
import { summarizeScan } from './scan-summary';
import { diffRequestProblem, oneLine, scanRequestProblem, type DiffStart, type ScanProcessMessage, type ScanStart } from './scan-process-protocol';
import { compareFolder } from './revision-compare';
import { lowerOwnThreads } from './scan-priority';

/**
 * Progress is sent at most this often (the last count always is): the host only shows that the scan
 * is alive, and each message wakes the extension host and redraws the view's bar in the renderer,
 * the two processes the user types through.
 */
export const PROGRESS_EVERY_MS = 250;

function send(message: ScanProcessMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

/** One request, one answer: a comparison when the host asked for one, a scan otherwise (a malformed request is answered as a scan's). */
function run(message: unknown): Promise<ScanProcessMessage> {
  const isDiff = typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'diff';
  return isDiff ? runDiff(message) : runScan(message);
}

async function runDiff(message: unknown): Promise<ScanProcessMessage> {
  const problem = diffRequestProblem(message);
  if (problem) return { type: 'failed', message: problem };
  try {
    return await compareFolder((message as DiffStart).request);
  } catch (err) {
    return { type: 'failed', message: oneLine(err) };
  }
}

async function runScan(message: unknown): Promise<ScanProcessMessage> {
  const problem = scanRequestProblem(message);
  if (problem) return { type: 'failed', message: problem };
  const { request } = message as ScanStart;
  let lastSent = Number.NEGATIVE_INFINITY;
  const progress = (p: ScanProgress): void => {
    const now = Date.now();
    if (now - lastSent < PROGRESS_EVERY_MS && p.done < p.total) return;
    lastSent = now;
    void send({ type: 'progress', done: p.done, total: p.total, ...(p.current ? { current: p.current } : {}) });
  };
  try {
    const report = await scanPaths(
      request.paths,
      {
        catalog: request.catalog,
        assumptions: request.assumptions,
        resolveModel,
        root: request.root,
        cwd: request.cwd,
        exclude: request.exclude,
        maxFileBytes: request.maxFileBytes,
        respectGitignore: request.respectGitignore,
        jobs: request.jobs,
        ...(request.headlineScopes ? { headlineScopes: request.headlineScopes } : {}),
      },
      progress,
    );
    // The whole report goes to a file; the host gets what it shows (a 10,000-file report is 24 MB of JSON).
    return { type: 'result', summary: await summarizeScan(report, request.reportFile, request.folders ?? []) };
  } catch (err) {
    return { type: 'failed', message: oneLine(err) };
  }
}

if (process.send) {
  // Before anything else starts a thread: the ones made later inherit the lowered priority (scan-priority.ts).
  lowerOwnThreads();
  // The host went away (closed window, crashed extension host): nothing is waiting for the result.
  process.on('disconnect', () => process.exit(0));
  process.once('message', (message: unknown) => {
    void run(message).then(async (reply) => {
      await send(reply);
      process.exit(reply.type === 'failed' ? 1 : 0);
    });
  });
}
