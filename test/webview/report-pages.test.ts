/**
 * The Cost report page on more sites than a page shows, with the host's own row store answering
 * its queries (report-host.ts): the rows on every page, after a sort and a filter, are the rows
 * the full list has there; the keyboard reaches and opens sites beyond the first page; the
 * figures shown are the core's (the total is the header's, never summed from the rows on screen).
 */
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { formatPrice } from '../../src/core/format';
import { SITES_PAGE_SIZE, type ReportSiteView } from '../../src/webview/protocol/report';
import { launch, withPage, type WebviewPage } from './harness';
import { reportHost, type ReportHostFixture } from './report-host';
import { manySitesReport } from './report-many-fixture';
import { until } from './until';

const key = (s: ReportSiteView): string => `${s.path}#${s.siteId}`;
const headline = (p: WebviewPage) => p.page.locator('[data-group="headline"] tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site-row')));
const pagerText = (p: WebviewPage, group: string) => p.page.locator(`[data-group="${group}"] .pager-text`).textContent();

describe('Cost report page, a page of rows at a time (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let fx: ReportHostFixture;
  let runtime: ReportSiteView[];
  // Wider than the default sidebar: at 420 px and less the per-unit column moves into the row's tooltip.
  const open = { view: 'report' as const, width: 600, height: 900, host: (m: { type: string }, p: WebviewPage) => fx.host(m, p) };

  before(async () => {
    fx = await reportHost(await manySitesReport(), ['many'], 10);
    runtime = fx.view.sites.filter((s) => s.scope === 'runtime');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fx?.dispose();
  });

  it('shows the first page and the core’s total; Next shows the next slice of the ranking; the page never holds every row', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      const t = fx.header.totals;
      assert.equal(await p.page.locator('[data-testid="total"]').textContent(), formatPrice(t.unpricedSites ? t.pricedMonthlyCost! : t.monthlyCost));
      assert.equal(await pagerText(p, 'headline'), `Page 1 of 3 (${runtime.length} rows)`);
      await p.page.locator('[data-group="headline"] [data-pager="next"]').click();
      await until(() => headline(p), runtime.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map(key));
      assert.equal(await pagerText(p, 'headline'), `Page 2 of 3 (${runtime.length} rows)`);
      // The tests group apart has its own pages.
      assert.equal(await pagerText(p, 'test'), 'Page 1 of 2 (60 rows)');
      const shown = await p.page.locator('tr[data-site-row]').count();
      assert.ok(shown <= 2 * SITES_PAGE_SIZE && shown < fx.view.sites.length, `${shown} rows in the page of ${fx.view.sites.length}`);
      const saved = (await p.savedState()) as { rows: { groups: { rows: ReportSiteView[] }[] } };
      assert.deepEqual(saved.rows.groups[0].rows.map(key), runtime.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map(key), 'the saved state keeps the page shown, and only it');
    });
  });

  it('sorts by a column across pages: the second page after a sort is the second slice of the sorted list', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.locator('[data-group="headline"] button[data-sort="perUnit"]').click();
      const byPerUnit = [...runtime].sort((a, b) => {
        const [x, y] = [a.perUnit, b.perUnit].map((v) => (v.kind === 'priced' ? v.usd : -1));
        return y - x || runtime.indexOf(a) - runtime.indexOf(b);
      });
      assert.notDeepEqual(byPerUnit.map(key), runtime.map(key), 'the order differs from the ranking');
      await until(() => headline(p), byPerUnit.slice(0, SITES_PAGE_SIZE).map(key));
      assert.equal(await p.page.locator('[data-group="headline"] th[aria-sort]').textContent(), 'Per unit ▼');
      await p.page.locator('[data-group="headline"] [data-pager="next"]').click();
      await until(() => headline(p), byPerUnit.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map(key));
      // The same header again: ascending (unpriced still last), back to the first page.
      await p.page.locator('[data-group="headline"] button[data-sort="perUnit"]').click();
      const ascending = [...byPerUnit.filter((s) => s.perUnit.kind === 'priced')].sort((a, b) => (a.perUnit.kind === 'priced' && b.perUnit.kind === 'priced' ? a.perUnit.usd - b.perUnit.usd : 0) || runtime.indexOf(a) - runtime.indexOf(b));
      await until(() => headline(p), ascending.slice(0, SITES_PAGE_SIZE).map(key));
    });
  });

  it('filters across pages: the matching rows of every page, counted in the pager', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.locator('[data-group="headline"] [data-pager="next"]').click();
      await until(() => pagerText(p, 'headline'), `Page 2 of 3 (${runtime.length} rows)`);
      await p.page.selectOption('#r-model', 'gpt-4.1');
      const gpt = runtime.filter((s) => s.model === 'gpt-4.1');
      assert.ok(gpt.length < SITES_PAGE_SIZE);
      // A filter starts again at the first page; every match fits on it.
      await until(() => headline(p), gpt.map(key));
      assert.equal(await p.page.locator('[data-group="headline"] .pager-text').count(), 0);
      assert.equal(await p.page.locator('details[data-scope="test"]').count(), 0, 'no test calls gpt-4.1: its group is left out');
    });
  });

  it('keyboard: pages with the pager, then arrow keys and Enter open a site on the second page', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.locator('[data-group="headline"] [data-pager="next"]').focus();
      await p.page.keyboard.press('Enter');
      await until(() => headline(p), runtime.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map(key));
      assert.equal(await p.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string } } }).document.activeElement.getAttribute('data-pager')), 'next', 'the focus stays on Next');
      const first = runtime[SITES_PAGE_SIZE];
      await p.page.locator(`[data-group="headline"] [data-site="${first.siteId}"]`).first().focus();
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('Enter');
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('Enter');
      const reveals = (await p.posted()).filter((m) => m.type === 'reveal');
      const second = runtime[SITES_PAGE_SIZE + 1];
      const last = runtime[2 * SITES_PAGE_SIZE - 1];
      assert.deepEqual(reveals, [
        { type: 'reveal', path: second.path, siteId: second.siteId },
        { type: 'reveal', path: last.path, siteId: last.siteId },
      ]);
      // The host opens what the page asks for: both are in its store, where the view model put them.
      for (const s of [second, last]) assert.deepEqual(fx.store.find(s.path, s.siteId), { line: s.line, column: s.column });
    });
  });

  it('the By file table pages through the core’s per-file totals', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.locator('details.totals summary', { hasText: 'By file' }).click();
      const files = fx.view.totals.byFile;
      const fileRows = () => p.page.locator('[data-testid="by-file"] tbody tr').evaluateAll((rows) => rows.map((r) => r.firstElementChild?.textContent));
      await until(fileRows, files.slice(0, SITES_PAGE_SIZE).map((f) => f.path));
      await p.page.locator('[data-testid="by-file"] ~ nav [data-pager="next"]').click();
      await until(fileRows, files.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map((f) => f.path));
      const costs = await p.page.locator('[data-testid="by-file"] tbody tr td.num').allTextContents();
      assert.deepEqual(costs, files.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map((f) => formatPrice(f.monthlyCost)));
    });
  });

  it('a late answer to an older query does not replace the rows of the newer one', async () => {
    const held = { view: 'report' as const, width: 600, host: async (m: { type: string; [k: string]: unknown }, p: WebviewPage) => {
      // The answer to the second query (the model filter) comes after the answer to the third (filter cleared).
      if (m.type === 'query' && (m.query as { id: number }).id === 2) await new Promise((r) => setTimeout(r, 500));
      await fx.host(m, p);
    } };
    await withPage(browser, held, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.selectOption('#r-model', 'gpt-4.1');
      await p.page.selectOption('#r-model', '');
      await until(async () => (await p.posted()).filter((m) => m.type === 'query').length, 3);
      await p.page.waitForTimeout(900);
      assert.deepEqual(await headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      assert.equal(await pagerText(p, 'headline'), `Page 1 of 3 (${runtime.length} rows)`);
    });
  });
});
