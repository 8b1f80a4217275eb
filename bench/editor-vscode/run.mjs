#!/usr/bin/env node
// `npm run bench:editor`: the packaged extension in a real VS Code (code-server's workbench and Node
// extension host, driven in Chromium by the e2e harness), measured as a user feels it:
//   - time from opening a file to its first priced CodeLens: cold (first file of the session) and
//     warm (later files);
//   - per-key latency typing in a 4,000-line file, without and during a workspace scan (ratio);
//   - Cost report scan time and the extension host's RSS: at rest, peak during the scan, 10 s after;
//   - cancel latency: Cancel clicked in the report view → the view says cancelled (and the log's
//     own "stopped in" figure).
// On three workspaces: small, 10,000 generated files, and a real repository when its export is in
// ~/.cache/tokenomics-corpus. Prints one table with each target met / not met, the machine's load
// beside it, and writes bench/results/editor-vscode.json. Timings are never asserted: the exit code
// is 0 whenever the bench ran.
// The small workspace's session is followed by a second one on the same user data (the editor
// restarted: the code cache the first session wrote is used), lens probes only (sessions.mjs).
// Options: --no-install, --no-package (reuse dist/tokenomics.vsix and out/), --only=small,generated,corpus;
// --before=<a .vsix> [--rounds=N]: also N rounds of first and second sessions of that build and of this
// one, lens probes only, printed as ratios to that build's first session (`--only=sessions` for those alone);
// --cold-after=<ms>: open the first file that long after the workbench is ready (default 0: at once).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertInstalled } from '../../test/e2e/lib/code-server.mjs';
import { createSession } from '../../test/e2e/lib/session.mjs';
import { PROBE_FILES, TYPING_FILE_LINES, corpusWorkspace, generatedWorkspace, smallWorkspace } from './workspaces.mjs';
import { extensionHostLog, findExtensionHost, rssMb, focusLine, isScanning, memorySampler, openAt, openReportView, timeCancel, timeToPricedLens, tokenomicsLog, typeKeys, waitScanned } from './probes.mjs';
import { lensFigures } from './lens-path.mjs';
import { renderResults, renderSessions, summarize } from './report.mjs';
import { compareSessions, lensSession, removeSession, waitForLog } from './sessions.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const flags = new Set(process.argv.slice(2));
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',');
const before = option('before');
const rounds = Number(option('rounds') ?? 1);
const coldAfterMs = Math.max(0, Number(option('cold-after') ?? 0) || 0);

