/**
 * The scan CLI over a hostile workspace: a few hundred mutated agent files plus the
 * pathological ones, a symlink loop, a FIFO named .ts and a malformed tokenomics.json.
 * It must finish with a report, print no stack, name the malformed config, and leave
 * the tree byte-identical.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getBundledCatalog } from '../../src/core/catalog/index';
import { DEFAULT_ASSUMPTIONS } from '../../src/core/workload';
import { scanPaths } from '../../src/node/scan';
import { seedSources } from './sources';
import { buildHostileWorkspace, hashTree, type HostileWorkspace } from './workspace';
import { hoverMarkdownFor, type HoverTarget } from '../../src/extension/hover/targets';
import { lensSpecs } from '../../src/extension/codelens/titles';
import { COMPARE_PROVIDERS_COMMAND, SET_ASSUMPTION_COMMAND } from '../../src/extension/commands/ids';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FILES = Number(process.env.FUZZ_SCAN_FILES ?? (process.env.FUZZ_RUNS ? 400 : 200));
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

describe('fuzz: scanning a hostile workspace', function () {
  this.timeout(600_000);
  let ws: HostileWorkspace;
  let initialHash: string;

  before(() => {
    ws = buildHostileWorkspace(seedSources(), FILES, SEED);
    initialHash = hashTree(ws.root);
  });

  after(() => {
    if (ws) rmSync(ws.root, { recursive: true, force: true });
  });

  it('the CLI finishes with a JSON report, no stack trace, the malformed config named, the tree unchanged', () => {
    assert.ok(existsSync(CLI), 'dist/cli.js is built by `npm test` before the suites run');
    const rssFile = join(tmpdir(), `tokenomics-rss-${process.pid}`);
    const run = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'fuzz', 'rss-probe.js'), CLI, 'scan', ws.root, '--format', 'json'], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, TOKENOMICS_RSS_OUT: rssFile },
    });
    assert.equal(run.error, undefined, `the scan did not finish: ${run.error}`);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}; stderr: ${run.stderr.slice(0, 2000)}`);
    assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace on stderr');
    assert.match(run.stderr, /tokenomics\.json/, 'the malformed config file is named');
    const report = JSON.parse(run.stdout);
    assert.equal(report.version, 1);
    assert.ok(report.files.length >= FILES / 2, `most mutated files are analysed (${report.files.length})`);
    const skippedPaths = report.skipped.map((s: { path: string }) => s.path).join(' ');
    assert.match(skippedPaths, /pipe\.ts|dangling\.ts|loop/, 'non-regular files and loops are reported as skipped');
    assert.equal(hashTree(ws.root), initialHash, 'the workspace is byte-identical after the scan');
    const maxRssKb = Number(readFileSync(rssFile, 'utf8'));
    unlinkSync(rssFile);
    process.stdout.write(
      `      scan: ${report.files.length} files analysed, ${report.skipped.length} skipped, peak RSS ${(maxRssKb / 1024).toFixed(0)} MB\n`,
    );
  });

  it('scanPaths goes on past a file that vanishes mid-scan and says so', async () => {
    // The scanner reads ahead, so the file removed is one near the end of the walk, removed
    // once the scan is under way: it was listed by the walk and is gone when its turn comes.
    const last = readdirSync(join(ws.root, 'mutated')).sort().pop()!;
    let removed: string | undefined;
    const result = await scanPaths(
      [ws.root],
      { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS },
      () => {
        if (!removed) {
          removed = `mutated/${last}`;
          unlinkSync(join(ws.root, removed));
        }
      },
    );
    assert.ok(removed, 'a file was removed during the scan');
    const entry = result.skipped.find((s) => s.path === removed);
    assert.ok(entry, `the vanished file ${removed} is listed as skipped`);
    assert.ok(result.files.length > FILES / 2);
    initialHash = hashTree(ws.root); // the deletion above is ours, not the scanner's
  });

  it('hover and CodeLens text built from every hostile site is inert', async () => {
    const result = await scanPaths([ws.root], { catalog: getBundledCatalog(), assumptions: DEFAULT_ASSUMPTIONS });
    let hovers = 0;
    let lenses = 0;
    const catalog = getBundledCatalog();
    for (const file of result.files) {
      const targets: HoverTarget[] = [
        ...file.prompts.map((site) => ({ kind: 'prompt' as const, site })),
        ...file.calls.map((site) => ({ kind: 'call' as const, site })),
        ...file.agentLoops.map((site) => ({ kind: 'loop' as const, site })),
      ];
      for (const target of targets) {
        const md = hoverMarkdownFor(file, target, catalog, DEFAULT_ASSUMPTIONS, `file:///${file.path}`, []);
        hovers++;
        assert.doesNotMatch(md, /<img|<script|<\/script/i, `${file.path}:${target.site.line} hover carries raw HTML`);
        const commands = [...md.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.deepEqual([...new Set(commands)].filter((c) => c !== COMPARE_PROVIDERS_COMMAND && c !== SET_ASSUMPTION_COMMAND), [], `${file.path}: only our own command links`);
      }
      for (const spec of lensSpecs(file, catalog, DEFAULT_ASSUMPTIONS)) assert.equal(typeof spec.title, 'string'), lenses++;
    }
    assert.ok(hovers > 50, `hovers built: ${hovers}`);
    process.stdout.write(`      providers: ${hovers} hovers and ${lenses} lens titles built from hostile sites\n`);
  });
});
