// The sidebar "Cost report" view: workspace sites ranked by projected monthly cost, and export.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { findFrameWith, runCommand, waitFor } from '../lib/workbench.mjs';

function dollars(text) {
  const m = text.match(/\$(\d[\d,]*(?:\.\d+)?)/);
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

describe('Cost report sidebar', function () {
  let frame;

  featureIt('report', 'ranks the workspace sites by monthly cost', async function () {
    const { page } = session();
    await runCommand(page, 'Tokenomics: Show Cost Report');
    ({ frame } = await findFrameWith(page, '[data-site-id], table tbody tr'));
    const rows = await waitFor(async () => {
      const texts = await frame.locator('[data-site-id], table tbody tr').allInnerTexts();
      return texts.length >= 2 ? texts : undefined;
    }, { what: 'at least two ranked rows' });
    assert.ok(rows.some((r) => r.includes('support_agent.ts')), 'the TypeScript agent is listed');
    assert.ok(rows.some((r) => r.includes('research_agent.py')), 'the Python agent is listed');
    const amounts = rows.map(dollars).filter((d) => d !== undefined);
    assert.ok(amounts.length >= 2, `rows carry dollar amounts: ${rows.join(' | ')}`);
    const sorted = [...amounts].sort((a, b) => b - a);
    assert.deepEqual(amounts, sorted, 'rows are ranked, most expensive first');
  });

  featureIt('report-export', 'exports the report as JSON (report contract v1)', async function () {
    const { page, workspace } = session();
    assert.ok(frame, 'report opened by the previous test');
    const before = new Set(readdirSync(workspace));
    await runCommand(page, 'Tokenomics: Export Cost Report');
    // VS Code's own save dialog in the browser is a quick input holding a path: accept a JSON path.
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    const target = join(workspace, 'tokenomics-report.json');
    await input.fill(target);
    await page.keyboard.press('Enter');
    await waitFor(() => existsSync(target), { what: `the exported ${target}` });
    const report = JSON.parse(readFileSync(target, 'utf8'));
    assert.equal(report.version, 1);
    assert.ok(report.files.some((f) => f.path.endsWith('support_agent.ts')));
    assert.ok(!before.has('tokenomics-report.json'));
  });
});
