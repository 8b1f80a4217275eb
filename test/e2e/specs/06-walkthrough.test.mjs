// A walk-through as a new user would do it, in its own window per workspace: point at a call (its
// hover shows the figure of its CodeLens, the model and how the model was found), read the Cost
// report at the default sidebar width (one line per site; screenshot kept), and open Compare from
// a loop's lens (the loop's figure is on screen, pinned). Workspaces: the committed multi-file
// fixture (always; CI has it) and two real repository exports when this machine has them
// (~/.cache/tokenomics-corpus; skipped with a message otherwise). Each is a copy in the session's
// temporary folder; the CLI's JSON report of the same copy says which sites to point at.
import assert from 'node:assert/strict';
import { cpSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { session } from '../lib/current.mjs';
import { cliScan, figureIn, goTo, hoverAtCursor, lensTitles, openPath, pickCall, pickLoop, setSidebarWidth } from '../lib/walkthrough.mjs';
import { findFrameWith, openWorkbench, runCommand, waitFor } from '../lib/workbench.mjs';

const CORPUS = process.env.TOKENOMICS_CORPUS_DIR || join(homedir(), '.cache', 'tokenomics-corpus');
const SITE_ROWS = '[data-testid="sites"] tbody tr[data-site-row]';

const WORKSPACES = [
  // Model in src/lib/models.ts, the wrapper src/lib/llm.ts, the agent loop in src/agent/planner.ts.
  { slug: 'app-fixture', name: 'fixture app (test/fixtures/app-workspace)', source: (repo) => join(repo, 'test', 'fixtures', 'app-workspace'), call: 'src/lib/llm.ts', loop: 'src/agent/planner.ts', provenance: 'from src/lib/models.ts:2' },
  { slug: 'ai-chatbot', name: 'vercel/ai-chatbot (real repository export)', source: () => join(CORPUS, 'vercel+ai-chatbot') },
  { slug: 'swe-agent', name: 'SWE-agent (real repository export)', source: () => join(CORPUS, 'SWE-agent+SWE-agent') },
];

for (const w of WORKSPACES) {
  describe(`walk-through: ${w.name}`, function () {
    let page;
    let report;
    let folder;

    before(async function () {
      const s = session();
      const source = w.source(s.repo);
      if (!existsSync(source)) {
        console.log(`      [skip] ${source} is not on this machine (real repository exports live in ~/.cache/tokenomics-corpus; CI has only the fixture)`);
        this.skip();
      }
      folder = join(s.root, `walk-${w.slug}`);
      cpSync(source, folder, { recursive: true });
      report = cliScan(s.repo, folder);
      page = await s.page.context().newPage();
      await openWorkbench(page, `${s.server.url}/?folder=${encodeURIComponent(folder)}`);
    });

    afterEach(async function () {
      if (this.currentTest?.state !== 'failed' || !page) return;
      await page.screenshot({ path: join(session().resultsDir, `walk-${w.slug}-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`), fullPage: true }).catch(() => {});
    });

    after(async function () {
      await page?.close().catch(() => {});
    });

    it('the hover on a call shows the figure of its CodeLens, the model and how it was found', async function () {
      this.timeout(240_000); // the folder's repository index may take tens of seconds on a real repository
      const picked = pickCall(report, w.call);
      if (!picked) {
        console.log(`      [skip] the scan found no runtime call outside an agent loop in ${w.name}`);
        this.skip();
      }
      const { file, site } = picked;
      await openPath(page, file.path);
      await goTo(page, site.line, site.column);
      // The file is priced alone first and again once the folder's repository index is built (seconds
      // to tens of seconds on a real repository), so the editor's figures may move once. Wait until a
      // reading is settled: the lenses did not move under the hover, the hover's figure is a lens
      // figure, and its model is the one the scan prices the call on. A lens refresh lost, or an
      // editor analysis that never agrees with the scan, still fails with what was last read.
      const expectedModel = site.modelResolved ?? site.model;
      const callFigures = async () => (await lensTitles(page, (t) => /\/call/.test(t))).map((t) => figureIn(t, 'call')).filter(Boolean);
      let hover = '';
      let figure;
      let lensFigures = [];
      let model;
      for (let attempt = 0; attempt < 15; attempt++) {
        const before = await callFigures();
        await goTo(page, site.line, site.column);
        hover = await hoverAtCursor(page, (t) => /Tokenomics/.test(t) && /\/call/.test(t));
        figure = figureIn(hover, 'call');
        lensFigures = await callFigures();
        model = hover.match(/Model: (\S+) \(([^)]+(?:\([^)]*\)[^)]*)*)\)/);
        if (before.join('|') === lensFigures.join('|') && lensFigures.includes(figure) && model?.[1] === expectedModel) break;
        await page.waitForTimeout(4_000);
      }
      assert.ok(figure && lensFigures.includes(figure), `hover figure ${figure} is a lens figure of ${file.path}: ${lensFigures.join(' | ')}`);
      assert.ok(model, `the hover names the model and its provenance: ${hover}`);
      assert.equal(model[1], expectedModel, 'the model the scan prices the call on');
      const assumed = ['default', 'vendor-default'].includes(site.modelSource?.from);
      assert.match(model[2], assumed ? /^assumed/ : /^from /, `provenance says whether the code names it (${site.modelSource?.from})`);
      if (w.provenance) assert.equal(model[2], w.provenance);
    });

    it('the Cost report at the default sidebar width (300 px) shows one line per site', async function () {
      await runCommand(page, 'Focus on Cost report View');
      await setSidebarWidth(page, 300);
      const { frame } = await findFrameWith(page, SITE_ROWS, 120_000);
      await waitFor(async () => /Scanned \d+ files/.test(await frame.locator('[role="status"]').innerText()), { timeout: 120_000, what: 'the scan to finish' });
      const width = await frame.evaluate(() => window.innerWidth);
      assert.ok(width <= 320, `the view is about 300 px wide (${width} px)`);
      for (const summary of await frame.locator('details.scope-group > summary').all()) await summary.click();
      const heights = await frame.locator(SITE_ROWS).evaluateAll((rows) => rows.slice(0, 60).map((r) => r.getBoundingClientRect().height));
      const line = await frame.locator(`${SITE_ROWS} .file`).first().evaluate((e) => e.getBoundingClientRect().height);
      assert.ok(heights.length > 0, 'the report lists sites');
      for (const h of heights) assert.ok(h < line * 1.8, `a row is one line high (${h} px, text line ${line} px)`);
      const total = await frame.locator('.summary .total').innerText();
      assert.match(total, /calls a day per site/, 'the traffic assumption is beside the total');
      await page.screenshot({ path: join(session().resultsDir, `walkthrough-${w.slug}-report-300px.png`) });
    });

    it('Compare opened from a loop’s CodeLens shows the lens figure, pinned', async function () {
      const picked = pickLoop(report, w.loop);
      if (!picked) {
        console.log(`      [skip] the scan found no runtime agent loop in ${w.name}`);
        this.skip();
      }
      const { file, site } = picked;
      await openPath(page, file.path);
      await goTo(page, site.line, site.column);
      const lenses = await lensTitles(page, (t) => /\/task/.test(t));
      const lens = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration a', { hasText: '/task' }).first();
      const figure = figureIn(await lens.innerText(), 'task');
      assert.ok(figure, `a loop lens among: ${lenses.join(' | ')}`);
      await lens.click();
      const { locator } = await findFrameWith(page, '[data-testid="pinned-figure"]', 60_000);
      const pinned = await waitFor(async () => {
        const t = await locator.first().innerText();
        return t.includes(figure) ? t : undefined;
      }, { what: `the pinned figure ${figure}` });
      assert.ok(await locator.first().isVisible(), `the pinned figure is on screen: ${pinned}`);
    });
  });
}
