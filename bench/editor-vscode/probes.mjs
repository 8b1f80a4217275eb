// What the editor bench measures in a live code-server session: time to the first priced
// CodeLens, per-key latency, the extension host's memory, the Cost report's scan and cancel.
// Every wait has a deadline; no fixed sleeps stand in for a condition.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { editorLines, findFrameWith, runCommand, waitFor } from '../../test/e2e/lib/workbench.mjs';

const ACTIVE_LENSES = '.editor-group-container.active .monaco-editor .codelens-decoration';

/** Quick Open with the file on top; returns the row to click (the click is what gets timed). */
async function quickOpenRow(page, rel) {
  const base = rel.split('/').pop();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(rel);
  const first = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first();
  // The file search (a ripgrep process) can take tens of seconds on a machine at load 30.
  await waitFor(async () => (await first.innerText()).includes(base), { what: `"${base}" at the top of Quick Open`, timeout: 60_000 });
  return first;
}

/**
 * Opens `rel` (the click in Quick Open) and waits for the first CodeLens with a price in the active
 * editor, which must be showing that file. Other editors are closed first so no lens of a previous
 * file can be mistaken for this one's. Returns { rel, ms, clickedAt, shownAt } (this machine's
 * clock, which the extension's log lines share: lens-path.mjs splits the time with them).
 */
export async function timeToPricedLens(page, rel, timeout = 60_000) {
  await runCommand(page, 'View: Close All Editors');
  await page.locator(ACTIVE_LENSES).first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  const row = await quickOpenRow(page, rel);
  const base = rel.split('/').pop();
  const started = Date.now();
  await row.click();
  await page.waitForFunction(
    ({ selector, base }) => {
      const tab = document.querySelector('.tabs-container .tab.active');
      if (!tab || !(tab.getAttribute('aria-label') || '').includes(base)) return false;
      return [...document.querySelectorAll(selector)].some((e) => /\$\d/.test(e.textContent || ''));
    },
    { selector: ACTIVE_LENSES, base },
    { polling: 'raf', timeout },
  );
  const shownAt = Date.now();
  return { rel, ms: shownAt - started, clickedAt: started, shownAt };
}

/** Opens `rel` and puts the cursor at the end of line `line` (Ctrl+G), ready to type. */
export async function openAt(page, rel, line) {
  const row = await quickOpenRow(page, rel);
  await row.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${rel.split('/').pop()}"]`).waitFor({ timeout: 20_000 });
  await editorLines(page).first().waitFor({ timeout: 20_000 });
  await focusLine(page, line);
}

export async function focusLine(page, line) {
  // Focus the editor text area first: the report view may hold the keyboard.
  await editorLines(page).first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  await page.keyboard.press('End');
}

/**
 * Installs, once per page, a recorder of per-key latency: from a printable key's keydown (its
 * event time, which includes any wait in the input queue) to the moment the editor's text DOM
 * changes in response.
 */
export async function installKeyRecorder(page) {
  await page.evaluate(() => {
    if (window.__tokenomicsKeys) return;
    const state = { samples: [] };
    window.__tokenomicsKeys = state;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return;
        const t0 = e.timeStamp;
        const lines = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
        if (!lines) return;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          state.samples.push(performance.now() - t0);
        });
        observer.observe(lines, { subtree: true, childList: true, characterData: true });
      },
      true,
    );
  });
}

/**
 * Types `count` printable keys into the focused editor, one every `intervalMs` (a brisk typist),
 * on a fresh comment line; stops early when `until()` turns true. Returns each key's latency.
 */
