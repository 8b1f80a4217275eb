import * as assert from 'node:assert/strict';
import {
  acceleratorsNeeded,
  engineCalibration,
  findAccelerator,
  findWeightFormat,
  kvBytesForContext,
  kvBytesPerToken,
  memoryFit,
  openModelArchitecture,
  weightBytes,
  type FitRequest,
} from '../../../src/core/hardware';

function must<T>(v: T | undefined, what: string): T {
  assert.ok(v, `missing ${what}`);
  return v;
}

const llama70 = must(openModelArchitecture('llama-3.3-70b'), 'llama-3.3-70b');
const h100 = must(findAccelerator('h100-sxm'), 'h100-sxm');
const bf16 = must(findWeightFormat('bf16'), 'bf16');
const int4 = must(findWeightFormat('int4'), 'int4');

function request(overrides: Partial<FitRequest> = {}): FitRequest {
  return {
    model: llama70,
    format: bf16,
    kvBytesPerElement: 2,
    accelerator: h100,
    engine: engineCalibration('vllm'),
    batch: 1,
    contextTokens: 4096,
    ...overrides,
  };
}

describe('hardware memory fit', () => {
  it('Llama 3.3 70B in BF16 is 141.2 GB of weights (70.6B × 2 bytes)', () => {
    assert.equal(weightBytes(llama70, bf16), 141.2e9);
  });

  it('needs 2 × H100 80GB in BF16 under vLLM, and 1 in INT4 (4.25 bits: 37.5 GB)', () => {
    // One H100: 80 GiB = 85.9 GB × 0.9 (gpu_memory_utilization) = 77.3 GB usable < 141.2 GB.
    assert.equal(memoryFit(request(), 1).fits, false);
    assert.equal(acceleratorsNeeded(request()), 2);
    assert.ok(Math.abs(weightBytes(llama70, int4) - 37.50625e9) < 1e3);
    assert.equal(acceleratorsNeeded(request({ format: int4 })), 1);
  });

  it('KV cache per token of Llama 3 70B is 2·80·8·128·2 = 327,680 bytes', () => {
    assert.equal(kvBytesPerToken(llama70, 2), 327_680);
    assert.equal(kvBytesPerToken(llama70, 1), 163_840);
  });

  it('DeepSeek V3 with MLA stores 61 · (512 + 64) · 2 = 70,272 bytes per token', () => {
    const ds = must(openModelArchitecture('deepseek-v3'), 'deepseek-v3');
    assert.equal(kvBytesPerToken(ds, 2), 70_272);
  });

  it('sliding-window layers stop growing at their window (gpt-oss-120b: 18 of 36 layers at 128)', () => {
    const oss = must(openModelArchitecture('gpt-oss-120b'), 'gpt-oss-120b');
    // per layer per token: 2 · 8 kv heads · 64 · 2 bytes = 2048; 18 full layers × 1000 + 18 × 128
    assert.equal(kvBytesForContext(oss, 2, 1000), 2048 * (18 * 1000 + 18 * 128));
  });

  it('batch × context grows the KV cache until a larger deployment is needed', () => {
    const small = request({ format: int4, batch: 1, contextTokens: 8192 });
    const big = request({ format: int4, batch: 64, contextTokens: 8192 });
    // 64 · 8192 · 327,680 B = 171.8 GB of KV cache
    assert.ok(Math.abs(memoryFit(big, 4).kvCacheGB - 171.798691840) < 1e-6);
    assert.equal(acceleratorsNeeded(small), 1);
    assert.equal(acceleratorsNeeded(big), 4);
  });

  it('Apple unified memory counts 75% as usable by the GPU', () => {
    const m2 = must(findAccelerator('m2-ultra'), 'm2-ultra');
    const fit = memoryFit(request({ accelerator: m2, engine: engineCalibration('llama.cpp'), format: bf16 }), 1);
    // 192 GiB = 206.16 GB × 0.75 = 154.6 GB ≥ 141.2 + KV + 0.8
    assert.ok(Math.abs(fit.perAccelerator.availableGB - 154.618822656) < 1e-6);
    assert.equal(fit.fits, true);
  });
});
