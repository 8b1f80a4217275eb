// Editor surfaces on the fixture agents: hover over a prompt, CodeLens over calls and loops,
// the unbounded-loop warning in the Problems panel, the status bar item.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { cliReport, findPrompt, parseCount } from '../lib/cli-report.mjs';
import { codeLensTitles, hoverText, openFile, problemRows, statusBarTexts, waitFor } from '../lib/workbench.mjs';

const TOKENS = /(≈ ?)?([\d,]+) tokens/;
const PER_CALL = /\$\d[\d,]*(\.\d+)? per call/;

describe('editor surfaces on a TypeScript agent', function () {
  before(async function () {
    await openFile(session().page, 'support_agent.ts');
  });

  featureIt('hover', 'hover over the system prompt shows its tokens and dollars per call, as the CLI counts them', async function () {
    const s = session();
    const text = await hoverText(s.page, 'You are a patient support agent', (t) => TOKENS.test(t) && PER_CALL.test(t));
    assert.match(text, /Tokenomics/);
    assert.match(text, /exact, o200k_base/, 'gpt-4o is counted exactly with o200k_base');
    const shown = parseCount(text.match(TOKENS)[2]);
    const expected = findPrompt(cliReport(s), 'support_agent.ts', 'You are a patient support agent').tokens;
    assert.equal(shown, expected, 'hover and CLI agree on the token count');
  });

  featureIt('codelens', 'CodeLens shows the unbounded loop’s cost per task and agent tax', async function () {
    const titles = await codeLensTitles(session().page, 1);
    const loop = titles.find((t) => /unbounded/.test(t));
    assert.ok(loop, `a loop lens among: ${titles.join(' | ')}`);
    assert.match(loop, /\$\d[\d,.]*\/task/);
    assert.match(loop, /agent tax ×\d/);
  });

  featureIt('diagnostics', 'the Problems panel lists the unbounded-loop warning', async function () {
    const rows = await problemRows(session().page, (r) => r.some((t) => /unbounded/i.test(t)));
    const row = rows.find((t) => /unbounded/i.test(t));
    assert.match(row, /Tokenomics/, `row names its source: ${row}`);
  });

  featureIt('statusbar', 'the status bar shows tokens and cost for the prompt under the cursor', async function () {
    const { page } = session();
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').getByText('You are a patient support agent').first().click();
    const texts = await waitFor(async () => {
      const all = await statusBarTexts(page);
      return all.some((t) => /tokens?/.test(t) && /\$/.test(t)) ? all : undefined;
    }, { what: 'a status bar item with tokens and $' });
    assert.ok(texts.length > 0);
  });
});

describe('editor surfaces on a Python agent', function () {
  before(async function () {
    await openFile(session().page, 'research_agent.py');
  });

  featureIt('hover', 'hover over the Anthropic system prompt shows tokens and dollars per call', async function () {
    const s = session();
    const text = await hoverText(s.page, 'You are a careful research assistant', (t) => TOKENS.test(t) && PER_CALL.test(t));
    const shown = parseCount(text.match(TOKENS)[2]);
    const expected = findPrompt(cliReport(s), 'research_agent.py', 'You are a careful research assistant').tokens;
    assert.equal(shown, expected, 'hover and CLI agree on the token count');
    assert.match(text, /claude/i);
  });

  featureIt('codelens', 'CodeLens shows the bounded loop with its 8 steps', async function () {
    const titles = await codeLensTitles(session().page, 1);
    assert.ok(titles.some((t) => /≤8 steps/.test(t) && /\/task/.test(t)), `lenses: ${titles.join(' | ')}`);
  });
});
