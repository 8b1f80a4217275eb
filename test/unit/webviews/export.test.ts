/**
 * The Cost report's export equals `tokenomics scan` on the same folder: the
 * report is scanned here the way the view's host does it (settings from the
 * folder's tokenomics.json, the same engine), exported in each format, and
 * compared byte for byte with the built CLI's output (dist/cli.js, built by `npm test`).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyOverrides, getBundledCatalog, resolveModel } from '../../../src/core/catalog';
import { configToAssumptions, DEFAULT_CONFIG, parseConfigFile } from '../../../src/core/config';
import type { ScanReport } from '../../../src/core/report/types';
import { renderExport } from '../../../src/extension/webviews/report/export';
import { reportData } from '../../../src/extension/webviews/report/view-model';
import type { ExportFormat } from '../../../src/webview/protocol/report';
import { scanPaths } from '../../../src/node/scan';
import { fixtureReport } from '../../webview/report-fixture';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLES = join(ROOT, 'examples');

function cliScan(format: ExportFormat): string {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, 'scan', '--format', format, ...(format === 'markdown' ? ['--all'] : [])], { cwd: EXAMPLES, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `scan exited ${r.status}: ${r.stderr}`); // 1 = a budget exceeded
  return r.stdout;
}

/** What the report view's host does: the folder's settings, the bundled catalog with their overrides, scanPaths on the folder. */
async function hostScan(folder: string): Promise<ScanReport> {
  const bundled = getBundledCatalog();
  const path = join(folder, 'tokenomics.json');
  const file = parseConfigFile(readFileSync(path, 'utf8'), path, bundled);
  const config = { ...DEFAULT_CONFIG, ...file.config };
  const catalog = applyOverrides(bundled, { customModels: config.customModels, priceOverrides: config.priceOverrides }, path).catalog;
  return scanPaths([folder], {
    catalog,
    assumptions: configToAssumptions(config),
    resolveModel,
    root: folder,
    cwd: folder,
    exclude: config.exclude,
    maxFileBytes: config.maxFileSizeKb * 1024,
    respectGitignore: true,
  });
}

describe('Cost report export', function () {
  this.timeout(60_000);
  let report: ScanReport;
  before(async () => {
    report = await hostScan(EXAMPLES);
  });

  for (const format of ['json', 'csv', 'markdown'] as const) {
    it(`${format} equals \`tokenomics scan --format ${format}\` on examples/`, () => {
      assert.equal(renderExport(report, format), cliScan(format));
    });
  }

  it('the view shows the same sites and total as the export', () => {
    const data = reportData(report, ['examples'], 0);
    const csvRows = renderExport(report, 'csv').trim().split(/\r?\n/).slice(1);
    assert.equal(data.sites.length, csvRows.length);
    assert.ok(data.sites.length >= 5, `examples/ has several sites (${data.sites.length})`);
    assert.deepEqual(data.sites.map((s) => `${s.path}:${s.line}`), csvRows.map((r) => r.split(',')[0]));
    assert.deepEqual(data.totals.monthlyCost, report.totals.monthlyCost);
  });

  it('JSON of the fixture application\'s report is the report itself (contract v1)', async () => {
    const report = await fixtureReport();
    assert.deepEqual(JSON.parse(renderExport(report, 'json')), JSON.parse(JSON.stringify(report)));
  });
});
