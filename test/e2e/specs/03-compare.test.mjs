// "Tokenomics: Compare Providers": a webview with the provider table, the cost-vs-latency chart
// and the self-hosted rows. Webviews are nested iframes: the content is found by searching frames.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { findFrameWith, openFile, runCommand, waitFor } from '../lib/workbench.mjs';

describe('Compare Providers panel', function () {
  let frame;

  before(async function () {
    const { page } = session();
    await openFile(page, 'support_agent.ts');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').getByText('You are a patient support agent').first().click();
  });

  featureIt('compare', 'opens from the command palette and shows a provider table priced in dollars', async function () {
    const { page } = session();
    await runCommand(page, 'Tokenomics: Compare Providers');
    ({ frame } = await findFrameWith(page, 'table tbody tr'));
    const rows = await waitFor(async () => {
      const texts = await frame.locator('table tbody tr').allInnerTexts();
      return texts.length >= 3 ? texts : undefined;
    }, { what: 'at least 3 provider rows' });
    assert.ok(rows.some((r) => /openai/i.test(r) && /\$/.test(r)), `an OpenAI row with a price among ${rows.length} rows`);
    assert.ok(rows.some((r) => /anthropic/i.test(r)), 'an Anthropic row');
  });

  featureIt('compare', 'draws the cost-vs-latency chart', async function () {
    assert.ok(frame, 'panel opened by the previous test');
    const chart = frame.locator('svg, canvas').first();
    await chart.waitFor({ state: 'visible' });
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `chart is drawn at a readable size: ${JSON.stringify(box)}`);
    const marks = await frame.locator('svg circle, svg path, svg rect').count();
    assert.ok(marks >= 3, `chart has points (${marks} marks)`);
  });

  featureIt('compare-self-hosted', 'lists self-hosted rows: an open model on a GPU at a precision', async function () {
    assert.ok(frame, 'panel opened by the previous test');
    const text = await frame.locator('body').innerText();
    assert.match(text, /self-host/i);
    assert.match(text, /\b(H100|H200|A100|L40S|L4|A10G|MI300X)\b/, 'a GPU is named');
    assert.match(text, /\b(fp16|bf16|fp8|int8|int4|q4|awq|gptq)\b/i, 'a precision is named');
  });
});
