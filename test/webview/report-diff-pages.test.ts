/**
 * The Cost report page comparing a workspace of more sites than a page with its HEAD (the core's
 * diff on a real git repository, report-many-diff-fixture.ts), with the host's row store and the
 * comparison's columns answering its queries (report-host.ts): the page gets the summary, then the
 * deltas of the rows it shows; the "vs HEAD" column sorts across pages; removed sites page.
 */
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { signedUsd } from '../../src/core/diff';
import { SITES_PAGE_SIZE, siteDiffKey, type ReportSiteView } from '../../src/webview/protocol/report';
import { launch, withPage, type WebviewPage } from './harness';
import { reportHost, type ReportHostFixture } from './report-host';
import { manyDiffFixture, type ManyDiffFixture } from './report-many-diff-fixture';
import { until } from './until';

const key = (s: ReportSiteView): string => `${s.path}#${s.siteId}`;
const headline = (p: WebviewPage) => p.page.locator('[data-group="headline"] tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site-row')));

describe('Cost report page vs HEAD, a page at a time (headless Chromium)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let fx: ReportHostFixture;
  let many: ManyDiffFixture;
  let runtime: ReportSiteView[];
  const open = { view: 'report' as const, width: 700, height: 900, host: (m: { type: string }, p: WebviewPage) => fx.host(m, p) };

  before(async () => {
    many = await manyDiffFixture();
    fx = await reportHost(many.report, ['many'], 10);
    runtime = fx.view.sites.filter((s) => s.scope === 'runtime');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fx?.dispose();
  });

  it('shows each row’s delta from its page, sorts by the vs HEAD column across pages, and pages the removed sites', async () => {
    await withPage(browser, open, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      await p.send({ type: 'diff', data: fx.compare(many.diff) });
      // The page asks for its rows again and shows the deltas that came with them.
      const top = runtime[0];
      const cell = p.page.locator(`tr[data-site-row="${key(top)}"] td.delta`);
      const d = many.diff.sites[siteDiffKey(top)];
      await until(() => cell.textContent(), d.change === 'unchanged' ? '=' : d.change === 'added' ? 'new' : signedUsd(d.monthlyDelta!));
      await p.page.locator('[data-group="headline"] button[data-sort="delta"]').click();
      const figure = (s: ReportSiteView): number => many.diff.sites[siteDiffKey(s)].monthlyDelta ?? Number.NaN;
      const byDelta = [...runtime].sort((a, b) => {
        const [x, y] = [figure(a), figure(b)];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        return (Number.isNaN(x) ? 0 : y - x) || runtime.indexOf(a) - runtime.indexOf(b);
      });
      await until(() => headline(p), byDelta.slice(0, SITES_PAGE_SIZE).map(key));
      await p.page.locator('[data-group="headline"] [data-pager="next"]').click();
      await until(() => headline(p), byDelta.slice(SITES_PAGE_SIZE, 2 * SITES_PAGE_SIZE).map(key));
      const queries = (await p.posted()).filter((m) => m.type === 'query') as unknown as { query: { sort: { key: string } } }[];
      assert.equal(queries.at(-1)?.query.sort.key, 'delta');
      // Removed: 55 sites, a page of 50 at a time.
      await p.page.locator('[data-testid="removed-summary"]').click();
      assert.equal(await p.page.locator('[data-testid="removed"] tbody tr').count(), SITES_PAGE_SIZE);
      await p.page.locator('[data-group="removed"] [data-pager="next"]').click();
      await until(() => p.page.locator('[data-testid="removed"] tbody tr').count(), many.diff.removed.length - SITES_PAGE_SIZE);
      // The page never holds every delta: what it saved is the rows shown and their deltas.
      const saved = (await p.savedState()) as { diff: object; rows: { diff: { deltas: object } } };
      assert.ok(Object.keys(saved.rows.diff.deltas).length < Object.keys(many.diff.sites).length / 2);
      assert.equal('sites' in saved.diff, false);
      // Comparison off: the delta sort falls back to the core's ranking.
      fx.compare(undefined);
      await p.send({ type: 'diffCleared' });
      await until(() => headline(p), runtime.slice(0, SITES_PAGE_SIZE).map(key));
      assert.deepEqual(await p.cspViolations(), []);
    });
  });
});
