import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { reportData } from '../../src/extension/webviews/report/view-model';
import { launch, openPage, withPage, ROOT, screenshot, THEMES, type WebviewPage } from './harness';
import { fixtureReport } from './report-fixture';

// Browser global, used only inside callbacks that run in the page (this file compiles without the DOM lib).
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const data = reportData(fixtureReport, ['demo'], 1234);

const siteRows = (p: WebviewPage) =>
  p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site-row')));

describe('Cost report page (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    mkdirSync(join(ROOT, 'test-results', 'webview'), { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('the host ranks sites by monthly cost with the core attribution (loop steps not counted twice)', () => {
    assert.deepEqual(
      data.sites.map((s) => [s.path, s.siteId, s.monthly.kind === 'priced' ? Math.round(s.monthly.usd * 100) / 100 : 'unpriced']),
      [
        ['src/agent.ts', 'loop-1', 150], // $0.05 × 100 × 30
        ['AGENTS.md', 'instructions', 108], // $0.0036 × 1000 × 30
        ['src/agent.ts', 'call-1', 6], // $0.002 × 100 × 30
        ['src/tools/<weird> & name.py', 'call-9', 'unpriced'],
      ],
    );
  });

  it('shows progress while scanning, then the ranked sites and totals; paths are text, not markup', async () => {
    await withPage(browser, { view: 'report', width: 420 }, async (p) => {
      assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
      await p.send({ type: 'scanning', folders: ['demo'] });
      await p.send({ type: 'progress', done: 3, total: 10, current: 'src/agent.ts' });
      assert.equal(await p.page.locator('.status').textContent(), 'Scanning: 3 of 10 files — src/agent.ts');
      assert.equal(await p.page.locator('progress').evaluate((e) => (e as { value: number }).value), 3);
      assert.ok(await p.page.locator('progress').isVisible());
      await p.send({ type: 'report', data });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      assert.deepEqual(await siteRows(p), ['src/agent.ts#loop-1', 'AGENTS.md#instructions', 'src/agent.ts#call-1', 'src/tools/<weird> & name.py#call-9']);
      // One line per site: kind badge, file name first, then the folder; the figures right-aligned.
      assert.deepEqual(await p.page.locator('[data-testid="sites"] tbody tr').first().locator('td').allTextContents(), ['loopagent.ts:20src/', '$150', '$0.05/task']);
      assert.equal(await p.page.locator('.summary .total').textContent(), '$264 a month + 1 unpriced site at 1,000 calls a day per site');
      assert.equal(await p.page.locator('[data-testid="prices-as-of"]').getAttribute('title'), `Catalog: ${data.catalog.source}, as of ${data.catalog.asOf}`);
      assert.equal(await p.page.locator('[data-site="call-9"]').textContent(), '<weird> & name.py:7src/tools/');
      assert.equal(await p.page.locator('weird').count(), 0);
      assert.ok(!(await p.page.locator('progress').isVisible()));
      assert.equal(await p.page.locator('button[data-action]').count(), 0, 'actions live in the view title bar only');
      assert.deepEqual(await p.cspViolations(), []);
    });
  });

  it('filters by text, model and kind', async () => {
    await withPage(browser, { view: 'report' }, async (p) => {
      await p.send({ type: 'report', data });
      await p.page.selectOption('#r-kind', 'call');
      assert.deepEqual(await siteRows(p), ['src/agent.ts#call-1', 'src/tools/<weird> & name.py#call-9']);
      await p.page.selectOption('#r-kind', '');
      await p.page.selectOption('#r-model', 'claude-sonnet-4-5');
      assert.deepEqual(await siteRows(p), ['AGENTS.md#instructions']);
      await p.page.selectOption('#r-model', '');
      await p.page.fill('#r-text', 'weird');
      await p.page.waitForFunction(() => document.querySelectorAll('[data-testid="sites"] tbody tr[data-site-row]').length === 1);
      assert.deepEqual(await siteRows(p), ['src/tools/<weird> & name.py#call-9']);
    });
  });

  it('keyboard: arrow keys move between sites, Enter asks the host to reveal one', async () => {
    await withPage(browser, { view: 'report' }, async (p) => {
      await p.send({ type: 'report', data });
      await p.page.locator('[data-site="loop-1"]').focus();
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('Enter');
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('ArrowUp');
      await p.page.keyboard.press('Home');
      await p.page.keyboard.press('Enter');
      await p.send({ type: 'scanning', folders: ['demo'] });
      await p.send({ type: 'cancelled' });
      assert.deepEqual(await p.posted(), [
        { type: 'ready' },
        { type: 'reveal', path: 'src/agent.ts', siteId: 'call-1' },
        { type: 'reveal', path: 'src/agent.ts', siteId: 'loop-1' },
      ]);
      assert.equal(await p.page.locator('.status').textContent(), 'Scan cancelled; showing the previous report.');
    });
  });

  it('one line per site at the default sidebar width (300 px)', async () => {
    await withPage(browser, { view: 'report', width: 300 }, async (p) => {
      await p.send({ type: 'report', data });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      const heights = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      const line = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row] .file').first().evaluate((e) => e.getBoundingClientRect().height);
      for (const height of heights) assert.ok(height < line * 1.8, `a row is one line high (${height} px, text line ${line} px)`);
      await screenshot(p, 'report-300px');
    });
  });

  it('comes back with its report and filters from the saved state', async () => {
    const first = await openPage(browser, { view: 'report' });
    let saved: unknown;
    try {
      await first.send({ type: 'report', data });
      await first.page.selectOption('#r-kind', 'loop');
      saved = await first.savedState();
    } finally {
      await first.close();
    }
    const second = await openPage(browser, { view: 'report', state: saved });
    try {
      assert.deepEqual(await siteRows(second), ['src/agent.ts#loop-1']);
      assert.equal(await second.page.locator('#r-kind').inputValue(), 'loop');
    } finally {
      await second.close();
    }
  });

  it('drops a malformed host message', async () => {
    await withPage(browser, { view: 'report' }, async (p) => {
      await p.send({ type: 'report', data: { sites: 'nope' } });
      await p.send({ type: 'progress', done: 'x' });
      await p.page.waitForTimeout(100);
      assert.equal(p.consoleLines.filter((l) => l.includes('dropped a malformed message')).length, 2);
      assert.equal(await p.page.locator('.summary').textContent(), 'No report yet.');
    });
  });

  for (const theme of THEMES) {
    it(`screenshot: ${theme} theme`, async () => {
      await withPage(browser, { view: 'report', theme, width: 400, height: 800 }, async (p) => {
        await p.send({ type: 'report', data });
        await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
        await screenshot(p, `report-${theme}`);
        assert.deepEqual(await p.cspViolations(), []);
      });
    });
  }
});
