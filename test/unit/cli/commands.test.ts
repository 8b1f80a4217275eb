import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { fixtureCatalog } from '../cost/fixture-catalog';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd: process.cwd(), readStdin: async () => '' };
  const code = await main(argv, io);
  return { code, out, err };
}

async function json(...argv: string[]): Promise<any> {
  const r = await run(...argv, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out);
}

describe('cli commands (fixture catalog)', () => {
  before(() => useCatalogForTests(fixtureCatalog));
  after(() => useCatalogForTests(undefined));

  describe('estimate', () => {
    it('prices one call with breakdown, latency and monthly figure (JSON)', async () => {
      const j = await json('estimate', '--model', 'gpt-4.1', '--input', '10000', '--output', '500');
      assert.equal(j.version, 1);
      assert.equal(j.command, 'estimate');
      assert.deepEqual(j.catalog, { asOf: '2026-01-01', source: 'test fixture' });
      assert.equal(j.offering, 'openai/gpt-4.1');
      assert.equal(j.price.usd, 0.024);
      assert.deepEqual(j.price.breakdown, { freshInput: 0.02, cachedRead: 0, cacheWrite: 0, output: 0.004, reasoning: 0 });
      assert.equal(j.latency.ttftMs, 1000);
      assert.equal(j.latency.totalMs, 6000);
      assert.equal(j.monthly.usd, 720);
      assert.deepEqual(j.assumed, ['1000 calls/day']);
    });

    it('table: components, list prices, total, basis', async () => {
      const r = await run('estimate', '--model', 'claude-sonnet-4-5', '--input', '12k', '--cached', '10k', '--output', '800');
      assert.equal(r.code, 0, r.err);
      const lines = r.out.split('\n');
      assert.equal(lines[0], 'claude-sonnet-4-5 on anthropic — one call');
      assert.match(r.out, /^fresh input +2,000 +\$3\.00\/M +\$0\.006$/m);
      assert.match(r.out, /^cached read +10,000 +\$0\.30\/M +\$0\.003$/m);
      assert.match(r.out, /^output +800 +\$15\.00\/M +\$0\.012$/m);
      assert.match(r.out, /^total +12,800 +\$0\.021$/m);
      assert.match(r.out, /^latency: TTFT 1\.1 s, total 17 s at 50 tok\/s \(catalog: test fixture/m);
      assert.match(r.out, /^prices: anthropic\/claude-sonnet-4-5 from test fixture, as of 2026-01-01$/m);
      assert.match(r.out, /^catalog: test fixture; prices as of 2026-01-01$/m);
    });

    it('batch and tiers are reported', async () => {
      const j = await json('estimate', '--model', 'claude-sonnet-4-5', '--input', '250000', '--output', '1000', '--batch');
      // (250,000 × 6 + 1,000 × 22.5) / 1e6 × 0.5
      assert.equal(j.price.usd, 0.76125);
      assert.equal(j.price.tierAboveInputTokens, 200000);
      assert.equal(j.price.batchDiscount, 0.5);
    });

    it('an offering without prices is unpriced, with what is missing', async () => {
      const r = await run('estimate', '--model', 'unpriced-model', '--input', '100', '--output', '10');
      assert.equal(r.code, 0);
      assert.match(r.out, /^total +110 +unpriced$/m);
      assert.match(r.out, /unpriced: missing input price \(mystery\/unpriced-model\), output price \(mystery\/unpriced-model\)/);
    });

    it('usage errors exit 2 with one clear line', async () => {
      const r = await run('estimate', '--model', 'gpt-4.1', '--input', 'ten');
      assert.equal(r.code, 2);
      assert.equal(r.err.split('\n')[0], "tokenomics estimate: --input must be a number (got 'ten')");
      const missing = await run('estimate', '--input', '10');
      assert.equal(missing.code, 2);
      assert.match(missing.err, /--model is required/);
      const tooMuch = await run('estimate', '--model', 'gpt-4.1', '--input', '10', '--cached', '20');
      assert.match(tooMuch.err, /--cached \+ --cache-write \(20\) cannot exceed --input \(10\)/);
    });

    it('unknown model: one line naming the nearest known model, exit 2', async () => {
      const r = await run('estimate', '--model', 'gpt-4.2', '--input', '10');
      assert.equal(r.code, 2);
      assert.equal(r.err, "tokenomics estimate: unknown model 'gpt-4.2'; nearest known model: gpt-4.1\n");
    });

    it('unknown provider for a model names the providers that offer it', async () => {
      const r = await run('estimate', '--model', 'gpt-4.1', '--input', '10', '--provider', 'azure');
      assert.equal(r.code, 2);
      assert.match(r.err, /no offering of gpt-4\.1 from provider 'azure'; offered by: openai/);
    });

    it('--help prints the usage with every flag', async () => {
      const r = await run('estimate', '--help');
      assert.equal(r.code, 0);
      for (const flag of ['--model', '--input', '--output', '--cached', '--cache-write', '--reasoning', '--batch', '--provider', '--format']) assert.ok(r.out.includes(flag), flag);
    });
  });

  describe('agent', () => {
    it('per-step rows, totals and the agent tax (JSON)', async () => {
      const j = await json('agent', '--model', 'claude-sonnet-4-5', '--system', '1500', '--tools', '400', '--task', '100', '--output', '100', '--tool-result', '400', '--steps', '3');
      const a = j.estimate;
      assert.deepEqual(a.steps.map((s: any) => [s.inputTokens, s.cachedRead, s.cacheWrite, s.price.usd]), [
        [2000, 0, 2000, 0.009],
        [2500, 2000, 500, 0.003975],
        [3000, 2500, 500, 0.004125],
      ]);
      assert.equal(a.totals.cost.usd, 0.0171);
      assert.equal(a.agentTax, 2.28);
      assert.equal(j.monthly.usd, 513); // 0.0171 × 1000 × 30
    });

    it('--no-cache raises the tax; table shows steps and totals', async () => {
      const r = await run('agent', '--model', 'claude-sonnet-4-5', '--input', '2000', '--output', '100', '--tool-result', '400', '--steps', '3', '--no-cache');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^claude-sonnet-4-5 on anthropic — agent task, 3 steps, no caching$/m);
      assert.match(r.out, /^ +3 +3,000 +0 +0 +3,000 +100 +\$0\.011 +3\.1 s$/m); // 3000 × 3 + 100 × 15 = $0.0105; 1000 + 150 + 2000 ms
      assert.match(r.out, /^cost per task: \$0\.027$/m);
      assert.match(r.out, /^agent tax: ×3\.6 the single call$/m);
    });

    it('flags the overflow step and the steps that cannot run', async () => {
      const r = await run('agent', '--model', 'tiny-model', '--input', '2000', '--output', '100', '--tool-result', '400', '--steps', '5');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /^ +3 +3,000 .*⚠ context overflow$/m);
      assert.match(r.out, /^ +4 .*not run$/m);
      assert.match(r.out, /^⚠ step 3 overflows the 3,000-token context window/m);
      assert.match(r.out, /^agent tax: — \(task does not complete\)$/m);
    });

    it('without --steps the loop is unbounded: the assumed count is used and said', async () => {
      const j = await json('agent', '--model', 'gpt-4.1', '--input', '1000');
      assert.equal(j.estimate.steps.length, 25);
      assert.equal(j.estimate.stepsAssumed, true);
      assert.match(j.assumed[0], /^25 steps/);
    });

    it('csv has one row per step', async () => {
      const r = await run('agent', '--model', 'gpt-4.1', '--input', '1500', '--output', '100', '--tool-result', '300', '--steps', '3', '--format', 'csv');
      assert.equal(
        r.out,
        'step,input,cached,written,fresh,output,cost,latency,note\r\n' +
          '1,1500,0,0,1500,100,0.0038,1575,\r\n' +
          '2,1900,1408,0,492,100,0.002488,1524.6,\r\n' +
          '3,2300,1792,0,508,100,0.002712,1525.4,\r\n',
      );
    });
  });

  describe('compare', () => {
    it('ranks every fitting offering, marks the front, puts unpriced last', async () => {
      const j = await json('compare', '--input', '2000', '--output', '1000', '--tokenizer', 'o200k_base', '--no-cache');
      assert.equal(j.unit, 'call');
      const ids = j.rows.map((r: any) => r.id);
      assert.equal(ids[ids.length - 1], 'mystery/unpriced-model');
      for (const r of j.rows) if (r.pareto) assert.equal(r.perUnit.kind, 'priced');
      assert.ok(j.rows.some((r: any) => r.pareto));
      // tiny-model counts ≈10% more tokens ('other' tokenizer): 2,200 + 1,100 > its 3,000-token window.
      assert.equal(j.totalRows, 5);
      assert.deepEqual(j.excluded.map((e: any) => e.id), ['mystery/tiny-model']);
    });

    it('--provider, --open-weight, --limit', async () => {
      const j = await json('compare', '--input', '2000', '--provider', 'openai,google');
      assert.deepEqual(j.rows.map((r: any) => r.provider).sort(), ['google', 'openai']);
      const open = await json('compare', '--input', '2000', '--open-weight');
      assert.deepEqual(open.rows.map((r: any) => r.id), ['together/llama-3.3-70b']);
      const limited = await run('compare', '--input', '2000', '--limit', '2');
      assert.match(limited.out, /^2 of 6 offerings for one call — ranked by cost$/m);
      assert.match(limited.out, /^showing 2 of 6; --limit 0 shows all$/m);
    });

    it('--model: counts are in that model\'s tokenizer, its rows are marked', async () => {
      const j = await json('compare', '--input', '2000', '--output', '100', '--model', 'claude-sonnet-4-5');
      assert.equal(j.workloadTokenizer, 'claude');
      const claude = j.rows.find((r: any) => r.id === 'anthropic/claude-sonnet-4-5');
      assert.deepEqual([claude.tokensExact, claude.tokens.input], [true, 2000]);
      const gpt = j.rows.find((r: any) => r.id === 'openai/gpt-4.1');
      assert.ok(gpt.tokens.input < 2000, 'o200k_base counts fewer tokens than Claude for the same text');
      const table = await run('compare', '--input', '2000', '--output', '100', '--model', 'claude-sonnet-4-5');
      assert.match(table.out, /anthropic\/claude-sonnet-4-5 ←/);
    });

    it('says when reasoning models are compared with no reasoning tokens assumed', async () => {
      const reasoningCatalog = { ...fixtureCatalog, models: fixtureCatalog.models.map((m) => (m.id === 'gpt-4.1' ? { ...m, reasoning: true } : m)) };
      useCatalogForTests(reasoningCatalog);
      try {
        const r = await run('compare', '--input', '2000');
        assert.match(r.out, /^reasoning models \(gpt-4\.1\) also bill hidden reasoning tokens; none are assumed here: pass --reasoning N$/m);
        const given = await run('compare', '--input', '2000', '--reasoning', '500');
        assert.doesNotMatch(given.out, /hidden reasoning tokens/);
      } finally {
        useCatalogForTests(fixtureCatalog);
      }
    });

    it('agent workloads compare per task, with the agent tax column', async () => {
      const r = await run('compare', '--input', '1000', '--output', '100', '--tool-result', '400', '--steps', '5', '--format', 'markdown');
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /\| # \| offering \| \$\/task \| \$\/month \| TTFT \| speed \| latency \| tokens in\/out \| agent tax \| front \|/);
      assert.match(r.out, /left out \(context window too small\): 1 — mystery\/tiny-model/);
    });
  });
});

