/**
 * What the Cost report's host keeps of a scan (src/node/scan-summary.ts) instead of the whole
 * report: the view's rows, which must carry the same figures as `tokenomics scan` for every site,
 * and a file from which Export renders exactly what the CLI prints. Scanned as the view's host
 * scans (the folder's tokenomics.json over the bundled catalog), through the real scan process
 * (out/src/node/scan-process.js) and on this thread, against the built CLI (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyOverrides, getBundledCatalog } from '../../../src/core/catalog';
import { configToAssumptions, DEFAULT_CONFIG, parseConfigFile } from '../../../src/core/config';
import type { Price } from '../../../src/core/cost/types';
import { renderExport } from '../../../src/extension/webviews/report/export';
import { ReportFiles } from '../../../src/extension/webviews/report/report-files';
import { runReportScan } from '../../../src/extension/webviews/report/scan-launch';
import { ScanRun } from '../../../src/extension/webviews/report/scan-run';
import type { ScanRequest } from '../../../src/node/scan-process-protocol';
import { readReportFile, type ScanSummary } from '../../../src/node/scan-summary';
import { ReportRowStore } from '../../../src/node/report-row-store';
import { rowsFileFor } from '../../../src/node/report-rows';
import type { ExportFormat, ReportSiteView } from '../../../src/webview/protocol/report';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLES = join(ROOT, 'examples');

function cli(format: ExportFormat): string {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const r = spawnSync(process.execPath, [CLI, 'scan', '--format', format, ...(format === 'markdown' ? ['--all'] : [])], { cwd: EXAMPLES, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `scan exited ${r.status}: ${r.stderr}`); // 1 = a budget exceeded
  return r.stdout;
}

/** The request the view's host sends for examples/: its tokenomics.json over the bundled catalog. */
function hostRequest(reportFile: string): ScanRequest {
  const bundled = getBundledCatalog();
  const path = join(EXAMPLES, 'tokenomics.json');
  const config = { ...DEFAULT_CONFIG, ...parseConfigFile(readFileSync(path, 'utf8'), path, bundled).config };
  const catalog = applyOverrides(bundled, { customModels: config.customModels, priceOverrides: config.priceOverrides }, path).catalog;
  return {
    paths: [EXAMPLES],
    root: EXAMPLES,
    cwd: EXAMPLES,
    catalog,
    assumptions: configToAssumptions(config),
    exclude: config.exclude ?? [],
    maxFileBytes: config.maxFileSizeKb * 1024,
    respectGitignore: true,
    jobs: 1,
    reportFile,
    folders: ['examples'],
  };
}

