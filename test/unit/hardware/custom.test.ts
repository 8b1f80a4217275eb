import * as assert from 'node:assert/strict';
import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';
import { customArchitecture, estimateHardware, findAccelerator, findWeightFormat, moeFromTotals, openModelArchitecture, paramsTouchedB } from '../../../src/core/hardware';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTty: false, cwd: process.cwd(), readStdin: async () => '' };
  const code = await main(['hardware', ...args], io);
  return { code, out, err };
}

describe('custom-spec models (--params / --active-params)', () => {
  // Qwen3-30B-A3B's stated active parameters match its expert layout (1.5B shared + 29B routed · 8/128).
  const catalog = openModelArchitecture('qwen3-30b-a3b')!;
  const acc = findAccelerator('h100-sxm')!;
  const fp4 = findWeightFormat('fp8')!;

  it('a custom MoE reads the experts touched per step, like the catalog model of the same architecture', () => {
    const { model } = customArchitecture({
      totalParamsB: catalog.totalParamsB,
      activeParamsB: catalog.activeParamsB,
      layers: catalog.layers,
      kvHeads: catalog.kvHeads,
      headDim: catalog.headDim,
      heads: catalog.heads,
      hiddenSize: catalog.hiddenSize,
      experts: catalog.moe!.experts,
      expertsPerToken: catalog.moe!.expertsPerToken,
    });
    assert.ok(model.moe, 'total > active makes a mixture of experts');
    for (const tokens of [1, 4, 32, 256]) {
      const custom = paramsTouchedB(model, tokens);
      const cat = paramsTouchedB(catalog, tokens);
      assert.ok(Math.abs(custom - cat) / cat < 0.03, `tokens ${tokens}: custom ${custom} vs catalog ${cat}`);
    }
    const base = { accelerator: acc, format: fp4, engine: 'vllm' as const, inputTokens: 1000, outputTokens: 200 };
    for (const batch of [1, 16]) {
      const c = estimateHardware({ ...base, model, batch }).decodeTokensPerSecond.perUser;
      const k = estimateHardware({ ...base, model: { ...catalog, slidingWindow: undefined }, batch }).decodeTokensPerSecond.perUser;
      assert.ok(Math.abs(c - k) / k < 0.05, `batch ${batch}: custom ${c} vs catalog ${k}`);
    }
  });

  it('without expert counts the split still reproduces the stated active parameters and never exceeds the total', () => {
    for (const [t, a] of [[116.8, 5.1], [30.5, 3.3], [671, 37], [47, 13], [20, 19]] as const) {
      const { moe } = moeFromTotals(t, a);
      assert.ok(moe.routedParamsB <= t + 1e-9);
      const active = t - moe.routedParamsB + (moe.routedParamsB * moe.expertsPerToken) / moe.experts;
      assert.ok(Math.abs(active - a) < 1e-6, `${t}/${a}: ${active}`);
    }
  });

  it('the CLI: --params 116.8 --active-params 5.1 on a 273 GB/s device decodes at tens of tok/s, not 3', async () => {
    const r = await cli(['--params', '116.8', '--active-params', '5.1', '--layers', '36', '--kv-heads', '8', '--head-dim', '64', '--heads', '64', '--hidden', '2880',
      '--bandwidth-gbs', '273', '--tflops', '100', '--memory-gb', '128', '--precision', 'fp4', '--engine', 'llama.cpp', '--batch', '1', '--input', '512', '--output', '128', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out).estimate;
    assert.ok(e.decodeTokensPerSecond.perUser > 25, `decode ${e.decodeTokensPerSecond.perUser}`);
    assert.ok(e.basis.assumptions.some((a: string) => /experts per token assumed/.test(a)), 'the assumed expert layout is stated');
  });

  it('no epoch date where no date exists', async () => {
    const r = await cli(['--params', '8', '--layers', '32', '--kv-heads', '8', '--head-dim', '128', '--bandwidth-gbs', '1000', '--tflops', '200', '--memory-gb', '48', '--precision', 'q4_k_m']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /1970-01-01/);
    assert.match(r.out, /model user-supplied flags/);
  });
});
