/**
 * The Cost report's "vs REF" column, a page at a time (src/node/report-row-deltas.ts): the page gets
 * the comparison's summary, and each page of rows comes with the deltas of its rows only and a page
 * of the removed sites; sorting by the delta works across pages. Compared with the core's whole
 * diff (`diffFolderWith` on a real git repository) of a workspace with more sites than a page.
 */
import * as assert from 'node:assert/strict';
import { DEFAULT_SITE_SORT, SITES_PAGE_SIZE, siteDiffKey, type ReportQuery, type ReportSiteView, type SiteSort } from '../../../src/webview/protocol/report';
import { isReportHostMessage } from '../../../src/webview/protocol/report';
import { reportHost, type ReportHostFixture } from '../../webview/report-host';
import { MANY_ADDED, MANY_REMOVED_FILES, manyDiffFixture, type ManyDiffFixture } from '../../webview/report-many-diff-fixture';

const key = (s: ReportSiteView): string => `${s.path}#${s.siteId}`;

function query(patch: Partial<ReportQuery> = {}): ReportQuery {
  return { id: 1, text: '', model: '', kind: '', sort: DEFAULT_SITE_SORT, pages: {}, filesPage: 0, ...patch };
}

describe('Cost report vs a revision, a page at a time', function () {
  this.timeout(120_000);
  let fx: ReportHostFixture;
  let many: ManyDiffFixture;
  let runtime: ReportSiteView[];
  const ask = (patch: Partial<ReportQuery> = {}) => fx.store.query(query(patch), fx.header.totals.scopes ?? [], fx.deltas);

  before(async () => {
    many = await manyDiffFixture();
    fx = await reportHost(many.report, ['many'], 10);
    fx.compare(many.diff);
    runtime = fx.view.sites.filter((s) => s.scope === 'runtime');
  });
  after(() => fx?.dispose());

  it('the comparison has more changed sites and more removed sites than a page shows', () => {
    const changes = Object.values(many.diff.sites).map((d) => d.change);
    assert.equal(changes.length, fx.view.sites.length, 'every site of the view is in the comparison');
    assert.ok(changes.filter((c) => c === 'changed').length >= 30);
    assert.equal(changes.filter((c) => c === 'added').length, MANY_ADDED);
    assert.equal(many.diff.removed.length, MANY_REMOVED_FILES);
    assert.ok(many.diff.removed.length > SITES_PAGE_SIZE && runtime.length > 2 * SITES_PAGE_SIZE);
  });

  it('the page gets the summary only: the counts, never a site', () => {
    const summary = fx.compare(many.diff)!;
    const message = { type: 'diff', data: summary };
    assert.ok(isReportHostMessage(JSON.parse(JSON.stringify(message))), 'a valid message once serialised');
    assert.deepEqual(Object.keys(summary).sort(), ['commit', 'counts', 'delta', 'headline', 'ref']);
    const tally = (change: string) => Object.values(many.diff.sites).filter((d) => d.change === change).length;
    assert.deepEqual(summary.counts, { added: tally('added'), changed: tally('changed'), unchanged: tally('unchanged'), removed: MANY_REMOVED_FILES });
    // Every site's delta is about as large as the rows themselves; the summary is a line.
    assert.ok(JSON.stringify(message).length < 500, `${JSON.stringify(message).length} bytes`);
    assert.ok(JSON.stringify(many.diff).length > 40 * JSON.stringify(message).length);
  });

  it('each page of rows carries the deltas of its rows, exactly the core’s, and no other row’s', async () => {
    for (const page of [0, 1, 2]) {
      const got = await ask({ pages: { headline: page, test: 0 } });
      const shown = got.groups.flatMap((g) => g.rows);
      assert.ok(got.diff, 'the comparison rides with the page');
      assert.equal(got.diff.ref, 'HEAD');
      assert.deepEqual(Object.keys(got.diff.deltas).sort(), shown.map(siteDiffKey).sort(), `page ${page}: one delta per row sent`);
      for (const s of shown) assert.deepEqual(got.diff.deltas[siteDiffKey(s)], many.diff.sites[siteDiffKey(s)], siteDiffKey(s));
      assert.ok(Object.keys(got.diff.deltas).length <= SITES_PAGE_SIZE * got.groups.length);
    }
    const first = (await ask()).diff!;
    assert.ok(Object.keys(first.deltas).length < Object.keys(many.diff.sites).length / 2, 'the first page is not every site again');
    const changed = (await ask()).groups[0].rows.filter((s) => many.diff.sites[siteDiffKey(s)].change === 'changed');
    assert.ok(changed.length > 0, 'the first page shows changed sites');
  });

  for (const descending of [true, false]) {
    it(`sorted by the delta ${descending ? 'descending' : 'ascending'}: the pages put together are the group in the core’s delta order, unknown last`, async () => {
      const sort: SiteSort = { key: 'delta', descending };
      const pages: ReportSiteView[] = [];
      for (let page = 0; page < 3; page++) pages.push(...(await ask({ sort, pages: { headline: page } })).groups[0].rows);
      const rank = new Map(runtime.map((r, i) => [r, i]));
      const figure = (s: ReportSiteView): number => many.diff.sites[siteDiffKey(s)]?.monthlyDelta ?? Number.NaN;
      const expected = [...runtime].sort((a, b) => {
        const [x, y] = [figure(a), figure(b)];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        return (Number.isNaN(x) ? 0 : (descending ? -1 : 1) * (x - y)) || rank.get(a)! - rank.get(b)!;
      });
      assert.deepEqual(pages.map(key), expected.map(key));
      assert.notDeepEqual(expected.map(key), runtime.map(key), 'the order differs from the ranking (the test can fail)');
      const first = many.diff.sites[siteDiffKey(pages[0])].monthlyDelta!;
      assert.ok(descending ? first > 0 : first < 0, `the first row is the ${descending ? 'largest increase' : 'largest saving'} (${first})`);
    });
  }

  it('the removed sites come a page at a time, in the core’s order', async () => {
    const first = (await ask()).diff!.removed;
    const second = (await ask({ removedPage: 1 })).diff!.removed;
    assert.deepEqual([first.page, first.pages, first.count, first.rows.length], [0, 2, MANY_REMOVED_FILES, SITES_PAGE_SIZE]);
    assert.deepEqual([...first.rows, ...second.rows], many.diff.removed);
    assert.equal((await ask({ removedPage: 9 })).diff!.removed.page, 1, 'clamped to the last page');
  });

  it('without a comparison no delta is sent and the delta sort is the core’s ranking', async () => {
    const plain = await fx.store.query(query({ sort: { key: 'delta', descending: true } }), fx.header.totals.scopes ?? []);
    assert.equal(plain.diff, undefined);
    assert.deepEqual(plain.groups[0].rows.map(key), runtime.slice(0, SITES_PAGE_SIZE).map(key));
  });
});
