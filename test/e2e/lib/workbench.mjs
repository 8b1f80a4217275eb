// Small, named steps over VS Code's workbench DOM (code-server serves the same workbench as
// desktop VS Code). Each step waits on a condition with a deadline; none sleeps a fixed time.

const SHORT = 20_000; // deadlines, not sleeps: generous because CI machines are small and shared
const LONG = 45_000;

/** Polls `probe` until it returns a truthy value or the deadline passes; returns that value. */
export async function waitFor(probe, { timeout = SHORT, interval = 150, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

export async function openWorkbench(page, url) {
  // The page's own load can take longer than Playwright's 30 s default on a loaded 2-core machine.
  await page.goto(url, { timeout: LONG * 3 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: LONG });
  // The explorer lists the folder once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
}

async function quickInputRows(page) {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

/** Ctrl+P, the file name, the first row once it is that file. Resolves when its tab is the active one. */
export async function openFile(page, name) {
  const base = name.split('/').pop();
  const input = page.locator('.quick-input-widget input');
  // A workbench still settling (just after a binary-file view, say) can leave Quick Open inert, or
  // close it again as focus moves, for several seconds (seen in about one CI run in four): each try
  // starts from a fresh Quick Open after a pause, and only the last one is allowed to fail.
  const tries = 4;
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(name, { timeout: attempt === tries - 1 ? 30_000 : 8_000 });
      break;
    } catch (err) {
      if (attempt === tries - 1) throw err;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1_000);
    }
  }
  // The list first shows recently opened files; wait until filtering has put the file on top.
  const first = (await quickInputRows(page)).first();
  await waitFor(async () => (await first.innerText()).includes(base), { what: `"${base}" at the top of Quick Open` });
  await first.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).waitFor({ timeout: SHORT });
  await editorLines(page).first().waitFor({ timeout: SHORT });
}

/**
 * Puts the cursor on the first editor line showing `text`. A hover left open by an earlier
 * step (its overlay can cover the very line) is dismissed first: the mouse leaves the editor
 * and Escape closes the widget, so the click lands on the text and not on the overlay.
 */
export async function clickEditorText(page, text) {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => {});
  await editorLines(page).getByText(text).first().click();
}

/** Text read from the DOM with Monaco's non-breaking spaces made plain. */
export function plain(text) {
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Command palette: types the title and runs the row whose label matches it exactly. The palette lists the
 * commands known when it opens; in a window that has just loaded, a view's focus command can be registered a
 * moment later (seen once in CI under load: only "Help: Report Issue" listed), so a miss closes the palette
 * and opens it again, up to three times, before failing.
 */
export async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  let row;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    row = (await quickInputRows(page)).filter({ hasText: title }).first();
    try {
      await row.waitFor({ timeout: SHORT });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
    }
  }
  await row.click();
  // The command may open a quick input of its own; only give the palette a moment to close.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
}

/** Titles of every command whose palette label starts with `prefix` (e.g. "Tokenomics:"). */
export async function listCommands(page, prefix) {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${prefix}`);
  const rows = await quickInputRows(page);
  await rows.first().waitFor({ timeout: SHORT }).catch(() => {});
  const labels = await rows.locator('.quick-input-list-label, .label-name').allInnerTexts();
  await page.keyboard.press('Escape');
  return [...new Set(labels.map((l) => l.trim()).filter((l) => l.startsWith(prefix)))];
}

/** The active editor's visible line elements. */
export function editorLines(page) {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines');
}

/**
 * Hovers the first occurrence of `text` in the active editor and returns the hover widget's text
 * once it satisfies `accept` (several providers may contribute; ours may answer later than others).
 */
export async function hoverText(page, text, accept = () => true, timeout = LONG) {
  const target = editorLines(page).getByText(text).first();
  await target.waitFor({ timeout: SHORT });
  return waitFor(
    async () => {
      await page.mouse.move(0, 0);
      await target.hover();
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      await hover.waitFor({ state: 'visible', timeout: 3000 });
      const body = plain(await hover.innerText());
      return accept(body) ? body : undefined;
    },
    { timeout, interval: 500, what: `a hover over "${text}"` },
  );
}

/** CodeLens titles rendered in the active editor, once at least `min` are there. */
export async function codeLensTitles(page, min = 1, timeout = LONG) {
  const lenses = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration');
  return waitFor(
    async () => {
      const texts = (await lenses.allInnerTexts()).map(plain).flatMap((t) => t.split(/\s*\|\s*/)).map((t) => t.trim()).filter(Boolean);
      return texts.length >= min ? texts : undefined;
    },
    { timeout, what: `${min} CodeLens title(s)` },
  );
}

/** Opens the Problems panel and returns each row's text (file rows and marker rows). */
export async function problemRows(page, accept = (rows) => rows.length > 0, timeout = LONG) {
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  return waitFor(
    async () => {
      const texts = (await rows.allInnerTexts()).map(plain);
      return accept(texts) ? texts : undefined;
    },
    { timeout, what: 'matching rows in the Problems panel' },
  );
}

/** Text shown in the bottom panel's editor (the Output view shows the selected channel there), or '' if none yet. */
export async function panelEditorText(page) {
  const lines = page.locator('[id="workbench.parts.panel"] .monaco-editor .view-lines').first();
  if ((await lines.count()) === 0 || !(await lines.isVisible())) return '';
  return plain(await lines.innerText());
}

/**
 * Scrolls the panel's editor to its first line. The Output view follows the end of its channel and the editor draws
 * only the lines in view, so an early line (the activation line) leaves the page once later lines fill the panel.
 */
async function scrollPanelToTop(page) {
  const editor = page.locator('[id="workbench.parts.panel"] .monaco-editor').first();
  if ((await editor.count()) === 0 || !(await editor.isVisible())) return;
  await editor.click();
  await page.keyboard.press('Control+Home');
}

/**
 * Runs `title` until the panel editor shows `needle`: a command issued while the extension host
 * is still activating extensions can take long on a loaded machine, so it is asked again. A needle not in view is
 * looked for again from the panel's first line.
 */
export async function commandUntilPanelShows(page, title, needle, { attempts = 3, each = 20_000 } = {}) {
  let last = '';
  for (let i = 0; i < attempts; i += 1) {
    await runCommand(page, title);
    try {
      return await waitFor(async () => {
        last = await panelEditorText(page);
        if (!last.includes(needle) && last) {
          await scrollPanelToTop(page);
          last = await panelEditorText(page);
        }
        return last.includes(needle) ? last : undefined;
      }, { timeout: each, what: `"${needle}" in the panel after "${title}"` });
    } catch {
      // asked again below
    }
  }
  throw new Error(`"${needle}" never appeared in the panel after ${attempts} × "${title}"; panel showed: ${last.slice(0, 300)}`);
}

/**
 * The first frame (webviews are nested iframes) that has an element matching `selector`.
 * Returns { frame, locator } so callers can read inside the webview.
 */
export async function findFrameWith(page, selector, timeout = LONG) {
  return waitFor(
    async () => {
      for (const frame of page.frames()) {
        const locator = frame.locator(selector);
        if ((await locator.count().catch(() => 0)) > 0) return { frame, locator };
      }
      return undefined;
    },
    { timeout, interval: 300, what: `a webview frame with ${selector}` },
  );
}

/** Status bar items' text (ours included once the extension contributes one). */
export async function statusBarTexts(page) {
  return (await page.locator('.statusbar .statusbar-item').allInnerTexts()).map(plain);
}
