// Helpers of the walk-through spec (06-walkthrough): which sites of a workspace to point at (from
// the CLI's JSON report of the same copy, the reference every surface must agree with), and
// workbench steps that address a place by line and column rather than by visible text.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { editorLines, plain, waitFor } from './workbench.mjs';

export function cliScan(repo, folder) {
  const out = execFileSync(process.execPath, [join(repo, 'dist', 'cli.js'), 'scan', folder, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

const COST = (p) => (p?.kind === 'priced' ? p.usd : -1);
const isRuntime = (f) => (f.scope ?? 'runtime') === 'runtime';
const isCode = (f) => /\.(py|[cm]?[jt]sx?)$/.test(f.path);

/** The most expensive runtime call that sends a request (not a loop's step, not a bare model binding). */
export function pickCall(report, preferPath) {
  const calls = report.files.filter((f) => isRuntime(f) && isCode(f)).flatMap((f) => f.calls.filter((c) => !c.stepOf && c.role !== 'binding').map((c) => ({ file: f, site: c })));
  return calls.find((c) => c.file.path === preferPath) ?? calls.sort((a, b) => COST(b.site.costPerCall) * b.site.workload.callsPerDay - COST(a.site.costPerCall) * a.site.workload.callsPerDay)[0];
}

/** The most expensive runtime agent loop. */
export function pickLoop(report, preferPath) {
  const loops = report.files.filter((f) => isRuntime(f) && isCode(f)).flatMap((f) => f.agentLoops.map((l) => ({ file: f, site: l })));
  return loops.find((l) => l.file.path === preferPath) ?? loops.sort((a, b) => COST(b.site.costPerTask) * b.site.workload.callsPerDay - COST(a.site.costPerTask) * a.site.workload.callsPerDay)[0];
}

/**
 * Quick Open on a relative path; resolves when its tab is the active one and, unless `textLines` is
 * false (a binary file shows none), when its text is on screen. The whole step is tried again if it
 * stalls: on a loaded machine the file search can lag, and Quick Open has once stayed closed for 30 s.
 */
export async function openPath(page, path, { textLines = true } = {}) {
  const base = path.split('/').pop();
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: base }).first();
  let lastError;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(path);
      await waitFor(async () => (await row.innerText()).includes(base), { timeout: 15_000, what: `${base} in Quick Open` });
      await row.click();
      await page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).waitFor({ timeout: 15_000 });
      if (textLines) await editorLines(page).first().waitFor({ timeout: 15_000 });
      return;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`could not open ${path} with Quick Open: ${lastError?.message}`);
}

/** Quick Open's go-to-line (`:line:column`; Ctrl+G belongs to the browser); the cursor is then there, on screen. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await waitFor(async () => /line \d+/i.test(await page.locator('.quick-input-widget .quick-input-list').innerText().catch(() => '')), { timeout: 10_000, what: 'the go-to-line row' }).catch(() => {});
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/** Hovers the character under the cursor until the hover satisfies `accept`; returns its text. */
export async function hoverAtCursor(page, accept, timeout = 60_000) {
  const cursor = page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first();
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  return waitFor(
    async () => {
      const box = await cursor.boundingBox();
      if (!box) return undefined;
      await page.mouse.move(0, 0);
      await page.mouse.move(box.x + 5, box.y + box.height / 2, { steps: 2 });
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      const text = plain(await hover.innerText());
      return accept(text) ? text : undefined;
    },
    { timeout, interval: 500, what: 'the Tokenomics hover at the cursor' },
  );
}

/** Every CodeLens title in the active editor, once one satisfies `accept`. */
export async function lensTitles(page, accept, timeout = 60_000) {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  return waitFor(
    async () => {
      const titles = (await lenses.allInnerTexts()).map(plain).flatMap((t) => t.split(/\s*\|\s*/)).map((t) => t.trim()).filter(Boolean);
      return titles.some(accept) ? titles : undefined;
    },
    { timeout, what: 'a matching CodeLens' },
  );
}

/** `$0.048/task (0.0037–0.21)` out of a lens title or a hover: the figure with its range. */
export function figureIn(text, unit) {
  const m = text.match(new RegExp(`(?:<)?\\$[\\d,.]+\\/${unit}(?: \\([^)]*\\))?`));
  return m?.[0];
}

/** Drags the sidebar's edge until it is `width` px wide (VS Code remembers no width in a fresh profile). */
export async function setSidebarWidth(page, width) {
  const sidebar = page.locator('.part.sidebar').first();
  const box = await sidebar.boundingBox();
  if (!box || Math.abs(box.width - width) <= 2) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width + 1, y, { steps: 8 });
  await page.mouse.up();
}
