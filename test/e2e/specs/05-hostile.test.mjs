// The extension on hostile files (the same kinds the unit fuzz suite feeds the core): opening each
// shows no error notification, the hover over a prompt full of markup renders nothing from it, the
// Cost report finishes its scan with ranked rows and shows a markup file name as text, and no
// workspace byte changes.
// Runs in its own window on its own workspace (a copy of the fixture plus hostile/ and a malformed
// tokenomics.json), served by the session's code-server, so the other specs' workspace is untouched.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { session } from '../lib/current.mjs';
import { buildHostileWorkspace, hashTree } from '../lib/hostile-workspace.mjs';
import { editorLines, findFrameWith, openWorkbench, plain, runCommand, waitFor } from '../lib/workbench.mjs';
import { openPath } from '../lib/walkthrough.mjs';

const SITE_ROWS = '[data-testid="sites"] tbody tr[data-site-row]';

function dollars(text) {
  const m = text.match(/\$(\d[\d,]*(?:\.\d+)?)/);
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

/** Every toast seen while the window is open, polled so that short-lived ones are caught too. */
function watchToasts(page) {
  const seen = new Map();
  const poll = async () => {
    const toasts = await page
      .locator('.notifications-toasts .notification-toast')
      .evaluateAll((els) => els.map((e) => ({ text: e.innerText, all: e.textContent ?? '', error: !!e.querySelector('.codicon-error') || /^error\b/i.test(e.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '') })))
      .catch(() => []);
    for (const t of toasts) seen.set(t.text, t);
  };
  const timer = setInterval(() => void poll(), 250);
  return {
    seen: async () => {
      await poll();
      return [...seen.values()];
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Fails on any notification from Tokenomics (its text or its hidden "Source:" line names it).
 * Error toasts from other parts of the workbench (the TypeScript server on a 20,000-deep file,
 * say) are not ours to prevent: they are printed, so a run shows them, but do not fail the spec.
 */
function assertNoBadToast(toasts, when) {
  const ours = toasts.filter((t) => /tokenomics/i.test(t.all || t.text));
  for (const t of toasts) if (t.error && !ours.includes(t)) console.log(`      [note] another component's error toast ${when}: ${plain(t.text)}`);
  assert.deepEqual(ours.map((t) => plain(t.text)), [], `no notification from Tokenomics ${when}`);
}

/**
 * Hovers the editor text `text` until the hover satisfies `accept`, then checks that the hover's
 * DOM holds no element built from the markup: no <img>, no <script>, no link to the terminal.
 */
async function inertHover(text, accept) {
  const target = editorLines(page).getByText(text).first();
  await target.waitFor({ timeout: 20_000 });
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  const body = await waitFor(async () => {
    await page.mouse.move(0, 0);
    await target.hover();
    await hover.waitFor({ state: 'visible', timeout: 3000 });
    const t = plain(await hover.innerText());
    return accept(t) ? t : undefined;
  }, { timeout: 45_000, interval: 500, what: `the Tokenomics hover over "${text}"` });
  assert.equal(await hover.locator('img').count(), 0, `no <img> element in the hover: ${body}`);
  assert.equal(await hover.locator('script').count(), 0, 'no <script> element in the hover');
  const links = await hover.locator('a').evaluateAll((as) => as.map((a) => `${a.getAttribute('href') ?? ''} ${a.getAttribute('data-href') ?? ''}`));
  assert.ok(!links.some((l) => l.includes('workbench.action.terminal')), `no link runs the terminal command: ${links.join(' | ')}`);
  return body;
}

let page;

describe('hostile workspace (own window)', function () {
  let workspace;
  let files;
  let hashBefore;
  let toasts;

  before(async function () {
    const s = session();
    workspace = join(s.root, 'hostile-workspace');
    files = buildHostileWorkspace(join(s.repo, 'test', 'e2e', 'workspace'), workspace);
    hashBefore = hashTree(workspace);
    page = await s.page.context().newPage();
    toasts = watchToasts(page);
    await openWorkbench(page, `${s.server.url}/?folder=${encodeURIComponent(workspace)}`);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    const file = join(session().resultsDir, `hostile-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.log(`    screenshot: ${file}`);
  });

  after(async function () {
    toasts?.stop();
    await page?.close().catch(() => {});
  });

  it('opens every hostile file with no error notification', async function () {
    for (const path of files) {
      await openPath(page, path, { textLines: false });
      assertNoBadToast(await toasts.seen(), `after opening ${path}`);
    }
  });

  it('the hover over a prompt full of markup renders it inert: no image, no command link', async function () {
    await openPath(page, 'hostile/prompt-injection.ts', { textLines: false });
    // The hover counts the markup as prompt text (it never echoes the prompt itself; an unknown
    // model falls back to the default one), and nothing in it became an element or a link.
    const prompt = await inertHover('Hostile prompt says', (t) => /[\d,]+ tokens/.test(t));
    assert.match(prompt, /Tokenomics · system prompt/);
    assert.match(prompt, /\$\d[\d,.]*\/call/);
    assertNoBadToast(await toasts.seen(), 'after the hovers');
  });

  it('the Cost report finishes the scan of the hostile workspace with ranked rows', async function () {
    await runCommand(page, 'Focus on Cost report View');
    const { frame } = await findFrameWith(page, SITE_ROWS, 60_000);
    const status = frame.locator('[role="status"]');
    await waitFor(async () => /Scanned \d+ files/.test(await status.innerText()), { timeout: 60_000, what: 'the scan to finish ("Scanned N files")' });
    const rows = await frame.locator(SITE_ROWS).allInnerTexts();
    assert.ok(rows.some((t) => t.includes('support_agent.ts')) && rows.some((t) => t.includes('research_agent.py')), `fixture agents listed: ${rows.join(' | ')}`);
    const priced = (await frame.locator(`${SITE_ROWS} td.cost`).allInnerTexts()).map(dollars).filter((c) => c !== undefined);
    assert.ok(priced.length >= 2, `at least two priced rows: ${rows.join(' | ')}`);
    assert.deepEqual(priced, [...priced].sort((a, b) => b - a), 'ranked by monthly cost, most expensive first');
    // The file whose name is markup is listed by that name, as text.
    const hostileRow = rows.find((t) => t.includes('<img src=x onerror=alert(1)> [x](command:workbench.action.terminal.new).ts'));
    assert.ok(hostileRow, `the markup-named file listed literally: ${rows.join(' | ')}`);
    assert.equal(await frame.locator('[data-testid="sites"] img, [data-testid="sites"] script').count(), 0, 'no element made from the markup');
    assertNoBadToast(await toasts.seen(), 'after the scan');
  });

  it('left every workspace file byte-identical', function () {
    assert.equal(hashTree(workspace), hashBefore);
  });
});
