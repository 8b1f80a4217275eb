/**
 * The two pages on real data: examples/ scanned with the core's scanPaths and the
 * bundled catalog (the engine of `tokenomics scan`), and the Compare panel opened
 * on its most expensive agent loop. Figures come from live catalog prices, so the
 * assertions compare the page with the host's data rather than with literals.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { getBundledCatalog } from '../../src/core/catalog';
import { normalizeConfig } from '../../src/core/config';
import { formatPrice } from '../../src/core/format';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { buildCompareData } from '../../src/extension/webviews/compare/compute';
import { subjectOfSite } from '../../src/extension/webviews/compare/source';
import { scanPaths } from '../../src/node/scan';
import type { CompareData } from '../../src/webview/protocol/compare';
import type { ReportData } from '../../src/webview/protocol/report';
import { launch, withPage, ROOT, screenshot, type WebviewPage } from './harness';
import { reportHost, type ReportHostFixture } from './report-host';

describe('pages on examples/ (bundled catalog)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let report: ReportData;
  let fx: ReportHostFixture;
  let compare: CompareData;

  before(async () => {
    mkdirSync(join(ROOT, 'test-results', 'webview'), { recursive: true });
    const examples = join(ROOT, 'examples');
    const config = normalizeConfig(JSON.parse(readFileSync(join(examples, 'tokenomics.json'), 'utf8')), 'examples/tokenomics.json').config;
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...config };
    const catalog = getBundledCatalog();
    const scan = await scanPaths([examples], { catalog, assumptions, root: examples });
    fx = await reportHost(scan, ['examples'], 0);
    report = fx.view;
    const top = report.sites.find((s) => s.kind === 'loop');
    assert.ok(top, 'examples/ has an agent loop');
    const file = scan.files.find((f) => f.path === top.path)!;
    const loop = file.agentLoops.find((l) => l.id === top.siteId)!;
    const subject = subjectOfSite(file, { kind: 'loop', site: loop }, assumptions);
    compare = buildCompareData(catalog, subject.workload, subject);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fx?.dispose();
  });

  it('the report shows the scan: every site, ranked, with the scan’s total', async () => {
    await withPage(browser, { view: 'report', width: 420, height: 900, host: (m: { type: string }, p: WebviewPage) => fx.host(m, p) }, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      const rows = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').count();
      assert.equal(rows, Math.min(50, report.sites.length));
      assert.ok(report.sites.length >= 5, `examples/ has several priced sites (${report.sites.length})`);
      const total = report.totals.unpricedSites ? report.totals.pricedMonthlyCost! : report.totals.monthlyCost;
      assert.equal(await p.page.locator('[data-testid="total"]').textContent(), formatPrice(total));
      await screenshot(p, 'report-examples-dark');
      assert.deepEqual(await p.cspViolations(), []);
    });
  });

  it('the compare panel on the costliest loop: rows, Pareto front, current model, self-hosted options', async () => {
    await withPage(browser, { view: 'compare', theme: 'light', height: 1000 }, async (p) => {
      await p.send({ type: 'show', data: compare });
      await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
      assert.ok(compare.rows.length > 20, `many offerings fit (${compare.rows.length})`);
      assert.equal(await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').count(), 25);
      // By default the table shows the offerings that can do the site's job (capability filter; "Show all" lists the rest).
      const shown = compare.rows.filter((r) => r.capability === undefined || r.capability.verdict === 'can').length;
      assert.match((await p.page.locator('.pager-text').first().textContent()) ?? '', new RegExp(`Page 1 of \\d+ \\(${shown} rows\\)`));
      const front = compare.rows.filter((r) => r.pareto).length;
      assert.ok(front >= 2);
      assert.equal((await p.page.locator('[data-testid="pareto-list"] li').allTextContents()).filter((t) => t.startsWith('Pareto front')).length, front);
      assert.ok(compare.selfHosted.length > 0, 'open models in the comparison have self-hosted options');
      assert.ok((await p.page.locator('[data-testid="self-hosted"] tbody tr').count()) > 0);
      await screenshot(p, 'compare-examples-light');
      assert.deepEqual(await p.cspViolations(), []);
    });
  });
});
