/**
 * The Compare Providers panel and `tokenomics compare --format json` must show the
 * same rows for the same workload: the panel's host-side computation is run here in
 * Node and compared with the built CLI's output (dist/cli.js, built by `npm test`).
 * The second part takes the real sites of `examples/` (scanned with the core's
 * scanPaths) and checks the panel's rows for each site's workload the same way.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBundledCatalog } from '../../../src/core/catalog';
import type { TokenizerId } from '../../../src/core/catalog/types';
import { normalizeConfig } from '../../../src/core/config';
import { DEFAULT_ASSUMPTIONS, type Workload } from '../../../src/core/workload';
import { buildCompareData } from '../../../src/extension/webviews/compare/compute';
import { subjectOfSite } from '../../../src/extension/webviews/compare/source';
import { scanPaths } from '../../../src/node/scan';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function cliCompare(args: readonly string[]): { workload: Workload; workloadTokenizer: TokenizerId; unit: string; rows: unknown[]; excluded: unknown[] } {
  assert.ok(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
  const out = execFileSync(process.execPath, [CLI, 'compare', ...args, '--limit', '0', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

/** The panel's data as the page receives it (JSON, as postMessage would carry it). */
function panel(workload: Workload, tokenizer: TokenizerId, model?: string) {
  const data = buildCompareData(getBundledCatalog(), workload, { label: 'test', workloadTokenizer: tokenizer, ...(model ? { workloadModel: model } : {}) });
  return JSON.parse(JSON.stringify(data));
}

function flagsOf(w: Workload, model?: string): string[] {
  return [
    '--input', String(w.inputTokens), '--cached', String(w.cachedInputTokens), '--output', String(w.outputTokens),
    '--reasoning', String(w.reasoningTokens), '--steps', String(w.steps), '--tool-result', String(w.toolResultTokens),
    '--calls-per-day', String(w.callsPerDay),
    ...(w.caching ? [] : ['--no-cache']), ...(w.batch ? ['--batch'] : []), ...(w.cacheWriteTtl ? ['--cache-ttl', w.cacheWriteTtl] : []),
    ...(model ? ['--model', model] : []),
  ];
}

describe('Compare Providers panel agrees with `tokenomics compare --format json`', function () {
  this.timeout(60_000);

  const cases: [string, string[]][] = [
    ['one call, 12k in / 800 out', ['--input', '12000', '--output', '800']],
    ['a 20-step agent task with caching', ['--input', '5000', '--output', '400', '--tool-result', '1500', '--steps', '20', '--calls-per-day', '300']],
    ['counts measured for Claude, batch pricing', ['--input', '3000', '--output', '1000', '--model', 'claude-sonnet-4-5', '--batch']],
  ];
  for (const [name, args] of cases) {
    it(name, () => {
      const cli = cliCompare(args);
      const modelIndex = args.indexOf('--model');
      const ours = panel(cli.workload, cli.workloadTokenizer, modelIndex >= 0 ? args[modelIndex + 1] : undefined);
      assert.ok(cli.rows.length > 10, 'the bundled catalog prices this workload on many offerings');
      assert.equal(ours.unit, cli.unit);
      assert.deepEqual(ours.workload, cli.workload);
      assert.deepEqual(ours.rows, cli.rows);
      assert.deepEqual(ours.excluded, cli.excluded);
    });
  }

  it('self-hosted: one engine: the panel’s cheapest configuration per open model is the CLI’s, at the same price per unit of work', () => {
    const cli = cliCompare(['--input', '6000', '--output', '700', '--steps', '4', '--tool-result', '800', '--self-hosted']) as unknown as {
      workload: Workload; workloadTokenizer: TokenizerId;
      rows: { kind: string; id: string; model: string; perUnit: { kind: string; usd?: number }; tokens: { input: number; output: number; reasoning: number }; detail?: { memoryGB: { required: number } } }[];
    };
    const ours = buildCompareData(getBundledCatalog(), cli.workload, { label: 't', workloadTokenizer: cli.workloadTokenizer });
    let compared = 0;
    for (const first of ours.selfHosted.filter((x, i, all) => all.findIndex((y) => y.model === x.model) === i)) {
      const row = cli.rows.find((r) => r.kind === 'self-hosted' && r.id === `self-hosted/${first.id}`);
      assert.ok(row, `the CLI lists the panel's cheapest ${first.model} configuration ${first.id}`);
      assert.equal(first.memory.requiredGB, row.detail!.memoryGB.required, first.id);
      if (row.perUnit.kind !== 'priced' || first.usdPerMillionTokens === undefined) continue;
      // Same basis: the panel's $/M tokens times the unit's tokens is the CLI row's price per unit.
      const tokens = row.tokens.input + row.tokens.output + row.tokens.reasoning;
      assert.equal(((first.usdPerMillionTokens * tokens) / 1e6).toPrecision(9), row.perUnit.usd!.toPrecision(9), first.id);
      compared++;
    }
    assert.ok(compared >= 3, `compared ${compared} open models`);
  });

  it('on every call and agent loop of examples/, the panel shows the CLI rows, and the site’s own offering at the site’s price', async () => {
    const config = normalizeConfig(JSON.parse(readFileSync(join(ROOT, 'examples', 'tokenomics.json'), 'utf8')), 'examples/tokenomics.json').config;
    const catalog = getBundledCatalog();
    const assumptions = { ...DEFAULT_ASSUMPTIONS, ...config };
    const report = await scanPaths([join(ROOT, 'examples')], { catalog, assumptions, root: join(ROOT, 'examples') });
    const sites = report.files.flatMap((f) => [
      ...f.calls.filter((c) => !c.stepOf).map((site) => ({ file: f, ref: { kind: 'call' as const, site } })),
      ...f.agentLoops.map((site) => ({ file: f, ref: { kind: 'loop' as const, site } })),
    ]);
    assert.ok(sites.length >= 2, `examples/ has calls and loops (found ${sites.length})`);
    let checkedOwnPrice = 0;
    for (const { file, ref } of sites) {
      const subject = subjectOfSite(file, ref, assumptions);
      const cli = cliCompare(flagsOf(subject.workload, subject.workloadModel));
      const ours = panel(subject.workload, cli.workloadTokenizer, subject.workloadModel);
      assert.deepEqual(ours.rows, cli.rows, `${file.path}:${ref.site.line}`);
      // The site's own offering in the panel costs what the report says the site costs.
      const own = ref.kind === 'call' ? ref.site.offering : file.calls.find((c) => c.id === ref.site.callId)?.offering;
      const cost = ref.kind === 'call' ? ref.site.costPerCall : ref.site.costPerTask;
      const row = ours.rows.find((r: { id: string }) => r.id === own);
      if (row && cost.kind === 'priced' && subject.workloadTokenizer) {
        assert.equal(row.perUnit.usd.toFixed(9), cost.usd.toFixed(9), `${file.path}:${ref.site.line} on ${own}`);
        checkedOwnPrice++;
      }
    }
    assert.ok(checkedOwnPrice >= 1, 'at least one site was checked against its own offering');
  });
});