export async function typeKeys(page, { count = 60, intervalMs = 100, until } = {}) {
  await installKeyRecorder(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('// ');
  await page.evaluate(() => (window.__tokenomicsKeys.samples = []));
  const letters = 'the quick brown fox jumps over the lazy dog ';
  for (let i = 0; i < count; i++) {
    if (until && (await until())) break;
    const started = Date.now();
    await page.keyboard.press(letters[i % letters.length] === ' ' ? 'Space' : letters[i % letters.length]);
    const rest = intervalMs - (Date.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  }
  // The last key's DOM change may still be on its way.
  await waitFor(async () => (await page.evaluate(() => window.__tokenomicsKeys.samples.length)) > 0, { timeout: 5_000, what: 'key latency samples' }).catch(() => {});
  await new Promise((r) => setTimeout(r, 300));
  return page.evaluate(() => [...window.__tokenomicsKeys.samples]);
}

/** The extension host of this code-server: the process in its group whose command line says so. */
export function findExtensionHost(serverPid) {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgid !== serverPid) continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (/extensionHost|type=extensionHost/.test(cmd)) return Number(name);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

export function rssMb(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Cost report's scan process (src/node/scan-process.ts), when the extension host `hostPid` has
 * one running: a child of its main thread whose command line names `scan-process.js`.
 */
export function scanProcessOf(hostPid) {
  return childProcessOf(hostPid, 'scan-process.js');
}

/** The workspace folder's index process (src/node/index-process.ts), once the extension host has forked it. */
export function indexProcessOf(hostPid) {
  return childProcessOf(hostPid, 'index-process.js');
}

/** A child of the extension host's main thread whose command line names `script`. */
function childProcessOf(hostPid, script) {
  let children = '';
  try {
    children = readFileSync(`/proc/${hostPid}/task/${hostPid}/children`, 'utf8');
  } catch {
    return undefined;
  }
  for (const pid of children.trim().split(/\s+/).filter(Boolean)) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script)) return Number(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/**
 * Samples the RSS of `pid` every `everyMs`, of its scan process while one runs (`scanMb`) and of
 * its index process once there is one (`indexMb`); `mark(label)` notes when something happened.
 */
export function memorySampler(pid, everyMs = 100) {
  const samples = [];
  const marks = {};
  const t0 = Date.now();
  const timer = setInterval(() => {
    const mb = rssMb(pid);
    const scan = scanProcessOf(pid);
    const scanMb = scan === undefined ? undefined : rssMb(scan);
    const index = indexProcessOf(pid);
    const indexMb = index === undefined ? undefined : rssMb(index);
    if (mb !== undefined) samples.push({ t: Date.now() - t0, mb, ...(scanMb !== undefined ? { scanMb } : {}), ...(indexMb !== undefined ? { indexMb } : {}) });
  }, everyMs);
  const between = (from, to) => samples.filter((s) => s.t >= (marks[from] ?? 0) && s.t <= (to ? marks[to] ?? Infinity : Infinity));
  return {
    samples,
    mark: (label) => (marks[label] = Date.now() - t0),
    marks,
    stop: () => clearInterval(timer),
    /** Peak between two marks (or to the end). */
    peak: (from, to) => Math.max(...between(from, to).map((s) => s.mb)),
    /** Peak of the scan process between two marks; undefined when none was seen (a scan on the host's own thread). */
    peakScanProcess: (from, to) => {
      const seen = between(from, to).filter((s) => s.scanMb !== undefined);
      return seen.length ? Math.max(...seen.map((s) => s.scanMb)) : undefined;
    },
    /** Peak of the index process between two marks; undefined when none was seen (the index in the host). */
    peakIndexProcess: (from, to) => {
      const seen = between(from, to).filter((s) => s.indexMb !== undefined);
      return seen.length ? Math.max(...seen.map((s) => s.indexMb)) : undefined;
    },
    /** The index process's RSS in the last sample at or before `ms` after the mark. */
    indexAt: (label, afterMs = 0) => samples.filter((s) => s.t <= (marks[label] ?? 0) + afterMs).at(-1)?.indexMb,
    /** The last sample at or before `ms` after the mark. */
    at: (label, afterMs = 0) => samples.filter((s) => s.t <= (marks[label] ?? 0) + afterMs).at(-1)?.mb,
  };
}

/** The Tokenomics log channel's text (VS Code writes it under the user-data logs folder). */
export function tokenomicsLog(userDataDir, since = 0) {
  return logsNamed(userDataDir, /Tokenomics\.log$/, since);
}

/** The extension host's own log (code-server's remote host: `remoteexthost.log`), for when VS Code began activating us. */
export function extensionHostLog(userDataDir, since = 0) {
  return logsNamed(userDataDir, /^(remote)?exthost\.log$/, since);
}

function logsNamed(userDataDir, pattern, since) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const stat = statSync(p);
      if (stat.isDirectory()) walk(p);
      // `since`: a reopened session's user data holds the earlier sessions' logs too, last written before it started.
      else if (pattern.test(name) && stat.mtimeMs >= since) found.push(p);
    }
  };
  try {
    walk(join(userDataDir, 'logs'));
  } catch {
    return '';
  }
  return found.map((f) => readFileSync(f, 'utf8')).join('\n');
}

