import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, makeNonce, pageHtml } from '../../../src/extension/webviews/html';
import { commonRoot } from '../../../src/extension/webviews/report/provider-paths';
import { blankSubject, subjectOfSite } from '../../../src/extension/webviews/compare/source';
import { DEFAULT_ASSUMPTIONS } from '../../../src/core/workload';
import { isComparePageMessage, isCompareHostMessage, parseWorkload } from '../../../src/webview/protocol/compare';
import { isReportHostMessage, isReportPageMessage } from '../../../src/webview/protocol/report';
import { fixtureReport } from '../../webview/report-fixture';

const workload = { inputTokens: 1000, cachedInputTokens: 0, outputTokens: 500, reasoningTokens: 0, steps: 1, toolResultTokens: 0, caching: true, batch: false, callsPerDay: 100 };

describe('webview protocol', () => {
  it('parseWorkload keeps a valid workload, clamps cached to input, rounds counts', () => {
    assert.deepEqual(parseWorkload({ ...workload, cachedInputTokens: 5000, outputTokens: 499.6 }), { ...workload, cachedInputTokens: 1000, outputTokens: 500 });
  });

  it('parseWorkload refuses missing, negative, non-finite and out-of-bounds fields', () => {
    assert.equal(parseWorkload({ ...workload, steps: 0 }), undefined);
    assert.equal(parseWorkload({ ...workload, steps: 1001 }), undefined);
    assert.equal(parseWorkload({ ...workload, inputTokens: -1 }), undefined);
    assert.equal(parseWorkload({ ...workload, outputTokens: Number.NaN }), undefined);
    assert.equal(parseWorkload({ ...workload, batch: 'yes' }), undefined);
    assert.equal(parseWorkload({ ...workload, inputTokens: undefined }), undefined);
    assert.equal(parseWorkload('{}'), undefined);
  });

  it('page → host messages of the compare panel are checked', () => {
    assert.ok(isComparePageMessage({ type: 'ready' }));
    assert.ok(isComparePageMessage({ type: 'recompute', requestId: 3, workload }));
    assert.ok(!isComparePageMessage({ type: 'recompute', requestId: 0, workload }));
    assert.ok(!isComparePageMessage({ type: 'recompute', requestId: 1, workload: { ...workload, steps: -2 } }));
    assert.ok(!isComparePageMessage({ type: 'openFile', path: '/etc/passwd' }));
    assert.ok(!isComparePageMessage(null));
  });

  it('host → page messages are checked too (a malformed show is dropped)', () => {
    assert.ok(isCompareHostMessage({ type: 'error', message: 'x' }));
    assert.ok(!isCompareHostMessage({ type: 'show', data: { label: 'x' } }));
    assert.ok(!isCompareHostMessage({ type: 'error', message: '' }));
  });

  it('page → host messages of the report view are checked', () => {
    assert.ok(isReportPageMessage({ type: 'reveal', path: 'src/a.ts', siteId: 'call-1' }));
    assert.ok(isReportPageMessage({ type: 'export', format: 'csv' }));
    assert.ok(!isReportPageMessage({ type: 'export', format: 'sarif' }));
    assert.ok(!isReportPageMessage({ type: 'reveal', path: '', siteId: 'x' }));
    const query = { id: 3, text: 'agent', model: '', kind: 'call', sort: { key: 'perUnit', descending: false }, pages: { headline: 2, test: 1 }, filesPage: 0 };
    assert.ok(isReportPageMessage({ type: 'query', query }));
    for (const bad of [
      { ...query, id: 0 },
      { ...query, pages: { headline: -1 } },
      { ...query, pages: { elsewhere: 1 } },
      { ...query, pages: { headline: 1.5 } },
      { ...query, sort: { key: 'path', descending: true } },
      { ...query, kind: 'function' },
      { ...query, text: 'x'.repeat(201) },
      { ...query, filesPage: undefined },
    ]) {
      assert.ok(!isReportPageMessage({ type: 'query', query: bad }), JSON.stringify(bad).slice(0, 120));
    }
  });

  it('host → page: the report is a header (no rows), the rows come as a page', () => {
    const header = { root: '.', folders: ['app'], catalog: { asOf: '2026-01-01', source: 'x' }, totals: { files: 1, prompts: 0, calls: 0, agentLoops: 0, monthlyCost: { kind: 'priced', usd: 0 }, byModel: [] }, siteCount: 0, fileCount: 0, models: [], skipped: 0, diagnostics: 0, budgetExceeded: 0, elapsedMs: 1 };
    assert.ok(isReportHostMessage({ type: 'report', data: header }));
    assert.ok(!isReportHostMessage({ type: 'report', data: { ...header, siteCount: undefined } }), 'a report of the old shape (every row, no counts) is dropped');
    const row = { siteId: 'c1', kind: 'call', path: 'a.ts', line: 3, column: 1, framework: 'openai', perUnit: { kind: 'priced', usd: 1 }, unit: 'call', monthly: { kind: 'priced', usd: 30 }, inputTokens: 10, notes: [] };
    const rows = { id: 2, groups: [{ group: 'headline', matched: 1, page: 0, pages: 1, rows: [row] }], files: { page: 0, pages: 1, count: 1, rows: [{ path: 'a.ts', monthlyCost: { kind: 'priced', usd: 30 } }] } };
    assert.ok(isReportHostMessage({ type: 'rows', data: rows }));
    assert.ok(!isReportHostMessage({ type: 'rows', data: { ...rows, id: undefined } }));
    assert.ok(!isReportHostMessage({ type: 'rows', data: { ...rows, groups: [{ ...rows.groups[0], rows: [{ ...row, monthly: undefined }] }] } }));
    assert.ok(!isReportHostMessage({ type: 'rows', data: { ...rows, groups: [{ ...rows.groups[0], group: 'other' }] } }));
  });

  it('a comparison a new scan stopped: the host says which and why, the page can ask for it again', () => {
    assert.ok(isReportHostMessage({ type: 'diffStopped', ref: 'HEAD', message: 'The comparison with HEAD was stopped: a new scan started.' }));
    assert.ok(!isReportHostMessage({ type: 'diffStopped', ref: 'HEAD' }));
    assert.ok(!isReportHostMessage({ type: 'diffStopped', ref: '', message: 'x' }));
    assert.ok(isReportPageMessage({ type: 'diffAgain' }));
  });
});