function step(label, command, args) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal})`);
  console.log(`[bench:editor] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureInstalled() {
  try {
    return assertInstalled();
  } catch (err) {
    if (flags.has('--no-install')) throw err;
    step('install code-server', 'bash', [join(repo, 'scripts', 'e2e', 'install-code-server.sh')]);
    return assertInstalled();
  }
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

/**
 * VS Code's own extension host, without ours: a session on a folder with no file that activates the
 * extension (installed, never activated), the host's RSS once it has settled. What the other
 * workspaces' host figures are measured against.
 */
async function measureBaseline(dir, resultsDir) {
  writeFileSync(join(dir, 'notes.txt'), 'nothing here activates Tokenomics\n');
  const out = { workspace: 'baseline', note: 'a folder with one text file: the extension installed, not activated', loadBefore: load() };
  const session = await createSession({ name: 'bench-baseline', workspaceSource: dir, vsix: join(repo, 'dist', 'tokenomics.vsix'), resultsDir, env: { LOG_LEVEL: 'debug' } });
  try {
    let host;
    for (let waited = 0; waited < 30_000 && host === undefined; waited += 500) {
      host = findExtensionHost(session.server.pid);
      if (host === undefined) await new Promise((r) => setTimeout(r, 500));
    }
    // Its eager extensions (git, merge-conflict…) start after the host does.
    await new Promise((r) => setTimeout(r, 10_000));
    out.rssHostOnlyMb = host === undefined ? undefined : rssMb(host);
    out.activated = /activated/i.test(tokenomicsLog(session.userDataDir));
    console.log(`[bench:editor] baseline: extension host RSS without our activation ${out.rssHostOnlyMb ?? '–'} MB (our extension activated: ${out.activated})`);
    out.loadAfter = load();
  } finally {
    await session.close();
  }
  return out;
}

/**
 * One session on one workspace: every probe, in the order a user would meet them. `keep`: the
 * session's folders stay, for a second session to reopen (returned as `out.session`, not serialised).
 */
async function measureWorkspace(ws, resultsDir, { keep = false } = {}) {
  const probe = ws.probe ?? PROBE_FILES;
  const out = { workspace: ws.name, note: ws.note, loadBefore: load() };
  const log = (m) => console.log(`[bench:editor] ${ws.name}: ${m}`);
  // Debug level: the extension logs each opened document's path to its first lens (lens-path.mjs).
  const session = await createSession({ name: `bench-${ws.name}`, workspaceSource: ws.dir, vsix: join(repo, 'dist', 'tokenomics.vsix'), resultsDir, env: { LOG_LEVEL: 'debug' }, keep });
  if (keep) Object.defineProperty(out, 'session', { value: session, enumerable: false });
  let memory;
  try {
    const { page } = session;
    out.workbenchReadyMs = session.timings.workbenchReadyMs;
    // A user rarely opens the first file the instant the workbench is up: `--cold-after=<ms>` waits that long first.
    if (coldAfterMs > 0) {
      out.coldAfterMs = coldAfterMs;
      log(`waiting ${coldAfterMs} ms after the workbench is ready before opening the first file`);
      await new Promise((r) => setTimeout(r, coldAfterMs));
    }
    const cold = await timeToPricedLens(page, probe.cold);
    out.lensColdMs = cold.ms;
    log(`first priced lens, cold: ${out.lensColdMs} ms`);
    const warm = [];
    for (const rel of probe.warm) warm.push(await timeToPricedLens(page, rel));
    out.lensWarmMs = warm.map((w) => w.ms);
    log(`first priced lens, later files: ${out.lensWarmMs.join(', ')} ms`);

    const host = findExtensionHost(session.server.pid);
    if (host) memory = memorySampler(host);
    else log('extension host process not found: no memory figures');

    await openAt(page, probe.typing, Math.floor(TYPING_FILE_LINES / 2));
    // The big file's own first analysis is not what is measured: let it finish first.
    await page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').first().waitFor({ timeout: 60_000 }).catch(() => {});
    out.keysIdle = await typeKeys(page);
    log(`keys without a scan: ${out.keysIdle.length}`);
    // Settle after typing (the last edit's analysis), then the rest figure.
    await new Promise((r) => setTimeout(r, 3_000));
    memory?.mark('rest');
    out.rssRestMb = memory?.at('rest');
    out.indexProcessRestMb = memory?.indexAt('rest');

    const scanStarted = Date.now();
    memory?.mark('scan');
    const view = await openReportView(page);
    await focusLine(page, Math.floor(TYPING_FILE_LINES / 2) + 10);
    out.keysScan = await typeKeys(page, { until: async () => !(await isScanning(view)) });
    out.keysScanStillScanning = await isScanning(view);
    log(`keys during the scan: ${out.keysScan.length} (scan still running at the end: ${out.keysScanStillScanning})`);
    out.scanStatus = await waitScanned(view);
    out.scanUiMs = Date.now() - scanStarted;
    memory?.mark('scanned');
    const logged = tokenomicsLog(session.userDataDir).match(/Cost report: ([\d,]+) files, ([\d,]+) with sites, in (\d+) ms/g);
    out.scanLoggedMs = logged ? Number(logged.at(-1).match(/in (\d+) ms/)[1]) : undefined;
    log(`${out.scanStatus} (view: ${out.scanUiMs} ms from opening it)`);
    await new Promise((r) => setTimeout(r, 10_000));
    out.rssPeakMb = memory?.peak('scan', 'scanned');
    out.scanProcessPeakMb = memory?.peakScanProcess('scan', 'scanned');
    out.indexProcessPeakMb = memory?.peakIndexProcess('scan', 'scanned');
    out.rssSettledMb = memory?.at('scanned', 10_000);

    // A scan of a few files can end before Cancel lands: then there is no cancel figure, not a failed run.
    // The small workspace's scan is over before a click could land: no cancel probe there.
    out.cancelMs = ws.name === 'small' ? undefined : await timeCancel(view, { afterFiles: 200 }).catch((err) => {
      log(`no cancel figure: ${err.message}`);
      return undefined;
    });
    await new Promise((r) => setTimeout(r, 1_000));
    const stopped = tokenomicsLog(session.userDataDir).match(/scan cancelled[^\n]*?stopped (\d+) ms after/i);
    out.cancelStopLoggedMs = stopped ? Number(stopped[1]) : undefined;
    out.cancelLogged = /cancel/i.test(tokenomicsLog(session.userDataDir));
    log(`cancel: ${out.cancelMs?.toFixed(0) ?? '–'} ms to the view; logged: ${out.cancelLogged}`);
    // The lens probes' split, from the extension's log (written by now).
    if (keep) await waitForLog(session.userDataDir, 0, /Code cache written|code cache used/, 20_000);
    Object.assign(out, lensFigures(repo, tokenomicsLog(session.userDataDir), cold, warm, extensionHostLog(session.userDataDir)));
    log(`bundle loaded in ${out.bundleLoadMs ?? '–'} ms, code cache ${out.codeCache ?? '–'}; warm-up ${JSON.stringify(out.warmUp ?? '–')}`);
    log(`cold: ${out.coldClickToActivationMs ?? '–'} ms click → activation (of which VS Code starting our activation → calling activate(): ${out.activateCalledAfterMs ?? '–'} ms), ${out.coldActivationToLensMs ?? '–'} ms activation → lens`);
    log(`before activate(): ${JSON.stringify(out.activateWait ?? 'no host marks in the log')}`);
    log(`cold ${cold.rel}: ${JSON.stringify(out.lensColdPath ?? 'no lens path in the log')}`);
    for (const [k, w] of warm.entries()) log(`later ${w.rel}: ${JSON.stringify(out.lensWarmPaths[k] ?? 'no lens path in the log')}`);
    out.loadAfter = load();
  } finally {
    memory?.stop();
    out.memorySamples = memory?.samples.length;
    // One sample a second from the rest mark on (host; scan and index processes), to see when memory rises.
    if (memory) out.memoryTrace = { marks: memory.marks, samples: memory.samples.filter((s, i) => s.t >= (memory.marks.rest ?? 0) - 1_000 && i % 10 === 0) };
    await session.close();
  }
  return out;
}

async function main() {
  const installed = ensureInstalled();
  console.log(`[bench:editor] code-server ${installed.version}; ${cpus().length} cores; load ${load()}`);
  if (!flags.has('--no-package')) {
    step('package .vsix', 'npm', ['run', 'package', '--silent']);
    step('compile tests and benches', 'npm', ['run', 'compile-tests', '--silent']);
  }
  const resultsDir = join(repo, 'test-results', 'bench-editor');
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'tokenomics-bench-editor-'));
  const results = [];
  let sessionRuns;
  try {
    const makers = [
      ['baseline', (d) => ({ name: 'baseline', dir: d })],
      ['small', (d) => smallWorkspace(repo, d)],
      ['generated', (d) => generatedWorkspace(repo, d)],
      ['corpus', (d) => corpusWorkspace(repo, d)],
    ].filter(([name]) => !only || only.includes(name));
    if (before && (!only || only.includes('sessions'))) {
      const dir = join(scratch, 'sessions');
      mkdirSync(dir, { recursive: true });
      const ws = smallWorkspace(repo, dir);
      const builds = [{ label: 'reference', vsix: resolve(before) }, { label: 'this build', vsix: join(repo, 'dist', 'tokenomics.vsix') }];
      sessionRuns = await compareSessions({ repo, ws, builds, resultsDir, rounds, log: (m) => console.log(`[bench:editor] ${m}`) });
      rmSync(dir, { recursive: true, force: true });
    }
    for (const [name, make] of makers) {
      const dir = join(scratch, name);
      mkdirSync(dir, { recursive: true });
      const ws = make(dir);
      if (!ws) {
        console.log(`[bench:editor] ${name}: no repository export in ~/.cache/tokenomics-corpus; skipped`);
        continue;
      }
      try {
        if (name === 'baseline') results.push(await measureBaseline(dir, resultsDir));
        else {
          // The small workspace's user data is reopened: the same build's second session, its code cache present.
          const measured = await measureWorkspace(ws, resultsDir, { keep: name === 'small' });
          results.push(measured);
          if (measured.session) {
            try {
              const { figures } = await lensSession({ repo, ws, vsix: join(repo, 'dist', 'tokenomics.vsix'), resultsDir, name: `bench-${name}-second`, reopen: measured.session });
              measured.secondSession = figures;
              console.log(`[bench:editor] ${name}, second session: click → lens ${figures.lensColdMs} ms, activation → lens ${figures.coldActivationToLensMs ?? '–'} ms, bundle ${figures.bundleLoadMs ?? '–'} ms (cache ${figures.codeCache ?? '–'})`);
            } catch (err) {
              console.error(`[bench:editor] ${name}, second session failed: ${err.stack || err}`);
              measured.secondSession = { error: String(err.message || err) };
            } finally {
              removeSession(measured.session);
            }
          }
        }
      } catch (err) {
        console.error(`[bench:editor] ${name} failed: ${err.stack || err}`);
        results.push({ workspace: name, note: ws.note, error: String(err.message || err) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const summary = summarize(results);
  console.log(renderResults(summary, { cores: cpus().length, load: load() }));
  if (sessionRuns) console.log(renderSessions(sessionRuns, { reference: before, rounds }));
  mkdirSync(join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repo, 'bench', 'results', 'editor-vscode.json'), `${JSON.stringify({ when: new Date().toISOString(), cores: cpus().length, codeServer: installed.version, summary, results, sessionRuns }, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`[bench:editor] ${err.stack || err}`);
    process.exit(2);
  },
);
