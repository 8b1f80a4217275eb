// The sidebar "Cost report" view: workspace sites ranked by projected monthly cost, and export.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { findFrameWith, runCommand, waitFor } from '../lib/workbench.mjs';

const SITE_ROWS = '[data-testid="sites"] tbody tr[data-site-row]';

/** "$1,234.50" → 1234.5; undefined for "unpriced" and the like. */
function dollars(text) {
  const m = text.match(/\$(\d[\d,]*(?:\.\d+)?)/);
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

describe('Cost report sidebar', function () {
  let frame;

  featureIt('report', 'lists the workspace sites ranked by monthly cost, most expensive first', async function () {
    const { page } = session();
    await runCommand(page, 'Focus on Cost report View');
    ({ frame } = await findFrameWith(page, SITE_ROWS, 60_000));
    const rows = await waitFor(async () => {
      const texts = await frame.locator(SITE_ROWS).allInnerTexts();
      return texts.some((t) => t.includes('research_agent.py')) && texts.some((t) => t.includes('support_agent.ts')) ? texts : undefined;
    }, { what: 'rows for both fixture agents', timeout: 60_000 });
    const costs = (await frame.locator(`${SITE_ROWS} td.cost`).allInnerTexts()).map(dollars);
    const priced = costs.filter((c) => c !== undefined);
    assert.ok(priced.length >= 2, `at least two priced rows: ${rows.join(' | ')}`);
    assert.deepEqual(priced, [...priced].sort((a, b) => b - a), 'ranked by monthly cost, most expensive first');
    const total = await frame.locator('[data-testid="total"]').innerText();
    assert.ok(dollars(total) >= priced[0], `total ${total} is at least the largest site`);
  });

  featureIt('report-export', 'exports the report as JSON (report contract v1) from the view, through the save dialog', async function () {
    const { page, workspace } = session();
    assert.ok(frame, 'report shown by the previous test');
    // Export lives in the view's title bar: its command asks for the format, then the file.
    await runCommand(page, 'Tokenomics: Export Cost Report…');
    const formats = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'JSON' }).first();
    // The palette and the format pick share one quick-input widget; once (1 CI run in many) the pick was rendered
    // but hidden as the palette closed. The command is asked again then; a second miss fails the test.
    if (!(await formats.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Tokenomics: Export Cost Report…');
      await formats.waitFor({ timeout: 10_000 });
    }
    await formats.click();
    // VS Code's own save dialog in the browser: a quick input holding the path, here the default.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    const target = join(workspace, 'tokenomics-report.json');
    await waitFor(async () => (await input.inputValue()).endsWith('tokenomics-report.json'), { what: 'the save dialog with the default file name' });
    await input.fill(target);
    await page.keyboard.press('Enter');
    const report = await waitFor(() => {
      try {
        return existsSync(target) && JSON.parse(readFileSync(target, 'utf8'));
      } catch {
        return undefined; // still being written
      }
    }, { what: `complete JSON in ${target}` });
    assert.equal(report.version, 1);
    const paths = report.files.map((f) => f.path);
    assert.ok(paths.some((p) => p.endsWith('support_agent.ts')), `files: ${paths.join(', ')}`);
    assert.ok(paths.some((p) => p.endsWith('research_agent.py')));
    // The view confirms where it wrote.
    await frame.getByText('tokenomics-report.json').first().waitFor({ timeout: 10_000 });
  });
});