describe('cli commands (bundled catalog, no literal prices)', () => {
  it('estimate prices a well-known model and names the catalog it used', async () => {
    const j = await json('estimate', '--model', 'gpt-4.1', '--input', '1000', '--output', '100');
    assert.equal(j.price.kind, 'priced');
    assert.ok(j.price.usd > 0);
    assert.match(j.catalog.asOf, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('compare over the whole catalog: unpriced last, the front priced and undominated', async () => {
    const j = await json('compare', '--input', '5000', '--output', '500', '--steps', '10', '--tool-result', '1000');
    const rows = j.rows as any[];
    assert.ok(rows.length > 10);
    const firstUnpriced = rows.findIndex((r) => r.perUnit.kind === 'unpriced');
    if (firstUnpriced >= 0) assert.ok(rows.slice(firstUnpriced).every((r) => r.perUnit.kind === 'unpriced'));
    const front = rows.filter((r) => r.pareto);
    assert.ok(front.length > 0);
    for (const f of front) {
      assert.ok(!rows.some((r) => r.perUnit.kind === 'priced' && r.perUnit.usd <= f.perUnit.usd && r.latencyMs <= f.latencyMs && (r.perUnit.usd < f.perUnit.usd || r.latencyMs < f.latencyMs)));
    }
  });
});

describe('cli estimate: tiers and context window (fixture catalog)', () => {
  before(() => useCatalogForTests(fixtureCatalog));
  after(() => useCatalogForTests(undefined));

  it('shows the tier prices it applied', async () => {
    const r = await run('estimate', '--model', 'claude-sonnet-4-5', '--input', '250k', '--output', '1k');
    assert.match(r.out, /^fresh input +250,000 +\$6\.00\/M +\$1\.50$/m);
    assert.match(r.out, /^output +1,000 +\$22\.50\/M +\$0\.022$/m);
    assert.match(r.out, /^long-context tier: prompt above 200,000 tokens/m);
  });

  it('does not price a request over the context window, as `agent` does not (unpriced, exit 0)', async () => {
    // 2,900 input + 200 output = 3,100 tokens > tiny-model's 3,000-token window: the API rejects it, so no price.
    const r = await run('estimate', '--model', 'tiny-model', '--input', '2900', '--output', '200');
    assert.equal(r.code, 0);
    assert.match(r.out, /^⚠ the request \(3,100 tokens with output\) exceeds the 3,000-token context window of tiny-model: the API would reject it, so it is not priced$/m);
    assert.match(r.out, /^total +3,100 +unpriced$/m);
    const j = JSON.parse((await run('estimate', '--model', 'tiny-model', '--input', '2900', '--output', '200', '--format', 'json')).out);
    assert.equal(j.price.kind, 'unpriced');
    assert.deepEqual(j.price.missing, ['a context window of at least 3100 tokens (tiny-model has 3000)']);
    assert.equal(j.exceedsContextWindow, true);
    // The same request as a one-step agent task: the same kind of result, the same exit code.
    const a = await run('agent', '--model', 'tiny-model', '--input', '2900', '--output', '200', '--steps', '1', '--format', 'json');
    assert.equal(a.code, r.code);
    assert.deepEqual(JSON.parse(a.out).estimate.totals.cost, j.price);
    // 2,700 + 200 = 2,900 fits: priced as usual (2,700 × $1/M + 200 × $2/M = $0.0031).
    const fits = JSON.parse((await run('estimate', '--model', 'tiny-model', '--input', '2700', '--output', '200', '--format', 'json')).out);
    assert.equal(fits.price.kind, 'priced');
    assert.ok(Math.abs(fits.price.usd - 0.0031) < 1e-12, String(fits.price.usd));
  });
});
