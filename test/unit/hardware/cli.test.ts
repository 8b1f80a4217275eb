import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stderrIsTty: false,
    cwd: process.cwd(),
    readStdin: async () => '',
  };
  const code = await main(['hardware', ...args], io);
  return { code, out, err };
}

describe('tokenomics hardware (CLI)', () => {
  it('--format json carries the documented keys', async () => {
    const r = await run(['--model', 'llama-3.3-70b', '--gpu', 'h100-sxm', '--gpus', '2', '--precision', 'fp8', '--batch', '8', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out).estimate;
    for (const key of ['decodeTokensPerSecond', 'prefillTokensPerSecond', 'ttftMs', 'fits', 'acceleratorsNeeded', 'usdPerMillionTokens', 'breakEven', 'basis', 'memory', 'totalLatencyMs']) {
      assert.ok(key in e, key);
    }
    assert.equal(e.fits, true);
    assert.equal(e.acceleratorsNeeded, 2);
    assert.equal(e.batch, 8);
    assert.equal(e.memory.kvBytesPerToken, 327680);
    assert.equal(e.usdPerHour, 2 * 2.99);
  });

  it('explicit specs model hardware and models not in the catalog', async () => {
    const r = await run(['--params', '32', '--layers', '64', '--kv-heads', '8', '--head-dim', '128', '--hidden', '5120', '--bandwidth-gbs', '1000', '--tflops', '200', '--memory-gb', '48', '--precision', 'q4_k_m', '--usd-per-hour', '1', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out).estimate;
    assert.equal(e.model, 'custom');
    assert.equal(e.engine, 'llama.cpp');
    // 32e9 · 4.89 / 8 = 19.56 GB of weights
    assert.ok(Math.abs(e.memory.weightsGB - 19.56) < 1e-9);
    assert.equal(e.usdPerHour, 1);
  });

  it('--model alone lists the accelerator × precision options that fit', async () => {
    const r = await run(['--model', 'llama-3.1-8b', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const body = JSON.parse(r.out);
    assert.ok(body.options.length > 10);
    assert.ok(body.options.every((o: { fits: boolean }) => o.fits));
  });

  it('an unknown model is a clear error with a suggestion, exit 2', async () => {
    const r = await run(['--model', 'llama-3.3-70', '--gpu', 'h100']);
    assert.equal(r.code, 2);
    assert.match(r.err, /did you mean llama-3\.3-70b/);
  });

  it('an incomplete custom model names what is missing', async () => {
    const r = await run(['--params', '7', '--gpu', 'h100']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--layers, --kv-heads, --head-dim/);
  });

  it('prints the table with fit, speed and price', async () => {
    const r = await run(['--model', 'llama-3.3-70b', '--gpu', 'h100-sxm', '--precision', 'int4']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /accelerators needed\s+1/);
    assert.match(r.out, /\$\/M tokens/);
  });
});
