// "Tokenomics: Compare Providers" from a prompt: a webview panel with the offerings table, the
// cost-vs-latency chart (Chart.js on a canvas) and the self-hosted rows. Webviews are nested
// iframes; the content is found by searching page.frames() for the webview's data-testid hooks.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { clickEditorText, findFrameWith, openFile, runCommand, waitFor } from '../lib/workbench.mjs';

const OFFERING_ROWS = '[data-testid="offerings"] tbody tr:not(.details-row)';
const SELF_HOSTED_ROWS = '[data-testid="self-hosted"] tbody tr:not(.details-row)';

describe('Compare Providers panel', function () {
  let frame;

  featureIt('compare', 'opens from the command palette on a prompt and lists offerings from several providers, cheapest first', async function () {
    const { page } = session();
    await openFile(page, 'support_agent.ts');
    await clickEditorText(page, 'You are a patient support agent');
    await runCommand(page, 'Tokenomics: Compare Providers');
    ({ frame } = await findFrameWith(page, OFFERING_ROWS));
    const rows = await waitFor(async () => {
      const texts = await frame.locator(OFFERING_ROWS).allInnerTexts();
      return texts.length >= 3 ? texts : undefined;
    }, { what: 'at least 3 offering rows' });
    const cells = rows.map((r) => r.split('\t').map((c) => c.trim()));
    const providers = new Set(cells.map((c) => c[0]));
    assert.ok(providers.size >= 3, `offerings from several providers: ${[...providers].join(', ')}`);
    // The full catalog has some 1,500 offerings: the first page, cheapest first, need not hold the code's own vendor.
    assert.ok(cells.some((c) => /\$\d/.test(c[2])), 'an offering with a price per call');
    // Default order: cheapest per call first ("<$0.0001" reads as 0.0001).
    const perCall = cells.map((c) => Number(c[2].replace(/[<$,]/g, '')));
    assert.ok(perCall.every((v) => Number.isFinite(v)), `every listed row is priced: ${cells.map((c) => c[2]).join(' ')}`);
    assert.deepEqual(perCall, [...perCall].sort((a, b) => a - b), 'sorted by cost per call, cheapest first');
    assert.ok(rows.some((r) => /Pareto/.test(r)), 'the Pareto front is marked in the table');
  });

  featureIt('compare', 'draws the cost-vs-latency chart and names its Pareto front', async function () {
    assert.ok(frame, 'panel opened by the previous test');
    const canvas = frame.locator('figure.chart canvas');
    await canvas.waitFor({ state: 'visible' });
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 150 && box.height > 100, `chart drawn at a readable size: ${JSON.stringify(box)}`);
    // Painted pixels, not just an empty canvas element.
    const painted = await waitFor(() => canvas.evaluate((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
      return n > 500 ? n : 0;
    }), { what: 'pixels painted on the chart canvas' });
    assert.ok(painted > 500);
    const pareto = await frame.locator('[data-testid="pareto-list"] li').count();
    assert.ok(pareto >= 1, 'at least one offering on the Pareto front');
  });

  featureIt('compare-self-hosted', 'lists self-hosted rows: an open model on accelerators at a precision, $/M tokens', async function () {
    assert.ok(frame, 'panel opened by the previous test');
    const rows = await waitFor(async () => {
      const texts = await frame.locator(SELF_HOSTED_ROWS).allInnerTexts();
      return texts.length >= 1 ? texts : undefined;
    }, { what: 'self-hosted rows' });
    const row = rows.find((r) => /\d+ × \S+/.test(r));
    assert.ok(row, `a row naming "N × accelerator": ${rows[0]}`);
    assert.match(row, /\b(bf16|fp16|fp8|int8|int4|fp4|nf4|awq|gptq|q4|q8)/i, 'a precision');
    assert.match(row, /\$\d/, 'a price per million tokens');
  });
});
