/**
 * The Cost report's rows, a page at a time (src/node/report-rows.ts, report-row-store.ts): what the
 * host sends for each query must be exactly the rows the full list (the view model's, as built
 * before paging) has at that place once filtered and sorted, with the core's totals untouched;
 * a site on any page can be opened; Export still has every site. On a report the core scans.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderExport } from '../../../src/extension/webviews/report/export';
import { ReportRowStore } from '../../../src/node/report-row-store';
import { isReportRowIndex } from '../../../src/node/report-rows';
import { readReportFile } from '../../../src/node/scan-summary';
import { DEFAULT_SITE_SORT, SITES_PAGE_SIZE, type ReportQuery, type ReportSiteView, type SiteSort } from '../../../src/webview/protocol/report';
import { reportHost, type ReportHostFixture } from '../../webview/report-host';
import { MANY_RUNTIME, MANY_TESTS, manySitesReport } from '../../webview/report-many-fixture';

const key = (s: ReportSiteView): string => `${s.path}#${s.siteId}`;
const usd = (p: ReportSiteView['monthly']): number => (p.kind === 'priced' ? p.usd : Number.NaN);

function query(patch: Partial<ReportQuery> = {}): ReportQuery {
  return { id: 1, text: '', model: '', kind: '', sort: DEFAULT_SITE_SORT, pages: {}, filesPage: 0, ...patch };
}

/** The full list in `sort`'s order, computed here from the rows themselves: priced by the figure, unpriced last, ties in the core's ranking. */
function sorted(rows: readonly ReportSiteView[], sort: SiteSort): ReportSiteView[] {
  const rank = new Map(rows.map((r, i) => [r, i]));
  const figure = (r: ReportSiteView): number => usd(sort.key === 'perUnit' ? r.perUnit : r.monthly);
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'site') return sign * (a.path.localeCompare(b.path) || a.line - b.line) || rank.get(a)! - rank.get(b)!;
    const [x, y] = [figure(a), figure(b)];
    if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
    return (Number.isNaN(x) ? 0 : sign * (x - y)) || rank.get(a)! - rank.get(b)!;
  });
}

