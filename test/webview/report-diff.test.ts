/**
 * The Cost report's "vs REF" column: the host's comparison of a changed working tree with HEAD
 * (the core's diff engine on a real temporary git repository) and how the page shows it.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { signedUsd } from '../../src/core/diff';
import type { ReportDiffSites } from '../../src/node/report-row-deltas';
import { siteDiffKey, type ReportData, type ReportSiteView } from '../../src/webview/protocol/report';
import { launch, withPage, ROOT, screenshot, type WebviewPage } from './harness';
import { diffFixture } from './report-diff-fixture';
import { reportHost, type ReportHostFixture } from './report-host';
import { until } from './until';

describe('Cost report vs HEAD', function () {
  this.timeout(90_000);
  let browser: Browser;
  let fx: ReportHostFixture;
  let data: ReportData;
  const report = { view: 'report' as const, host: (m: { type: string }, p: WebviewPage) => fx.host(m, p) };
  let diff: ReportDiffSites;
  let outsideMessage: string;
  const site = (path: string, kind: ReportSiteView['kind']): ReportSiteView => {
    const found = data.sites.find((s) => s.path === path && s.kind === kind);
    assert.ok(found, `the workspace has a ${kind} in ${path}`);
    return found;
  };
  const row = (s: ReportSiteView) => `tr[data-site-row="${s.path}#${s.siteId}"]`;

  before(async () => {
    mkdirSync(join(ROOT, 'test-results', 'webview'), { recursive: true });
    const fixture = await diffFixture();
    assert.ok(fixture.diff.ok, `the comparison ran: ${fixture.diff.ok ? '' : fixture.diff.message}`);
    assert.ok(!fixture.outside.ok);
    fx = await reportHost(fixture.report, ['app'], 100);
    data = fx.view;
    diff = fixture.diff.data;
    outsideMessage = fixture.outside.message;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    fx?.dispose();
  });

  it('the host keys every workspace site as the page does and marks what changed since HEAD', () => {
    const planner = diff.sites[siteDiffKey(site('src/agent/planner.ts', 'loop'))];
    assert.equal(planner?.change, 'changed', 'the planner’s model changed in the config module');
    assert.ok(planner.monthlyDelta !== null && planner.monthlyDelta < 0, 'gpt-4.1 → gpt-4.1-mini costs less');
    assert.ok(planner.reasons.some((r) => /gpt-4\.1 → gpt-4\.1-mini/.test(r)), planner.reasons.join('; '));
    assert.equal(diff.sites[siteDiffKey(site('src/summarize.ts', 'call'))]?.change, 'added');
    assert.equal(diff.sites[siteDiffKey(site('src/lib/llm.ts', 'call'))]?.change, 'unchanged');
    assert.deepEqual(
      diff.removed.map((r) => [r.path, r.kind]),
      [['examples/quickstart.ts', 'call']],
    );
    // Every site of the view has its entry: the view's scan and the comparison's head agree.
    for (const s of data.sites) assert.ok(diff.sites[siteDiffKey(s)], `${siteDiffKey(s)} is in the comparison`);
    assert.equal(diff.summary.ref, 'HEAD');
    assert.match(diff.summary.commit, /^[0-9a-f]{7}$/);
    assert.match(diff.summary.headline, /^LLM cost [+−]\$/);
    const tally = (change: string) => Object.values(diff.sites).filter((d) => d.change === change).length;
    assert.deepEqual(diff.summary.counts, { added: tally('added'), changed: tally('changed'), unchanged: tally('unchanged'), removed: 1 });
    assert.equal(tally('added'), 1);
  });

  it('outside a git repository the comparison is one clear sentence', () => {
    assert.match(outsideMessage, /^No comparison with HEAD: .+ is not in a git repository\.$/);
  });

  it('the page adds the vs HEAD column, marks changed and added rows, and lists removed sites apart', async () => {
    await withPage(browser, { ...report, width: 300 }, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr').first().waitFor();
      assert.equal(await p.page.locator('th', { hasText: 'vs HEAD' }).count(), 0, 'off until the host sends a comparison');
      await p.send({ type: 'diffing', ref: 'HEAD' });
      assert.equal(await p.page.locator('[data-testid="diff-headline"]').textContent(), 'Comparing with HEAD…');
      await p.send({ type: 'diff', data: fx.compare(diff) });
      await p.page.locator('th', { hasText: 'vs HEAD' }).first().waitFor();
      const planner = site('src/agent/planner.ts', 'loop');
      const delta = diff.sites[siteDiffKey(planner)].monthlyDelta!;
      // The deltas come with the rows the page asks for again once it has the summary.
      await until(() => p.page.locator(row(planner)).getAttribute('data-change'), 'changed');
      assert.equal(await p.page.locator(`${row(planner)} td.delta`).textContent(), signedUsd(delta));
      const added = site('src/summarize.ts', 'call');
      assert.equal(await p.page.locator(row(added)).getAttribute('data-change'), 'added');
      assert.equal(await p.page.locator(`${row(added)} td.delta`).textContent(), 'new');
      const same = site('src/lib/llm.ts', 'call');
      assert.equal(await p.page.locator(row(same)).getAttribute('data-change'), null);
      assert.equal(await p.page.locator(`${row(same)} td.delta`).textContent(), '=');
      assert.equal(await p.page.locator('[data-testid="diff-headline"]').textContent(), `vs HEAD (${diff.summary.commit}): ${diff.summary.headline}`);
      assert.equal(await p.page.locator('[data-testid="removed-summary"]').textContent(), 'Removed since HEAD · 1 site');
      await p.page.locator('[data-testid="removed-summary"]').click();
      const removedBase = diff.removed[0].monthlyBase!;
      assert.deepEqual(await p.page.locator('[data-testid="removed"] tbody tr td').allTextContents(), [`callquickstart.ts:${diff.removed[0].line}examples/`, signedUsd(-removedBase)]);
      // Still one line per site at the default sidebar width with the extra column.
      const heights = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]:visible').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
      const line = await p.page.locator('[data-testid="sites"] tbody tr[data-site-row] .file').first().evaluate((e) => e.getBoundingClientRect().height);
      for (const height of heights) assert.ok(height < line * 1.8, `a row is one line high (${height} px)`);
      await screenshot(p, 'report-vs-head-300px');
      await p.page.locator('[data-testid="diff-off"]').click();
      assert.deepEqual((await p.posted()).at(-1), { type: 'diffOff' });
      fx.compare(undefined);
      await p.send({ type: 'diffCleared' });
      assert.equal(await p.page.locator('th', { hasText: 'vs HEAD' }).count(), 0);
      assert.equal(await p.page.locator('[data-testid="diff-headline"]').count(), 0);
      assert.deepEqual(await p.cspViolations(), []);
    });
  });

  it('a failed comparison says why and leaves the plain report as it was', async () => {
    await withPage(browser, report, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').first().waitFor();
      await p.send({ type: 'diffError', ref: 'HEAD', message: outsideMessage });
      assert.equal(await p.page.locator('[data-testid="diff-headline"]').textContent(), outsideMessage);
      assert.equal(await p.page.locator('th', { hasText: 'vs HEAD' }).count(), 0);
      assert.equal(await p.page.locator('[data-testid="sites"]').first().locator('tbody tr[data-site-row]').count(), data.sites.filter((s) => s.scope === 'runtime').length);
    });
  });

  it('a comparison a new scan stopped never stays at "Comparing…": it waits for the scan, then offers to compare again', async () => {
    await withPage(browser, report, async (p) => {
      await p.send({ type: 'report', data: fx.header });
      await p.page.locator('[data-testid="sites"] tbody tr[data-site-row]').first().waitFor();
      await p.send({ type: 'diffing', ref: 'HEAD' });
      await p.send({ type: 'scanning', folders: ['app'] });
      await p.send({ type: 'diffStopped', ref: 'HEAD', message: 'The comparison with HEAD was stopped: a new scan started.' });
      const headline = p.page.locator('[data-testid="diff-headline"]');
      assert.equal(await headline.textContent(), 'The comparison with HEAD was stopped: a new scan started. It runs again when the scan ends.');
      assert.equal(await p.page.locator('[data-testid="diff-again"]').count(), 0, 'the scan compares again when its report is shown');
      // The scan is cancelled: no report, so nothing would compare again but the user.
      await p.send({ type: 'cancelled' });
      assert.equal(await headline.textContent(), 'The comparison with HEAD was stopped: a new scan started.');
      await p.page.locator('[data-testid="diff-again"]').click();
      await until(async () => (await p.posted()).at(-1)?.type, 'diffAgain');
      // The host compares again: the page says so, and the button is gone.
      await p.send({ type: 'diffing', ref: 'HEAD' });
      assert.equal(await headline.textContent(), 'Comparing with HEAD…');
      assert.equal(await p.page.locator('[data-testid="diff-again"]').count(), 0);
    });
  });
});
