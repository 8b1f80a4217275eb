import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';
import { useCatalogForTests } from '../../../src/cli/catalog-source';
import { fixtureCatalog } from '../cost/fixture-catalog';

async function runIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd, readStdin: async () => '' };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('cli commands read tokenomics.json', () => {
  let dir: string;
  before(() => {
    useCatalogForTests(fixtureCatalog);
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-cli-'));
    writeFileSync(
      join(dir, 'tokenomics.json'),
      JSON.stringify({
        outputTokens: 800,
        callsPerDay: 10,
        unboundedSteps: 4,
        customModels: [{ id: 'acme-large', contextWindow: 100000, offerings: [{ provider: 'openai', input: 1, output: 4 }] }],
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{ "outputTokens": "many" }');
  });
  after(() => {
    useCatalogForTests(undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('custom models are priced and the file assumptions are the defaults', async () => {
    const r = await runIn(dir, 'estimate', '--model', 'acme-large', '--input', '1000', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.price.usd, 0.0042); // 1000 × $1/M + 800 (from the file) × $4/M
    assert.equal(j.monthly.usd, 1.26); // × 10 calls/day × 30
    assert.deepEqual(j.assumed, ['output 800 tokens', '10 calls/day']);
  });

  it('flags win over the file', async () => {
    const j = JSON.parse((await runIn(dir, 'estimate', '--model', 'acme-large', '--input', '1000', '--output', '100', '--format', 'json')).out);
    assert.equal(j.price.usd, 0.0014);
  });

  it('agent takes the unbounded step count from the file', async () => {
    const j = JSON.parse((await runIn(dir, 'agent', '--model', 'gpt-4.1', '--input', '1000', '--format', 'json')).out);
    assert.equal(j.estimate.steps.length, 4);
  });

  it('a bad value is reported on stderr with its line, and the command goes on', async () => {
    const r = await runIn(dir, 'estimate', '--model', 'gpt-4.1', '--input', '1000', '--config', 'broken.json');
    assert.equal(r.code, 0);
    assert.match(r.err, /^tokenomics estimate: .*broken\.json:1: outputTokens/m);
  });

  it('--config naming a missing file is an error', async () => {
    const r = await runIn(dir, 'estimate', '--model', 'gpt-4.1', '--input', '1000', '--config', 'nope.json');
    assert.equal(r.code, 2);
    assert.match(r.err, /settings file not found: .*nope\.json/);
  });
});

describe('cli compare reads tokenomics.json', () => {
  let dir: string;
  before(() => {
    useCatalogForTests(fixtureCatalog);
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-cli-'));
    writeFileSync(
      join(dir, 'tokenomics.json'),
      JSON.stringify({ customModels: [{ id: 'acme-large', tokenizer: 'o200k_base', contextWindow: 100000, offerings: [{ provider: 'openai', input: 0.01, output: 0.01 }] }] }),
    );
  });
  after(() => {
    useCatalogForTests(undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('custom models join the comparison', async () => {
    const r = await runIn(dir, 'compare', '--input', '1000', '--output', '100', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.rows[0].id, 'openai/acme-large');
    assert.equal(j.rows[0].perUnit.usd, 0.000011); // 1,100 tokens × $0.01/M
  });
});
