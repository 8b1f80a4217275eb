/**
 * A call whose input the scan could not read shows its input as unknown, with the range its price assumes,
 * never as 0 tokens; and every surface writes it the same way from the one core-built estimate.
 */
import * as assert from 'node:assert/strict';
import { estimateForSite } from '../../../src/core/estimate';
import { formatEstimateInput } from '../../../src/core/format/estimate';
import { scanTables } from '../../../src/core/report/tables';
import { callLensTitle } from '../../../src/extension/codelens/titles';
import { hoverMarkdownFor, hoverTargetAt } from '../../../src/extension/hover/targets';
import { estimateStatus } from '../../../src/extension/statusbar/text';
import { reportData } from '../../../src/extension/webviews/report/view-model';
import { analysed, ASSUMPTIONS, CATALOG } from '../extension/analysed';
import { scanTree } from '../repo/fixture-scan';

/** The request's body comes from the caller (`**kwargs`): nothing the call sends can be read. */
const UNREAD = `from openai import OpenAI

client = OpenAI()


def answer(**kwargs):
    return client.chat.completions.create(model="gpt-4o", **kwargs)
`;

const READ = `from openai import OpenAI

client = OpenAI()


def answer(question):
    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": "You answer questions about the documentation, briefly and with sources."}, {"role": "user", "content": question}])
`;

describe('unknown input: a call whose prompt the scan could not read', () => {
  it('is priced at one default-sized input with its range, marked unknown, with a provenance line', async () => {
    const report = await analysed(UNREAD, 'app/answer.py', 'python');
    const call = report.calls[0];
    assert.ok(call.inputUnknown, 'the input is unknown, not 0');
    assert.equal(call.inputTokens, ASSUMPTIONS.placeholderTokens);
    assert.deepEqual([call.inputUnknown.low, call.inputUnknown.high], [Math.round(ASSUMPTIONS.placeholderTokens * 0.25), ASSUMPTIONS.placeholderTokens * 4]);
    assert.ok(call.costPerCall.kind === 'priced' && call.costPerCall.low! < call.costPerCall.usd && call.costPerCall.high! > call.costPerCall.usd, 'the price carries the range');
    const note = call.assumptions?.find((n) => n.subject === 'input');
    assert.match(note?.detail ?? '', /unknown: the scan read nothing this call sends/);
    assert.ok(call.assumed.some((a) => /^input: unknown/.test(a)));
  });

  it('the CodeLens, the hover, the status bar and the CLI table write the same input text', async () => {
    const report = await analysed(UNREAD, 'app/answer.py', 'python');
    const call = report.calls[0];
    const e = estimateForSite(report, call.id, CATALOG, ASSUMPTIONS)!;
    const text = formatEstimateInput(e);
    assert.equal(text, `unknown (${Math.round(ASSUMPTIONS.placeholderTokens * 0.25)}–${ASSUMPTIONS.placeholderTokens * 4})`);
    assert.ok(callLensTitle(e).includes(`${text} in →`), callLensTitle(e));
    const target = hoverTargetAt(report, call.line, call.column)!;
    assert.ok(hoverMarkdownFor(report, target, CATALOG, ASSUMPTIONS, 'file:///app/answer.py', []).includes(`${text} in →`));
    assert.ok(estimateStatus(e, 'cursor').text.includes(`${text} in`));
    // The CLI's table, from a scan of the same file (under the scan's default assumptions), writes its own estimate's text.
    const scan = await scanTree({ 'app/answer.py': UNREAD });
    const scanned = scan.files.find((f) => f.path === 'app/answer.py')!;
    const cliText = formatEstimateInput(estimateForSite(scanned, scanned.calls[0].id, CATALOG, scan.assumptions)!);
    assert.match(cliText, /^unknown \(\d+–\d+\)$/);
    const [sites] = scanTables(scan);
    const row = sites.rows.find((r) => String(typeof r[0] === 'string' ? r[0] : r[0].text).startsWith('app/answer.py:'))!;
    assert.deepEqual(row[5], { text: cliText, raw: 'unknown' });
    const view = reportData(scan, [], 0).sites.find((s) => s.path === 'app/answer.py')!;
    assert.deepEqual(view.inputUnknown, scan.files.find((f) => f.path === 'app/answer.py')!.calls[0].inputUnknown);
  });

  it('traps: a call whose prompt is read and an input set by annotation are not unknown', async () => {
    const read = (await analysed(READ, 'app/answer.py', 'python')).calls[0];
    assert.equal(read.inputUnknown, undefined);
    assert.ok(read.inputTokens > 0);
    const annotated = (await analysed(UNREAD.replace('    return client', '    # tokenomics: input=1200\n    return client'), 'app/answer.py', 'python')).calls[0];
    assert.equal(annotated.inputUnknown, undefined);
    assert.equal(annotated.inputTokens, 1200);
  });
});