describe('Cost report rows, a page at a time', function () {
  this.timeout(120_000);
  let fx: ReportHostFixture;
  let runtime: ReportSiteView[];
  let tests: ReportSiteView[];
  const ask = (patch: Partial<ReportQuery> = {}) => fx.store.query(query(patch), fx.header.totals.scopes ?? []);

  before(async () => {
    fx = await reportHost(await manySitesReport(), ['many'], 10);
    runtime = fx.view.sites.filter((s) => s.scope === 'runtime');
    tests = fx.view.sites.filter((s) => s.scope === 'test');
  });
  after(() => fx?.dispose());

  it('the fixture has more rows than a page in the headline and in a group apart', () => {
    assert.equal(runtime.length, MANY_RUNTIME + 1);
    assert.equal(tests.length, MANY_TESTS);
    assert.ok(runtime.length > 2 * SITES_PAGE_SIZE && tests.length > SITES_PAGE_SIZE);
    assert.equal(fx.header.siteCount, fx.view.sites.length);
    assert.ok(isReportRowIndex(JSON.parse(JSON.stringify(fx.summary.rows))), 'the index crosses a JSON channel');
  });

  it('the header carries the core’s totals as they are, and no rows', () => {
    const { byFile, ...totals } = fx.view.totals;
    assert.deepEqual(fx.header.totals, totals);
    assert.equal(fx.header.fileCount, byFile.length);
    assert.equal('sites' in fx.header, false);
    assert.deepEqual(fx.header.models, ['claude-sonnet-4-5', 'gpt-4.1', 'gpt-4.1-mini', 'mystery-9']);
    // What crosses to the host is a fraction of the rows it stands for.
    const rowsJson = JSON.stringify(fx.view.sites).length;
    assert.ok(JSON.stringify(fx.summary).length < rowsJson / 2, `summary ${JSON.stringify(fx.summary).length} bytes, rows ${rowsJson}`);
  });

  it('each page of the ranking is that slice of the full ranked list, in every group; the last page is clamped', async () => {
    for (const page of [0, 1, 2]) {
      const got = await ask({ pages: { headline: page, test: Math.min(page, 1) } });
      const [headline, test] = got.groups;
      assert.equal(headline.group, 'headline');
      assert.deepEqual(headline.rows, runtime.slice(page * SITES_PAGE_SIZE, (page + 1) * SITES_PAGE_SIZE), `headline page ${page}`);
      assert.deepEqual([headline.matched, headline.page, headline.pages], [runtime.length, page, 3]);
      assert.equal(test.group, 'test');
      assert.deepEqual(test.rows.map(key), tests.slice(Math.min(page, 1) * SITES_PAGE_SIZE, (Math.min(page, 1) + 1) * SITES_PAGE_SIZE).map(key));
    }
    const beyond = await ask({ pages: { headline: 99 } });
    assert.equal(beyond.groups[0].page, 2);
    assert.deepEqual(beyond.groups[0].rows, runtime.slice(2 * SITES_PAGE_SIZE));
  });

  for (const sort of [
    { key: 'perUnit', descending: true },
    { key: 'perUnit', descending: false },
    { key: 'cost', descending: false },
    { key: 'site', descending: false },
    { key: 'site', descending: true },
  ] as const) {
    it(`sorted by ${sort.key} ${sort.descending ? 'descending' : 'ascending'}: the pages put together are the whole group in that order`, async () => {
      const pages = [];
      for (let page = 0; page < 3; page++) pages.push(...(await ask({ sort, pages: { headline: page } })).groups[0].rows);
      const expected = sorted(runtime, sort);
      assert.deepEqual(pages.map(key), expected.map(key));
      assert.notDeepEqual(expected.map(key), runtime.map(key), 'the order differs from the ranking (the test can fail)');
      if (sort.key !== 'site') assert.equal(key(pages.at(-1)!), key(runtime.find((s) => s.monthly.kind === 'unpriced')!), 'unpriced last');
    });
  }

  it('filters by text, model and kind before paging; a group with no match is left out', async () => {
    const mini = await ask({ model: 'gpt-4.1-mini', pages: { headline: 0, test: 1 } });
    const miniRuntime = runtime.filter((s) => s.model === 'gpt-4.1-mini');
    assert.deepEqual(mini.groups[0].rows, miniRuntime);
    assert.deepEqual(mini.groups[1].rows.map(key), tests.slice(SITES_PAGE_SIZE).map(key));
    const pkg3 = await ask({ text: 'PKG3/', sort: { key: 'site', descending: false } });
    assert.deepEqual(pkg3.groups.map((g) => g.group), ['headline'], 'no test file matches: its group is left out');
    assert.deepEqual(pkg3.groups[0].rows.map(key), sorted(runtime.filter((s) => s.path.includes('pkg3/')), { key: 'site', descending: false }).map(key));
    const byFramework = await ask({ text: 'openai', kind: 'call' });
    assert.equal(byFramework.groups[0].matched, runtime.length);
    const loops = await ask({ kind: 'loop' });
    assert.deepEqual(loops.groups.map((g) => [g.group, g.matched, g.rows.length]), [['headline', 0, 0]]);
  });

  it('the By file table is paged from the core’s per-file totals', async () => {
    const files = fx.view.totals.byFile;
    assert.ok(files.length > 2 * SITES_PAGE_SIZE);
    const got = await ask({ filesPage: 2 });
    assert.deepEqual(got.files.rows, files.slice(2 * SITES_PAGE_SIZE, 3 * SITES_PAGE_SIZE).map((f) => ({ path: f.path, monthlyCost: f.monthlyCost })));
    assert.deepEqual([got.files.page, got.files.count], [2, files.length]);
  });

  it('a site on any page can be opened (the host finds it); one not in the report cannot', () => {
    const last = runtime.at(-1)!;
    assert.deepEqual(fx.store.find(last.path, last.siteId), { line: last.line, column: last.column });
    assert.equal(fx.store.find(last.path, 'no-such-site'), undefined);
    assert.equal(fx.store.find('elsewhere.ts', last.siteId), undefined);
  });

  it('Export still has every site, whatever the view shows', async () => {
    const csv = renderExport(await readReportFile(fx.summary.reportFile), 'csv').trim().split(/\r?\n/);
    assert.equal(csv.length - 1, fx.view.sites.length);
    for (const s of [runtime.at(-1)!, tests.at(-1)!]) assert.ok(csv.some((line) => line.includes(`${s.path}:${s.line}`)), `${s.path} is exported`);
  });

  it('the rows file holds the rows of the view, one line each, and a changed file is a clear error', async () => {
    assert.deepEqual(await fx.store.allRows(), fx.view.sites);
    const lines = readFileSync(fx.store.rowsFile, 'utf8').trim().split('\n');
    assert.equal(lines.length, fx.view.sites.length + fx.view.totals.byFile.length);
    const broken = new ReportRowStore({ ...fx.summary.rows, rowsFile: `${fx.store.rowsFile}.missing` });
    await assert.rejects(broken.query(query(), []), /ENOENT/);
  });
});