/** CSV fields of one line (quoted fields may hold commas and doubled quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') (field += '"'), i++;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) out.push(field), (field = '');
    else field += ch;
  }
  out.push(field);
  return out;
}

const csvFigure = (p: Price): string => (p.kind === 'priced' ? String(Number(p.usd.toPrecision(6))) : '');

describe('Cost report: what the host keeps of a scan', function () {
  this.timeout(90_000);
  const files = new ReportFiles();
  let summary: ScanSummary;
  let sites: ReportSiteView[];
  before(async () => {
    const got = await runReportScan(hostRequest(files.next()), new ScanRun(), { progress: () => {} });
    assert.ok(got, 'the scan process returned a summary');
    summary = got;
    sites = await new ReportRowStore(summary.rows).allRows();
  });
  after(() => files.dispose());

  it('every row the view shows has the figures `tokenomics scan` prints for that site', () => {
    const lines = cli('csv').trim().split(/\r?\n/);
    const header = csvFields(lines[0]);
    const col = (name: string): number => {
      const k = header.indexOf(name);
      assert.ok(k >= 0, `CSV column ${name}`);
      return k;
    };
    const cliRows = new Map(lines.slice(1).map((l) => csvFields(l)).map((f) => [f[col('site')], f] as const));
    assert.ok(sites.length >= 5, `examples/ has several sites (${sites.length})`);
    assert.equal(sites.length, cliRows.size, 'the same sites');
    assert.equal(summary.view.siteCount, sites.length);
    for (const row of sites) {
      const site = `${row.path}:${row.line}`;
      const f = cliRows.get(site);
      assert.ok(f, `${site} is in the CLI's report`);
      // The CSV writes each figure to 6 significant digits (an unpriced one empty).
      assert.equal(f[col('per unit')], csvFigure(row.perUnit), `${site}: per unit`);
      assert.equal(f[col('per month')], csvFigure(row.monthly), `${site}: per month`);
      assert.equal(f[col('model')], row.model ?? '', `${site}: model`);
      assert.equal(f[col('steps')], row.steps !== undefined ? String(row.steps) : '', `${site}: steps`);
    }
    const cliReport = JSON.parse(cli('json')) as { totals: { monthlyCost: Price; files: number } };
    assert.deepEqual(summary.view.totals.monthlyCost, cliReport.totals.monthlyCost, 'the headline total');
    assert.equal(summary.files, cliReport.totals.files);
  });

  for (const format of ['json', 'csv', 'markdown'] as const) {
    it(`Export from the report's file equals \`tokenomics scan --format ${format}\` byte for byte`, async () => {
      assert.equal(renderExport(await readReportFile(summary.reportFile), format), cli(format));
    });
  }

  it('the summary is a fraction of the report it stands for', () => {
    const kept = JSON.stringify(summary).length;
    const whole = statSync(summary.reportFile).size;
    assert.ok(kept < whole / 2, `summary ${kept} bytes, report ${whole} bytes`);
  });

  it('scanned on this thread (no process script), the summary and the file are the same', async () => {
    const other = await runReportScan(hostRequest(files.next()), new ScanRun(), { progress: () => {}, script: null });
    assert.ok(other);
    assert.deepEqual({ ...other.view, elapsedMs: 0 }, { ...summary.view, elapsedMs: 0 });
    assert.deepEqual(await new ReportRowStore(other.rows).allRows(), sites);
    assert.deepEqual(other.models, summary.models);
    const strip = (r: object) => JSON.stringify({ ...r, timing: undefined });
    assert.equal(strip(await readReportFile(other.reportFile)), strip(await readReportFile(summary.reportFile)));
  });

  it('a report file that is gone or is not a report is a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokenomics-report-read-'));
    try {
      await assert.rejects(readReportFile(join(dir, 'missing.json')), /ENOENT/);
      writeFileSync(join(dir, 'other.json'), '{"files": 3}');
      await assert.rejects(readReportFile(join(dir, 'other.json')), /does not hold a scan report/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Cost report: the files that hold whole reports', () => {
  it('keeps only the shown report, deletes discarded ones, and removes its folder on dispose', () => {
    const parent = mkdtempSync(join(tmpdir(), 'tokenomics-report-files-'));
    try {
      const files = new ReportFiles(parent);
      const [a, b, c] = [files.next(), files.next(), files.next()];
      assert.equal(new Set([a, b, c]).size, 3);
      assert.equal(statSync(join(a, '..')).mode & 0o777, 0o700, 'a private folder');
      for (const f of [a, b, c]) writeFileSync(f, '{}');
      for (const f of [a, b, c]) writeFileSync(rowsFileFor(f), '{}\n');
      files.keep(a);
      files.discard(b);
      assert.deepEqual([existsSync(a), existsSync(b), existsSync(rowsFileFor(b))], [true, false, false], 'a discarded report goes with its rows');
      files.keep(c);
      assert.deepEqual([existsSync(a), existsSync(rowsFileFor(a)), existsSync(c), existsSync(rowsFileFor(c))], [false, false, true, true], 'the report shown before is deleted, its rows too');
      files.discard(c);
      assert.ok(existsSync(c), 'the shown report is never discarded');
      files.dispose();
      assert.equal(existsSync(join(c, '..')), false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("removes the folders of hosts whose process is gone (a killed window), and no one else's", () => {
    const parent = mkdtempSync(join(tmpdir(), 'tokenomics-report-files-'));
    try {
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      const deadPid = Number(gone.stdout);
      assert.ok(deadPid > 0);
      const orphan = join(parent, `tokenomics-report-${deadPid}-abc123`);
      const living = join(parent, `tokenomics-report-${process.ppid}-def456`);
      const unrelated = join(parent, 'tokenomics-report-notes');
      for (const dir of [orphan, living, unrelated]) {
        mkdirSync(dir);
        writeFileSync(join(dir, 'report-1.json'), '{}');
      }
      const files = new ReportFiles(parent);
      const mine = files.next();
      assert.equal(existsSync(orphan), false, 'the exited host\'s folder is removed');
      assert.deepEqual([existsSync(living), existsSync(unrelated)], [true, true]);
      assert.match(mine, new RegExp(`tokenomics-report-${process.pid}-`));
      files.dispose();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
