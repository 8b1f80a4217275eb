import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildCompareData } from '../../src/extension/webviews/compare/compute';
import type { Catalog } from '../../src/core/catalog/types';
import type { Workload } from '../../src/core/workload';
import { fixtureCatalog } from '../unit/cost/fixture-catalog';
import { estimateForSite } from '../../src/core/estimate';
import { lensSpecs } from '../../src/extension/codelens/titles';
import { subjectOfSite } from '../../src/extension/webviews/compare/source';
import { analysed, ASSUMPTIONS, CATALOG, UNBOUNDED_LOOP } from '../unit/extension/analysed';
import { launch, openPage, withPage, ROOT, screenshot, THEMES, type WebviewPage } from './harness';
// Browser globals, used only inside callbacks that run in the page (this file compiles without the DOM lib).
declare const window: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const document: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare function getComputedStyle(e: unknown): any; // eslint-disable-line @typescript-eslint/no-explicit-any


const workload: Workload = {
  inputTokens: 2000,
  cachedInputTokens: 0,
  outputTokens: 1000,
  reasoningTokens: 0,
  steps: 1,
  toolResultTokens: 0,
  caching: false,
  batch: false,
  callsPerDay: 1000,
};

/** The cost tests' hand-written catalog with every model on o200k_base: no token conversion, literal expectations. */
const catalog: Catalog = { ...fixtureCatalog, models: fixtureCatalog.models.map((m) => ({ ...m, tokenizer: 'o200k_base' })) };

// Built with the real core compare function.
const data = buildCompareData(catalog, workload, { label: 'call at src/agent.ts:12', currentModel: 'gpt-4.1' });

async function texts(p: WebviewPage, selector: string): Promise<string[]> {
  return p.page.locator(selector).allTextContents();
}

