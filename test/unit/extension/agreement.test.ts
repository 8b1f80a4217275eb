/**
 * One figure everywhere. For every call and agent loop of `examples/` and of the workspace
 * fixtures, built by the core (`scanPaths` for the scan, `analyzeText` for the editor, with
 * the same environment loader): the hover, the CodeLens, the status bar (cursor in the
 * call's prompt, and the whole call selected), the report sidebar row, the Compare panel's
 * pinned line and current-model row, and `tokenomics scan --format json` show the same text.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog } from '../../../src/core/catalog';
import type { Catalog } from '../../../src/core/catalog/types';
import { loadEnvironment } from '../../../src/core/config/environment';
import { estimateForSite } from '../../../src/core/estimate';
import { formatPrice } from '../../../src/core/format';
import { formatFigure } from '../../../src/core/format/estimate';
import type { AgentLoopReport, CallReport, FileReport, ScanReport } from '../../../src/core/report/types';
import type { Assumptions } from '../../../src/core/workload';
import { lensSpecs } from '../../../src/extension/codelens/titles';
import { analyzeText } from '../../../src/extension/core-api';
import { hoverMarkdownFor, hoverTargetAt } from '../../../src/extension/hover/targets';
import { cursorEstimate, selectionEstimate } from '../../../src/extension/statusbar/pick';
import { estimateStatus } from '../../../src/extension/statusbar/text';
import { buildCompareData } from '../../../src/extension/webviews/compare/compute';
import { subjectOfSite } from '../../../src/extension/webviews/compare/source';
import { reportData } from '../../../src/extension/webviews/report/view-model';
import { scanPaths } from '../../../src/node/scan';
import { WorkspaceRepository } from '../../../src/node/workspace-repo';

const ROOT = join(__dirname, '..', '..', '..', '..');
const LANGUAGE: Record<string, string> = { ts: 'typescript', py: 'python', md: 'markdown', prompt: 'prompt' };

function languageOf(path: string): string {
  return LANGUAGE[path.slice(path.lastIndexOf('.') + 1)] ?? 'plaintext';
}

/** The environment a scan of `root` and the editor on it both load. */
function environmentOf(root: string): { catalog: Catalog; assumptions: Assumptions } {
  const file = join(root, 'tokenomics.json');
  const env = loadEnvironment({ baseCatalog: getBundledCatalog(), ...(existsSync(file) ? { file: { text: readFileSync(file, 'utf8'), path: file } } : {}) });
  return { catalog: env.catalog, assumptions: env.assumptions };
}