const REPORT_STATUS = '[role="status"]';
/** The report page's own progress bar: shown while a scan runs (src/webview/report/main.ts). */
const REPORT_PROGRESS = 'progress[aria-label="Scan progress"]';
/** Refresh and Cancel are the view's title-bar actions (contributed commands), not buttons in the page. */
const TITLE_ACTION = (title) => `.part.sidebar a.action-label[aria-label^="${title}"]`;
const REFRESH_TITLE = 'Refresh Cost Report';
const CANCEL_TITLE = 'Cancel Cost Report Scan';

/**
 * Opens the Cost report view (its first show starts a scan). Returns { page, frame }: the
 * workbench page holds the view's title-bar actions, the webview frame its status and rows.
 */
export async function openReportView(page) {
  await runCommand(page, 'Focus on Cost report View');
  const { frame } = await findFrameWith(page, REPORT_PROGRESS, 60_000);
  return { page, frame };
}

export async function reportStatus(view) {
  return (await view.frame.locator(REPORT_STATUS).first().innerText().catch(() => '')) || '';
}

export async function isScanning(view) {
  return view.frame.locator(REPORT_PROGRESS).isVisible().catch(() => false);
}

/** Waits for the view's "Scanned N files" line; returns it. */
export async function waitScanned(view, timeout = 600_000) {
  return waitFor(async () => {
    const s = await reportStatus(view);
    return /^Scanned /.test(s) ? s : undefined;
  }, { timeout, interval: 100, what: 'the Cost report to finish' });
}

/**
 * Clicks the view's title-bar action `title` once the workbench shows it; returns the click's time
 * (the page's clock). The title bar holds each action twice (the view's own header, hidden while it
 * is the container's only view, and the container's title): the visible one is clicked, as a DOM
 * click (the webview's iframe lies over the sidebar and takes a pointer moved there).
 */
async function clickTitleAction(page, title) {
  const clickedAt = await waitFor(
    () =>
      page.evaluate((selector) => {
        const action = [...document.querySelectorAll(selector)].find((a) => a.offsetParent !== null);
        if (!action) return undefined;
        const at = Date.now();
        action.click();
        return at;
      }, TITLE_ACTION(title)),
    { timeout: 20_000, interval: 50, what: `the "${title}" action in the view's title bar` },
  );
  return clickedAt;
}

/**
 * Starts a new scan (the title bar's Refresh), waits until it has made progress, clicks the title
 * bar's Cancel, and measures from the click to the view saying the scan was cancelled (wall clock
 * in the workbench and in the webview: the two are separate documents).
 */
export async function timeCancel(view, { afterFiles = 200 } = {}) {
  const { page, frame } = view;
  await clickTitleAction(page, REFRESH_TITLE);
  await waitFor(async () => {
    const m = (await reportStatus(view)).match(/^Scanning: ([\d,]+)/);
    return m && Number(m[1].replace(/,/g, '')) >= afterFiles;
  }, { timeout: 120_000, interval: 50, what: `the scan to pass ${afterFiles} files` });
  await frame.evaluate(() => {
    const status = document.querySelector('[role="status"]');
    window.__tokenomicsCancel = {};
    const observer = new MutationObserver(() => {
      if (/cancelled/i.test(status.textContent || '')) {
        window.__tokenomicsCancel.shownAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
  const clickedAt = await clickTitleAction(page, CANCEL_TITLE);
  const shownAt = await waitFor(() => frame.evaluate(() => window.__tokenomicsCancel.shownAt), { timeout: 30_000, interval: 20, what: 'the view to say the scan was cancelled' });
  return shownAt - clickedAt;
}
