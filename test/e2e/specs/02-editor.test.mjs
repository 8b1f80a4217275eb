// Editor surfaces on the fixture agents: hover over a prompt, CodeLens over calls and loops,
// the unbounded-loop warning in the Problems panel, the status bar item.
//
// Hand-computed expectations (js-tiktoken o200k_base on the prompt text between the quotes):
//   support_agent.ts SYSTEM_PROMPT     46 tokens, exact (gpt-4o is an o200k model)
//   research_agent.py RESEARCH_PROMPT  35 o200k tokens; Claude is counted as o200k × 1.16 = 40.6 → "≈ 41"
// Dollars are checked against the input price the same hover states: tokens × $/M ÷ 1e6.
import assert from 'node:assert/strict';
import { session } from '../lib/current.mjs';
import { featureIt } from '../lib/features.mjs';
import { cliReport, findPrompt, parseCount } from '../lib/cli-report.mjs';
import { clickEditorText, codeLensTitles, editorLines, hoverText, openFile, problemRows, waitFor } from '../lib/workbench.mjs';

const TOKENS = /(≈ ?)?([\d,]+) tokens/;
// The hover's headline is the call's figure (as its CodeLens); the prompt's own share follows, labelled.
const PER_CALL = /\$(\d[\d,]*(?:\.\d+)?)\/call/;
const SHARE = /\$(\d[\d,]*(?:\.\d+)?) as input/;
const INPUT_PRICE = /List prices: input \$(\d+(?:\.\d+)?)\/M/;

/** Two significant digits, as the surfaces print amounts under $1. */
function twoSignificant(usd) {
  return Number(usd.toPrecision(2));
}

function assertDollarsFollowTokens(text, tokens) {
  const perMillion = Number(text.match(INPUT_PRICE)[1]);
  const shown = Number(text.match(SHARE)[1].replace(/,/g, ''));
  assert.equal(shown, twoSignificant((tokens * perMillion) / 1e6), `the prompt's share = ${tokens} tokens × $${perMillion}/M`);
}

describe('editor surfaces on a TypeScript agent', function () {
  before(async function () {
    await openFile(session().page, 'support_agent.ts');
  });

  featureIt('hover', 'hover over the system prompt shows its tokens and dollars per call, as the CLI counts them', async function () {
    const s = session();
    const text = await hoverText(s.page, 'You are a patient support agent', (t) => TOKENS.test(t) && PER_CALL.test(t));
    assert.match(text, /Tokenomics/);
    assert.match(text, /46 tokens · exact, o200k_base/);
    assert.match(text, /Model: gpt-4o \(from code, line \d+\) via openai/);
    assertDollarsFollowTokens(text, 46);
    const cli = findPrompt(cliReport(s), 'support_agent.ts', 'You are a patient support agent');
    assert.equal(cli.tokens, 46, 'hover and `tokenomics scan` agree on the token count');
  });

  featureIt('codelens', 'CodeLens shows the unbounded loop’s cost per task and agent tax, and the call’s cost', async function () {
    const titles = await codeLensTitles(session().page, 2);
    const loop = titles.find((t) => /unbounded/.test(t));
    assert.ok(loop, `a loop lens among: ${titles.join(' | ')}`);
    assert.match(loop, /^unbounded \(assumed \d+ steps\) · \$\d[\d,.]*\/task( \([^)]*\))? · agent tax ×\d/);
    assert.ok(titles.some((t) => /^\$\d[\d,.]*\/call( \([^)]*\))? · [\d.,]+k? in → [\d.,]+k? out/.test(t)), `a call lens among: ${titles.join(' | ')}`);
  });

  featureIt('diagnostics', 'the Problems panel lists the unbounded-loop warning', async function () {
    const rows = await problemRows(session().page, (r) => r.some((t) => /no step bound/i.test(t)));
    const row = rows.find((t) => /no step bound/i.test(t));
    assert.match(row, /Tokenomics/, `row names its source: ${row}`);
    assert.match(row, /Priced at an assumed \d+ steps/);
    assert.match(row, /unbounded-loop/, 'row shows the diagnostic code');
  });

  featureIt('statusbar', 'the status bar shows the figure of the call whose prompt is under the cursor, as its CodeLens', async function () {
    const { page } = session();
    const titles = await codeLensTitles(page, 2);
    const callFigure = titles.map((t) => t.split(' · ')[0]).find((f) => /\/call/.test(f));
    assert.ok(callFigure, `a call lens among: ${titles.join(' | ')}`);
    await clickEditorText(page, 'You are a patient support agent');
    const item = page.locator('.statusbar-item[id^="tokenomics-dev.tokenomics"]');
    const text = await waitFor(async () => {
      const t = (await item.allInnerTexts()).join(' ');
      return / in · /.test(t) ? t : undefined;
    }, { what: 'the Tokenomics status bar item showing the call under the cursor' });
    assert.ok(text.includes(callFigure), `${text} shows ${callFigure}`);
  });
});

describe('editor surfaces on a Python agent', function () {
  before(async function () {
    await openFile(session().page, 'research_agent.py');
  });

  featureIt('hover', 'hover over the Anthropic system prompt shows approximate tokens and dollars on Claude', async function () {
    const s = session();
    const text = await hoverText(s.page, 'You are a careful research assistant', (t) => TOKENS.test(t) && PER_CALL.test(t));
    assert.match(text, /≈ 41 tokens/);
    assert.match(text, /Model: claude-sonnet-4-5 \(from code, line \d+\) via anthropic/);
    assertDollarsFollowTokens(text, 41);
    const cli = findPrompt(cliReport(s), 'research_agent.py', 'You are a careful research assistant');
    assert.equal(parseCount(text.match(TOKENS)[2]), cli.tokens, 'hover and `tokenomics scan` agree on the token count');
    assert.equal(cli.exact, false);
  });

  featureIt('codelens', 'CodeLens shows the bounded loop with its 8 steps', async function () {
    const titles = await codeLensTitles(session().page, 1);
    assert.ok(titles.some((t) => /^≤8 steps · \$\d[\d,.]*\/task( \([^)]*\))? · agent tax ×\d/.test(t)), `lenses: ${titles.join(' | ')}`);
  });
});
