import * as assert from 'node:assert/strict';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { cursorEstimate, pricedSites, selectionEstimate } from '../../../src/extension/statusbar/pick';
import { estimateStatus, fileStatus, idleStatus } from '../../../src/extension/statusbar/text';
import { analysed, ASSUMPTIONS, CATALOG, ONE_CALL, positionOf, UNBOUNDED_LOOP } from './analysed';

describe('extension/statusbar (core-built reports)', () => {
  it('cursor in a prompt and the whole call selected: the same figure as the call’s lens, on one stated basis', async () => {
    const report = await analysed(ONE_CALL);
    const lens = lensSpecs(report, CATALOG, ASSUMPTIONS)[0].title.split(' · ')[0];
    const at = positionOf(ONE_CALL, 'careful reviewer');
    const cursor = estimateStatus(cursorEstimate(report, at.line, at.column, CATALOG, ASSUMPTIONS)!, 'cursor');
    const call = report.calls[0];
    const selected = estimateStatus(selectionEstimate(report, call, '…', CATALOG, ASSUMPTIONS, report.path), 'selection');
    assert.equal(cursor.text, `$(symbol-number) 82 in · ${lens}`);
    assert.equal(selected.text, cursor.text);
    assert.match(cursor.tooltip, /^Prompt under the cursor: \$0\.00081\/call \(0\.00036–0\.0012\), one call, on gpt-4o \(from code, line 7\); 82 input tokens\. This prompt: 21 tokens/);
    assert.match(selected.tooltip, /^Selected call: \$0\.00081\/call \(0\.00036–0\.0012\), one call/);
  });

  it('other selected text: priced as one call’s input plus the assumed output, and says so', async () => {
    const report = await analysed(ONE_CALL);
    const e = selectionEstimate(report, { line: 1, column: 1, endLine: 1, endColumn: 29 }, "import OpenAI from 'openai';", CATALOG, ASSUMPTIONS, report.path);
    assert.equal(e.kind, 'text');
    assert.equal(e.basis, 'the selection as the input of one call, plus 100 output tokens (assumed)');
    assert.equal(estimateStatus(e, 'selection').text, '$(symbol-number) 8 in · $0.00082/call');
  });

  it('the file’s monthly cost when the cursor is on no site; the loop, not its step call, counted', async () => {
    const report = await analysed(UNBOUNDED_LOOP);
    assert.equal(pricedSites(report), 1);
    const v = fileStatus(report.monthlyCost, pricedSites(report), ASSUMPTIONS.callsPerDay);
    assert.equal(v.text, '$(symbol-number) Tokenomics: $1.22/mo in this file');
    assert.match(v.tooltip, /^1 priced site in this file, at 10 calls or tasks a day each/);
    assert.equal(cursorEstimate(report, 1, 1, CATALOG, ASSUMPTIONS), undefined);
  });

  it('names the extension when idle, with the default model in the tooltip', () => {
    const v = idleStatus('gpt-4.1');
    assert.equal(v.text, '$(symbol-number) Tokenomics');
    assert.match(v.tooltip, /Default model: gpt-4\.1/);
  });
});
