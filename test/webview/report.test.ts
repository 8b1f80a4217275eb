import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { formatPrice } from '../../src/core/format';
import { formatFigure } from '../../src/core/format/estimate';
import type { ReportData, ReportSiteView } from '../../src/webview/protocol/report';
import { launch, openPage, withPage, ROOT, screenshot, THEMES, type WebviewPage } from './harness';
import { fixtureReport, WEIRD_PATH } from './report-fixture';
import { reportHost, type ReportHostFixture } from './report-host';
import { until } from './until';

// Browser global, used only inside callbacks that run in the page (this file compiles without the DOM lib).
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const rowsIn = (p: WebviewPage, container: string) =>
  p.page.locator(`${container} [data-testid="sites"] tbody tr[data-site-row]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site-row')));
/** The headline table: the first sites table, outside any scope group. */
const headlineRows = (p: WebviewPage) => p.page.locator('[data-testid="sites"]').first().locator('tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site-row')));
const rowKey = (s: ReportSiteView) => `${s.path}#${s.siteId}`;

describe('Cost report page (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let fx: ReportHostFixture;
  /** Every row, as the host's view model builds them: what the page must show, a page at a time. */
  let data: ReportData;
  /** The page with the host answering its queries. */
  const report = { view: 'report' as const, host: (m: { type: string }, p: WebviewPage) => fx.host(m, p) };
  const site = (path: string, kind: ReportSiteView['kind']): ReportSiteView => {
    const found = data.sites.find((s) => s.path === path && s.kind === kind);
    assert.ok(found, `the fixture has a ${kind} in ${path}`);
    return found;
  };
  before(async () => {
    mkdirSync(join(ROOT, 'test-results', 'webview'), { recursive: true });
    fx = await reportHost(await fixtureReport(), ['app'], 1234);
    data = fx.view;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fx?.dispose();
  });

  it('the host ranks sites by monthly cost with the core attribution, each with its scope (loop steps not counted twice)', () => {
    const ranked = data.sites.map((s) => [s.path, s.kind, s.scope]);
    assert.deepEqual(ranked.slice(0, 2), [
      ['src/agent/planner.ts', 'loop', 'runtime'], // generateText with tools, maxSteps: 6, PLANNER_MODEL from the config module
      ['examples/quickstart.ts', 'call', 'example'],
    ]);
    assert.deepEqual(ranked.at(-1), [WEIRD_PATH, 'call', 'runtime'], 'unpriced last');
    assert.equal(site(WEIRD_PATH, 'call').monthly.kind, 'unpriced');
    assert.equal(site('AGENTS.md', 'instructions').scope, 'instructions');
    assert.equal(site('tests/llm.test.ts', 'call').scope, 'test');
    // The wrapper's request is the site (the route's call of it is a use), priced on the config module's model.
    assert.equal(site('src/lib/llm.ts', 'call').model, 'gpt-4.1-mini');
    assert.equal(data.sites.filter((s) => s.path === 'src/route.ts').length, 0);
    for (let i = 1; i < data.sites.length; i++) {
      const [a, b] = [data.sites[i - 1].monthly, data.sites[i].monthly];
      if (a.kind === 'priced' && b.kind === 'priced') assert.ok(a.usd >= b.usd, 'ranked most expensive first');
    }
  });

  it('shows progress while scanning, then the runtime sites under the headline and the other scopes apart; paths are text, not markup', async () => {
    await withPage(browser, { ...report, width: 420 }, async (p) => {
      assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
      await p.send({ type: 'scanning', folders: ['app'] });
      await p.send({ type: 'progress', done: 3, total: 10, current: 'src/agent/planner.ts' });
      assert.equal(await p.page.locator('.status').textContent(), 'Scanning: 3 of 10 files — src/agent/planner.ts');
      assert.equal(await p.page.locator('progress').evaluate((e) => (e as { value: number }).value), 3);
      assert.ok(await p.page.locator('progress').isVisible());
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      const runtime = data.sites.filter((s) => s.scope === 'runtime');
      assert.deepEqual(await headlineRows(p), runtime.map(rowKey));
      const loop = site('src/agent/planner.ts', 'loop');
      // One line per site: kind badge, file name first, then the folder; the figures right-aligned.
      assert.deepEqual(await p.page.locator('[data-testid="sites"] tbody tr').first().locator('td').allTextContents(), [
        `loopplanner.ts:${loop.line}src/agent/`,
        formatPrice(loop.monthly),
        formatFigure({ price: loop.perUnit, unit: 'task' }),
      ]);
      // The headline is the runtime total (the priced part: one runtime site is unpriced), with the traffic assumption beside it.
      const t = data.totals;
      assert.equal(await p.page.locator('.summary .total').textContent(), `${formatPrice(t.pricedMonthlyCost!)} a month + 1 unpriced site · runtime code · 1,000 calls a day per site`);
      assert.equal(await p.page.locator('[data-testid="prices-as-of"]').getAttribute('title'), `Catalog: ${data.catalog.source}, as of ${data.catalog.asOf}`);
      // The other scopes: collapsed groups in the core's order, each with the core's total for the scope.
      assert.deepEqual(await p.page.locator('details.scope-group').evaluateAll((ds) => ds.map((d) => [d.getAttribute('data-scope'), (d as { open: boolean }).open])), [
        ['test', false],
        ['example', false],
        ['instructions', false],
      ]);
      const tests = t.byScope!.find((b) => b.scope === 'test')!;
      assert.equal(await p.page.locator('[data-testid="scope-test"]').textContent(), `Tests · 1 site${formatPrice(tests.monthlyCost)} a month`);
      assert.deepEqual(await rowsIn(p, 'details[data-scope="example"]'), [rowKey(site('examples/quickstart.ts', 'call'))]);
      assert.ok(!(await p.page.locator('details[data-scope="example"] [data-testid="sites"]').isVisible()), 'a group starts collapsed');
      const weird = site(WEIRD_PATH, 'call');
      assert.equal(await p.page.locator(`[data-site="${weird.siteId}"]`).first().textContent(), `<weird> & name.py:${weird.line}src/tools/`);
      assert.equal(await p.page.locator('weird').count(), 0);
      assert.ok(!(await p.page.locator('progress').isVisible()));
      assert.equal(await p.page.locator('button[data-action]').count(), 0, 'actions live in the view title bar only');
      assert.deepEqual(await p.cspViolations(), []);
    });
  });

  it('filters by text, model and kind across the groups', async () => {
    await withPage(browser, report, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').first().waitFor();
      await p.page.selectOption('#r-kind', 'loop');
      await until(() => headlineRows(p), [rowKey(site('src/agent/planner.ts', 'loop'))]);
      assert.equal(await p.page.locator('details.scope-group').count(), 0, 'groups with no matching site are left out');
      await p.page.selectOption('#r-kind', '');
      await p.page.selectOption('#r-model', 'claude-sonnet-4-5');
      await until(() => headlineRows(p), []);
      await until(() => rowsIn(p, 'details[data-scope="instructions"]'), ['AGENTS.md#instructions']);
      await p.page.selectOption('#r-model', '');
      await p.page.fill('#r-text', 'weird');
      // Wait for the filtered rows themselves: a CI run under load counted one row while the table was being
      // rebuilt and then read the unfiltered rows.
      await until(() => headlineRows(p), [rowKey(site(WEIRD_PATH, 'call'))]);
    });
  });

  it('keyboard: arrow keys move between the sites shown (a closed group is skipped), Enter asks the host to reveal one', async () => {
    await withPage(browser, report, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      const runtime = data.sites.filter((s) => s.scope === 'runtime');
      await p.page.locator(`[data-site="${runtime[0].siteId}"]`).first().waitFor();
      await p.page.locator(`[data-site="${runtime[0].siteId}"]`).first().focus();
      await p.page.keyboard.press('ArrowDown');
      await p.page.keyboard.press('Enter');
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('Enter');
      // Open the tests group: End now reaches its row.
      await p.page.locator('[data-testid="scope-test"]').click();
      await p.page.locator(`[data-site="${runtime[0].siteId}"]`).first().focus();
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('Enter');
      await p.page.keyboard.press('Home');
      await p.page.keyboard.press('Enter');
      await p.send({ type: 'scanning', folders: ['app'] });
      await p.send({ type: 'cancelled' });
      const test = site('tests/llm.test.ts', 'call');
      assert.deepEqual((await p.posted()).filter((m) => m.type !== 'query'), [
        { type: 'ready' },
        { type: 'reveal', path: runtime[1].path, siteId: runtime[1].siteId },
        { type: 'reveal', path: runtime.at(-1)!.path, siteId: runtime.at(-1)!.siteId },
        { type: 'reveal', path: test.path, siteId: test.siteId },
        { type: 'reveal', path: runtime[0].path, siteId: runtime[0].siteId },
      ]);
      // The page handles a message on its next task: wait for it to say so, rather than read it at once (a CI run
      // read the status before the cancel was handled).
      await p.page.locator('.status', { hasText: 'Scan cancelled' }).waitFor({ timeout: 10_000 });
      assert.equal(await p.page.locator('.status').textContent(), 'Scan cancelled; showing the previous report.');
    });
  });

  it('one line per site at the default sidebar width (300 px), groups open', async () => {
    await withPage(browser, { ...report, width: 300 }, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      for (const summary of await p.page.locator('details.scope-group > summary').all()) await summary.click();
      const heights = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      assert.equal(heights.length, data.sites.length);
      const line = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row] .file').first().evaluate((e) => e.getBoundingClientRect().height);
      for (const height of heights) assert.ok(height < line * 1.8, `a row is one line high (${height} px, text line ${line} px)`);
      const summaries = await p.page.locator('details.scope-group > summary').evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().height));
      for (const height of summaries) assert.ok(height < line * 1.8, `a group's summary is one line high (${height} px)`);
      await screenshot(p, 'report-300px');
    });
  });

  it('comes back with its report, filters and open groups from the saved state', async () => {
    const first = await openPage(browser, report);
    let saved: unknown;
    try {
      await first.send({ type: 'report', data: fx.header });
      await first.page.locator('[data-testid="sites"] tbody tr[data-site-row]').first().waitFor();
      await first.page.selectOption('#r-kind', 'call');
      await until(() => headlineRows(first), data.sites.filter((s) => s.scope === 'runtime' && s.kind === 'call').map(rowKey));
      await first.page.locator('[data-testid="scope-example"]').click();
      await first.page.waitForFunction(() => document.querySelector('details[data-scope="example"]')?.open === true);
      // The details element fires 'toggle' on a later task; the page saves its open groups from that handler.
      await until(async () => ((await first.savedState()) as { ui?: { open?: string[] } } | undefined)?.ui?.open?.includes('example'), true);
      saved = await first.savedState();
    } finally {
      await first.close();
    }
    const second = await openPage(browser, { view: 'report', state: saved });
    try {
      assert.deepEqual(await headlineRows(second), data.sites.filter((s) => s.scope === 'runtime' && s.kind === 'call').map(rowKey));
      assert.equal(await second.page.locator('#r-kind').inputValue(), 'call');
      assert.deepEqual(await second.page.locator('details.scope-group[open]').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-scope'))), ['example']);
    } finally {
      await second.close();
    }
  });

  it('shows the core\'s coverage note when prompts were found but no request, and none otherwise', async () => {
    const note = 'Found 3 prompts in runtime code but no request that sends them: the application may reach its model through code the scan cannot follow (a raw HTTP request, a provider class picked at run time), and the total leaves those requests out.';
    await withPage(browser, report, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('.summary .total').waitFor();
      assert.equal(await p.page.locator('[data-testid="coverage-note"]').count(), 0, 'the fixture has requests: no note');
      await p.send({ type: 'report', data: { ...fx.header, coverageNote: note } });
      assert.equal(await p.page.locator('[data-testid="coverage-note"]').textContent(), note);
      await p.send({ type: 'report', data: { ...fx.header, coverageNote: 42 } });
      await until(async () => p.consoleLines.some((l) => l.includes('dropped a malformed message')), true);
    });
  });

  it('drops a malformed host message', async () => {
    await withPage(browser, { view: 'report' }, async (p) => {
      await p.send({ type: 'report', data: { sites: 'nope' } });
      await p.send({ type: 'progress', done: 'x' });
      await p.send({ type: 'diff', data: { ref: 'HEAD', sites: [] } });
      await p.page.waitForTimeout(100);
      assert.equal(p.consoleLines.filter((l) => l.includes('dropped a malformed message')).length, 3);
      assert.equal(await p.page.locator('.summary').textContent(), 'No report yet.');
    });
  });

  for (const theme of THEMES) {
    it(`screenshot: ${theme} theme`, async () => {
      await withPage(browser, { ...report, theme, width: 400, height: 800 }, async (p) => {
        await p.send({ type: 'report', data: fx.header });
        await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
        await screenshot(p, `report-${theme}`);
        assert.deepEqual(await p.cspViolations(), []);
      });
    });
  }
});