describe('webview page shell', () => {
  it('the CSP allows nothing by default, scripts only with the nonce, styles and images only from the webview source', () => {
    assert.equal(
      contentSecurityPolicy('https://x.vscode-cdn.net', 'abc'),
      "default-src 'none'; script-src 'nonce-abc'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net",
    );
  });

  it('the HTML has one script, carrying the nonce, no inline style or script, attribute values escaped', () => {
    const html = pageHtml({ title: 'a"b', cspSource: 'https://s', nonce: 'N1', scriptUri: 'https://s/main.js', styleUris: ['https://s/a.css'] });
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.match(html, /<script nonce="N1" src="https:\/\/s\/main.js"><\/script>/);
    assert.ok(!/style=|<style/.test(html));
    assert.match(html, /<title>a&quot;b<\/title>/);
  });

  it('nonces are fresh and URL-safe', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9_-]{22}$/);
    assert.notEqual(a, makeNonce());
  });
});

describe('compare subject', () => {
  it('a loop compares its workload on its call’s model, labelled with file, line and steps', async () => {
    const file = (await fixtureReport()).files.find((f) => f.path === 'src/agent/planner.ts')!;
    const s = subjectOfSite(file, { kind: 'loop', site: file.agentLoops[0] }, DEFAULT_ASSUMPTIONS);
    // planner.ts: generateText({ model: openai(PLANNER_MODEL), maxSteps: 6 }), PLANNER_MODEL from src/lib/models.ts.
    assert.equal(s.label, 'vercel-ai agent loop at planner.ts:10, 6 steps');
    assert.equal(s.currentModel, 'gpt-4.1');
    assert.equal(s.workload.steps, 6);
  });

  it('a blank subject uses the assumptions', () => {
    const s = blankSubject(DEFAULT_ASSUMPTIONS);
    assert.equal(s.workload.outputTokens, 500);
    assert.equal(s.workload.callsPerDay, 1000);
    assert.equal(s.currentModel, 'gpt-4.1');
  });
});

describe('report root of a multi-root workspace', () => {
  it('is the deepest directory that holds every folder', () => {
    assert.equal(commonRoot(['/w/a/x', '/w/a/y', '/w/a/y/z']), '/w/a');
    assert.equal(commonRoot(['/w/a']), '/w/a');
    assert.equal(commonRoot(['/w/a', '/v/b']), '/');
  });
});
