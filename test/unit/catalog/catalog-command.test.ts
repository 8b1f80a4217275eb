import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';

async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd, readStdin: async () => '' };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('cli: tokenomics catalog (bundled catalog)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokenomics-catalog-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('summary names the upstream source, the date and the regenerate command', async () => {
    const r = await run(dir, 'catalog');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /offerings\s+\d+/);
    assert.match(r.out, /@pydantic\/genai-prices@[\d.]+/);
    assert.match(r.out, /npm run catalog:update/);
  });

  it('offerings --model takes any alias and --provider filters (JSON keeps sources)', async () => {
    const r = await run(dir, 'catalog', 'offerings', '--model', 'anthropic/claude-sonnet-4-5-20250929', '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.command, 'catalog');
    assert.equal(j.section, 'offerings');
    assert.deepEqual(j.offerings.map((o: { id: string }) => o.id).sort(), ['anthropic/claude-sonnet-4-5', 'bedrock-regional/claude-sonnet-4-5', 'bedrock/claude-sonnet-4-5', 'google/claude-sonnet-4-5', 'openrouter/claude-sonnet-4-5']);
    assert.ok(j.offerings.every((o: { source: string; asOf: string }) => o.source && o.asOf));
    const groq = JSON.parse((await run(dir, 'catalog', 'offerings', '--provider', 'groq', '--format', 'json')).out);
    assert.ok(groq.offerings.length >= 5 && groq.offerings.every((o: { provider: string }) => o.provider === 'groq'));
  });

  it('CSV has one header line and one line per row, unpriced cells empty', async () => {
    const r = await run(dir, 'catalog', 'offerings', '--provider', 'groq', '--format', 'csv');
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], /^offering,input,cached,/);
    const llama = lines.find((l) => l.startsWith('groq/llama-3.3-70b,'))!;
    assert.match(llama, /^groq\/llama-3\.3-70b,0\.59,,,,0\.79,/);
  });

  it('includes custom models and price overrides of tokenomics.json', async () => {
    writeFileSync(join(dir, 'tokenomics.json'), JSON.stringify({ customModels: [{ id: 'acme-llm', contextWindow: 8192, offerings: [{ provider: 'acme', input: 1, output: 2 }] }], priceOverrides: [{ model: 'gpt-4o', provider: 'openai', input: 2 }] }));
    try {
      const j = JSON.parse((await run(dir, 'catalog', 'offerings', '--format', 'json')).out);
      const ids = new Map(j.offerings.map((o: { id: string; prices: object }) => [o.id, o.prices]));
      assert.deepEqual(ids.get('acme/acme-llm'), { input: 1, output: 2 });
      assert.deepEqual(ids.get('openai/gpt-4o'), { input: 2, cachedRead: 1.25, output: 10 });
    } finally {
      rmSync(join(dir, 'tokenomics.json'));
    }
  });

  it('unknown section, model or provider: one line with the nearest known, exit 2', async () => {
    const a = await run(dir, 'catalog', 'offering');
    assert.equal(a.code, 2);
    assert.match(a.err, /unknown section 'offering' \(did you mean offerings\?\)/);
    const b = await run(dir, 'catalog', 'models', '--model', 'gpt-4oo');
    assert.equal(b.code, 2);
    assert.match(b.err, /unknown model 'gpt-4oo'; nearest known model: gpt-4o/);
    const c = await run(dir, 'catalog', 'offerings', '--provider', 'grok');
    assert.equal(c.code, 2);
    assert.match(c.err, /unknown provider 'grok' \(did you mean groq\?\)/);
  });

  it('frameworks list every step default; unbounded ones say so', async () => {
    const r = await run(dir, 'catalog', 'frameworks');
    assert.equal(r.code, 0);
    assert.match(r.out, /langgraph\s+both\s+recursion_limit\s+25/);
    assert.match(r.out, /claude-agent-sdk.*unbounded/);
  });
});