const ids = (p: WebviewPage) => p.page.locator('[data-testid="offerings"] tbody tr[data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

describe('Compare Providers page (headless Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  before(async () => {
    mkdirSync(join(ROOT, 'test-results', 'webview'), { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('says ready first, then renders every row the host computed, cheapest first', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      assert.deepEqual(await p.posted(), [{ type: 'ready' }]);
      await p.send({ type: 'show', data });
      await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
      assert.deepEqual(await ids(p), data.rows.map((r) => r.id));
      // The fixture's cheapest offering: 3000 tokens × $0.88/M = $0.00264 → "$0.0026" per call, × 1000 × 30 = $79.20 a month.
      const first = p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first();
      assert.deepEqual(await first.locator('td').allTextContents().then((t) => t.slice(0, 4)), ['together', 'llama-3.3-70b Pareto', '$0.0026', '$79.20']);
      assert.equal(await p.page.locator('.label').textContent(), 'call at src/agent.ts:12');
      assert.deepEqual(await p.cspViolations(), []);
      assert.deepEqual(p.consoleLines.filter((l) => l.startsWith('error') || l.startsWith('pageerror')), []);
    });
  });

  it('opened from a site: the site’s figure pinned above the table (as its CodeLens), the current model marked from code or assumed', async () => {
    const report = await analysed(UNBOUNDED_LOOP);
    const loop = report.agentLoops[0];
    const estimate = estimateForSite(report, loop.id, CATALOG, ASSUMPTIONS)!;
    const subject = subjectOfSite(report, { kind: 'loop', site: loop }, ASSUMPTIONS, estimate);
    const pinned = buildCompareData(CATALOG, subject.workload, subject);
    const lens = lensSpecs(report, CATALOG, ASSUMPTIONS).find((l) => l.siteId === loop.id)!;
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data: pinned });
      await p.page.locator('[data-testid="pinned-figure"]').waitFor();
      assert.equal(await p.page.locator('[data-testid="pinned-figure"]').textContent(), 'this site $0.004/task (0.00038–0.10) — one task of 3 model calls, on gpt-4.1 (assumed: openai default (chosen at run time: parameter model of run))');
      assert.ok(lens.title.includes('$0.004/task (0.00038–0.10)'), 'the same figure as the lens');
      assert.equal(await p.page.locator('tr.current .current-badge').first().textContent(), 'current (assumed)');
      assert.match((await p.page.locator('.muted').first().textContent()) ?? '', /current model: gpt-4\.1 \(assumed\)/);
    });
  });

  it('marks the Pareto front and the current model in the table and the chart', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
      const paretoRows = await p.page.locator('tr.pareto').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      assert.deepEqual(paretoRows, data.rows.filter((r) => r.pareto).map((r) => r.id));
      assert.ok(paretoRows.length >= 2, 'the fixture has a front of at least two offerings');
      assert.deepEqual(await p.page.locator('tr.current').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))), ['openai/gpt-4.1']);
      const listed = await texts(p, '[data-testid="pareto-list"] li');
      assert.deepEqual(listed.filter((t) => t.startsWith('Pareto front:')).length, paretoRows.length);
      assert.ok(listed.includes('Current model: openai/gpt-4.1'));
      // The canvas was drawn (Chart.js ran under the CSP).
      const drawn = await p.page.locator('canvas').evaluate((c) => (c as { width: number }).width > 0 && (c as { height: number }).height > 0);
      assert.ok(drawn);
    });
  });

  it('sorts by a header button (keyboard), both directions; unpriced stays last on cost', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      await p.page.locator('button[data-sort="latency"]').focus();
      await p.page.keyboard.press('Enter');
      const byLatency = [...data.rows].sort((a, b) => a.latencyMs - b.latencyMs || data.rows.indexOf(a) - data.rows.indexOf(b));
      assert.deepEqual(await ids(p), byLatency.map((r) => r.id));
      assert.equal(await p.page.locator('th[aria-sort]').getAttribute('aria-sort'), 'ascending');
      assert.ok(await p.page.locator('button[data-sort="latency"]').evaluate((b) => b === document.activeElement), 'focus stays on the header');
      // Keyboard focus is visible: an outline in the theme's focus colour.
      await p.page.keyboard.press('Shift+Tab');
      await p.page.keyboard.press('Tab');
      const outline = await p.page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: s.outlineWidth, sort: document.activeElement.getAttribute('data-sort') };
      });
      assert.deepEqual(outline, { style: 'solid', width: '1px', sort: 'latency' });
      await p.page.keyboard.press('Enter');
      assert.equal(await p.page.locator('th[aria-sort]').getAttribute('aria-sort'), 'descending');
      assert.deepEqual(await ids(p), [...byLatency].sort((a, b) => b.latencyMs - a.latencyMs || byLatency.indexOf(a) - byLatency.indexOf(b)).map((r) => r.id));
      // Most expensive first, and the unpriced offering still last: unknown is not "cheapest" nor "dearest".
      await p.page.click('button[data-sort="perUnit"]');
      await p.page.click('button[data-sort="perUnit"]');
      const desc = await ids(p);
      assert.equal(desc[0], 'anthropic/claude-sonnet-4-5');
      assert.equal(desc[desc.length - 1], 'mystery/unpriced-model');
    });
  });

  it('filters by provider, open weights and maximum latency', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      await p.page.selectOption('#f-provider', 'anthropic');
      assert.deepEqual(await ids(p), ['anthropic/claude-sonnet-4-5']);
      await p.page.selectOption('#f-provider', '');
      await p.page.check('#f-open');
      assert.deepEqual(await ids(p), data.rows.filter((r) => r.openWeight).map((r) => r.id));
      await p.page.uncheck('#f-open');
      await p.page.fill('#f-latency', '10');
      await p.page.waitForFunction(() => document.querySelectorAll('[data-testid="offerings"] tbody tr[data-id]').length < 6);
      assert.deepEqual(await ids(p), data.rows.filter((r) => r.latencyMs <= 10_000).map((r) => r.id));
    });
  });

  it('sends a typed recompute request for an edited workload and shows the reply', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      await p.page.fill('#wl-steps', '8');
      await p.page.fill('#wl-toolResultTokens', '500');
      await p.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'recompute'));
      await p.page.waitForTimeout(500); // the debounce may send the second edit separately
      const sent = (await p.posted()).filter((m) => m.type === 'recompute');
      const last = sent[sent.length - 1] as unknown as { requestId: number; workload: Workload };
      assert.deepEqual(last.workload, { ...workload, steps: 8, toolResultTokens: 500 });
      // An out-of-range value is marked and not sent.
      await p.page.fill('#wl-steps', '0');
      await p.page.waitForTimeout(600);
      assert.equal(await p.page.locator('#wl-steps').getAttribute('aria-invalid'), 'true');
      assert.equal((await p.posted()).filter((m) => m.type === 'recompute').length, sent.length);
      // The host replies to the latest request: a task now.
      const reply = buildCompareData(catalog, last.workload, { label: data.label, currentModel: 'gpt-4.1' });
      await p.send({ type: 'result', requestId: last.requestId, data: reply });
      await p.page.locator('button[data-sort="perUnit"]', { hasText: '$/task' }).waitFor();
      assert.deepEqual(await ids(p), reply.rows.map((r) => r.id));
    });
  });

  it('drops malformed host messages and logs them', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data: { label: 'x' } });
      await p.send({ type: 'nonsense' });
      await p.send({ type: 'show', data });
      await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
      assert.equal(p.consoleLines.filter((l) => l.includes('dropped a malformed message')).length, 2);
    });
  });

  it('comes back as it was from the saved state, before the host answers', async () => {
    const first = await openPage(browser, { view: 'compare' });
    let saved: unknown;
    try {
      await first.send({ type: 'show', data });
      await first.page.click('button[data-sort="model"]');
      await first.page.selectOption('#f-provider', 'mystery');
      saved = await first.savedState();
    } finally {
      await first.close();
    }
    const second = await openPage(browser, { view: 'compare', state: saved });
    try {
      await second.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
      assert.deepEqual(await ids(second), ['mystery/tiny-model', 'mystery/unpriced-model']);
      assert.equal(await second.page.locator('#f-provider').inputValue(), 'mystery');
      assert.equal(await second.page.locator('th[aria-sort]').textContent(), 'Model ▲');
      assert.equal(await second.page.locator('#wl-inputTokens').inputValue(), '2000');
    } finally {
      await second.close();
    }
  });

  it('shows where a figure came from in a details row', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      const row = p.page.locator('tr[data-id="anthropic/claude-sonnet-4-5"]');
      await row.getByRole('button', { name: /Where the figures/ }).click();
      const details = await p.page.locator('tr.details-row dl').textContent();
      assert.match(details ?? '', /Catalog entryanthropic\/claude-sonnet-4-5: test fixture \(as of 2026-01-01\)/);
      assert.match(details ?? '', /input \$3\.00\/M/);
      assert.equal(await row.locator('td.cost').getAttribute('title'), 'input $0.006 + output $0.015');
    });
  });

  it('self-hosted rows page through and open their basis; a host error is shown', async () => {
    await withPage(browser, { view: 'compare' }, async (p) => {
      await p.send({ type: 'show', data });
      const rows = p.page.locator('[data-testid="self-hosted"] tbody tr[data-id]');
      assert.equal(await rows.count(), Math.min(15, data.selfHosted.length));
      assert.equal(await rows.first().getAttribute('data-id'), data.selfHosted[0].id);
      if (data.selfHosted.length > 15) {
        await p.page.locator('.self-hosted button[data-pager="next"]').click();
        assert.equal(await rows.first().getAttribute('data-id'), data.selfHosted[15].id);
      }
      await rows.first().getByRole('button', { name: /Basis of/ }).click();
      const basis = await p.page.locator('.self-hosted tr.details-row li').allTextContents();
      assert.ok(basis.some((l) => l.startsWith('accelerator: ')), basis.join(' | '));
      assert.ok(basis.some((l) => l.startsWith('quality: ')));
      await p.send({ type: 'error', message: 'Could not compute the comparison; see the Tokenomics log for details.' });
      assert.equal(await p.page.locator('.notice').textContent(), 'Could not compute the comparison; see the Tokenomics log for details.');
    });
  });

  for (const theme of THEMES) {
    it(`screenshot: ${theme} theme`, async () => {
      await withPage(browser, { view: 'compare', theme }, async (p) => {
        await p.send({ type: 'show', data });
        await p.page.locator('[data-testid="offerings"] tbody tr[data-id]').first().waitFor();
        await p.page.locator('tr[data-id="openai/gpt-4.1"]').getByRole('button', { name: /Where the figures/ }).click();
        await screenshot(p, `compare-${theme}`);
        assert.deepEqual(await p.cspViolations(), []);
      });
    });
  }
});