function cliScanJson(root: string): ScanReport {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.ok(run.stdout, `tokenomics scan ran in ${root}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ScanReport;
}

type Site = { kind: 'call'; site: CallReport } | { kind: 'loop'; site: AgentLoopReport };

function sitesOf(file: FileReport): Site[] {
  return [...file.calls.map((site) => ({ kind: 'call' as const, site })), ...file.agentLoops.map((site) => ({ kind: 'loop' as const, site }))];
}

function priceOf(s: Site) {
  return s.kind === 'call' ? s.site.costPerCall : s.site.costPerTask;
}

const ROOTS = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'workspace')];

describe('agreement: every surface shows the core’s figure', function () {
  this.timeout(120_000);

  for (const root of ROOTS) {
    const name = root.slice(ROOT.length + 1);
    it(`${name}: hover, CodeLens, status bar, sidebar row, Compare and scan --format json agree on every site`, async () => {
      assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is built by `npm test` before the suites run');
      const { catalog, assumptions } = environmentOf(root);
      const scan = await scanPaths([root], { catalog, assumptions, root, cwd: root });
      const json = cliScanJson(root);
      const sidebar = reportData(scan, [name], 0);
      // The editor's repository index of the folder, as the extension builds it.
      const workspace = new WorkspaceRepository(root);
      await workspace.index();
      let checked = 0;
      const panelChecked = new Set<string>();
      for (const scanned of scan.files) {
        const text = readFileSync(join(root, scanned.path), 'utf8');
        const editor = await analyzeText(text, scanned.path, languageOf(scanned.path), { catalog, assumptions }, workspace);
        const lenses = lensSpecs(editor, catalog, assumptions);
        const fromJson = json.files.find((f) => f.path === scanned.path)!;
        for (const site of sitesOf(editor)) {
          const where = `${scanned.path}:${site.site.line} (${site.site.id})`;
          const estimate = estimateForSite(editor, site.site.id, catalog, assumptions)!;
          const figure = formatFigure(estimate);
          // The editor analyses exactly what the scan analyses.
          const scannedSite = sitesOf(scanned).find((s) => s.site.id === site.site.id)!;
          assert.equal(formatFigure({ price: priceOf(scannedSite), unit: estimate.unit }), figure, `scan (in process) ${where}`);
          const jsonSite = sitesOf(fromJson).find((s) => s.site.id === site.site.id)!;
          assert.equal(formatFigure({ price: priceOf(jsonSite), unit: estimate.unit }), figure, `scan --format json ${where}`);
          // CodeLens (a call driven by a loop on its own line shows the loop's lens instead).
          const lens = lenses.find((l) => l.siteId === site.site.id);
          if (lens) assert.ok(lens.title.includes(figure), `lens ${where}: ${lens.title} vs ${figure}`);
          // Hover: on the call's callee, on the loop's first line.
          const target = hoverTargetAt(editor, site.site.line, site.site.column);
          if (target && target.site.id === site.site.id) {
            assert.ok(hoverMarkdownFor(editor, target, catalog, assumptions, 'file:///x', []).includes(`**${figure}**`), `hover ${where}`);
          }
          // What the CodeLens on the site's line shows: a framework agent's call and its loop share one lens, the task's.
          const sameLineLoop = site.kind === 'call' ? editor.agentLoops.find((l) => l.callId === site.site.id && l.line === site.site.line) : undefined;
          const onLine = sameLineLoop ? formatFigure(estimateForSite(editor, sameLineLoop.id, catalog, assumptions)!) : figure;
          assert.ok(lenses.some((l) => l.line === site.site.line && l.title.includes(onLine)), `a lens on ${where} shows ${onLine}`);
          // Status bar: the whole site selected; the cursor in a prompt the call sends.
          assert.ok(estimateStatus(selectionEstimate(editor, site.site, '', catalog, assumptions, editor.path), 'selection').text.endsWith(onLine), `status bar, selection ${where}`);
          if (site.kind === 'call') {
            // A prompt two calls send (a shared tool description) shows the first call's figure.
            for (const prompt of editor.prompts.filter((p) => editor.calls.find((c) => c.promptIds.includes(p.id))?.id === site.site.id)) {
              const e = cursorEstimate(editor, prompt.line, prompt.column, catalog, assumptions)!;
              assert.ok(estimateStatus(e, 'cursor').text.endsWith(onLine), `status bar, cursor in ${prompt.id} ${where}`);
              const md = hoverMarkdownFor(editor, { kind: 'prompt', site: prompt }, catalog, assumptions, 'file:///x', []);
              assert.ok(md.includes(`**${onLine}**`), `hover on ${prompt.id} ${where}`);
            }
          }
          // Sidebar row (sites that make up the monthly total: loops and calls that are not a step).
          const row = sidebar.sites.find((s) => s.path === scanned.path && s.siteId === site.site.id);
          if (site.kind === 'loop' || !site.site.stepOf) assert.equal(row && formatFigure({ price: row.perUnit, unit: row.unit }), figure, `sidebar ${where}`);
          // Compare opened from the site: its pinned line, and the row of its own offering.
          const subject = subjectOfSite(editor, site, assumptions, estimate);
          assert.equal(subject.pinned?.figure, figure, `compare pinned ${where}`);
          // The full panel (with its self-hosted section) is slow to build: one call and one loop per folder here;
          // compare-agreement.test.ts checks the own-offering row of every site of examples/.
          if (estimate.model.offering && estimate.price.kind === 'priced' && !panelChecked.has(site.kind)) {
            panelChecked.add(site.kind);
            const data = buildCompareData(catalog, subject.workload, subject);
            const own = data.rows.find((r) => r.id === estimate.model.offering);
            // Compare's rows carry the expected value (their ranges are drawn as error bars): the figure without its range.
            if (own) assert.equal(formatPrice(own.perUnit), formatPrice(estimate.price), `compare current-model row ${where}`);
          }
          checked++;
        }
      }
      assert.ok(checked >= 3, `${name}: ${checked} sites checked`);
      process.stdout.write(`      ${name}: ${checked} sites agree on every surface\n`);
    });
  }
});
