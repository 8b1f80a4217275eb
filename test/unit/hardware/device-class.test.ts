import * as assert from 'node:assert/strict';
import {
  deviceClassOf,
  deviceFitClassOf,
  effectiveCalibration,
  fittedClassOf,
  engineCalibration,
  estimateHardware,
  findAccelerator,
  findWeightFormat,
  linkKindOf,
  openModelArchitecture,
  prefillPath,
  servingAtConcurrency,
  burstTtftMs,
  type AcceleratorSpec,
  type PerfRequest,
} from '../../../src/core/hardware';

function acc(id: string): AcceleratorSpec {
  const a = findAccelerator(id);
  assert.ok(a, id);
  return a;
}

describe('hardware device classes', () => {
  it('sorts accelerators into datacenter CUDA, consumer CUDA, ROCm, Apple and unified-memory SoCs', () => {
    assert.equal(deviceClassOf(acc('h100-sxm')), 'datacenter-cuda');
    assert.equal(deviceClassOf(acc('a100-80gb')), 'datacenter-cuda');
    assert.equal(deviceClassOf(acc('rtx-4090')), 'consumer-cuda');
    assert.equal(deviceClassOf(acc('rtx-pro-6000')), 'consumer-cuda');
    assert.equal(deviceClassOf(acc('rx-7900-xtx')), 'rocm');
    assert.equal(deviceClassOf(acc('mi300x')), 'rocm');
    assert.equal(deviceClassOf(acc('m2-ultra')), 'apple');
    assert.equal(deviceClassOf(acc('gb10')), 'unified-soc');
    assert.equal(deviceClassOf(acc('jetson-agx-orin')), 'unified-soc');
  });

  it('datacenter CUDA is fitted by generation: Ampere (no FP8) apart from Hopper, falling back to the class where an engine has no Ampere fit', () => {
    assert.equal(deviceFitClassOf(acc('a100-80gb')), 'datacenter-cuda-ampere');
    assert.equal(deviceFitClassOf(acc('a10g')), 'datacenter-cuda-ampere');
    assert.equal(deviceFitClassOf(acc('h100-sxm')), 'datacenter-cuda');
    assert.equal(deviceFitClassOf(acc('l40s')), 'datacenter-cuda');
    assert.equal(deviceFitClassOf(acc('rtx-3090')), 'consumer-cuda');
    const vllm = engineCalibration('vllm');
    assert.equal(fittedClassOf(vllm, acc('a100-80gb')), 'datacenter-cuda-ampere');
    assert.equal(fittedClassOf(vllm, acc('h100-sxm')), 'datacenter-cuda');
    // The public vLLM MoE rows: per-step and per-MoE-layer costs on A100 are several times those on H100.
    const a100 = effectiveCalibration(vllm, acc('a100-80gb'));
    const h100 = effectiveCalibration(vllm, acc('h100-sxm'));
    assert.ok(a100.moeLayerOverheadUs > 1.5 * h100.moeLayerOverheadUs, `${a100.moeLayerOverheadUs} vs ${h100.moeLayerOverheadUs}`);
    assert.ok(a100.stepOverheadMs > h100.stepOverheadMs, `${a100.stepOverheadMs} vs ${h100.stepOverheadMs}`);
    // TensorRT-LLM has no Ampere rows in the fit set: the datacenter class's constants apply, and the basis says so.
    const trt = engineCalibration('trtllm');
    assert.equal(fittedClassOf(trt, acc('a100-80gb')), 'datacenter-cuda');
    assert.deepEqual(effectiveCalibration(trt, acc('a100-80gb')), effectiveCalibration(trt, acc('h100-sxm')));
    const e = estimateHardware({
      model: openModelArchitecture('llama-3.1-8b')!,
      accelerator: acc('a100-80gb'),
      format: findWeightFormat('bf16')!,
      engine: 'trtllm',
      batch: 1,
      inputTokens: 512,
      outputTokens: 128,
    });
    assert.ok(e.basis.assumptions.some((a) => /trtllm on datacenter CUDA without FP8 \(Ampere\) \(fitted on datacenter CUDA\)/.test(a)), e.basis.assumptions.join(' | '));
  });

  it('the same engine reaches a different share of bandwidth per class, and the basis says which class applied', () => {
    const llama = engineCalibration('llama.cpp');
    const apple = effectiveCalibration(llama, acc('m2-ultra'));
    const geforce = effectiveCalibration(llama, acc('rtx-4090'));
    const dc = effectiveCalibration(llama, acc('h100-pcie'));
    assert.notEqual(apple.bandwidthEfficiency, geforce.bandwidthEfficiency);
    assert.notEqual(geforce.bandwidthEfficiency, dc.bandwidthEfficiency);
    const e = estimateHardware({
      model: openModelArchitecture('llama-3.1-8b')!,
      accelerator: acc('m2-ultra'),
      format: findWeightFormat('q4_k_m')!,
      engine: 'llama.cpp',
      batch: 1,
      inputTokens: 512,
      outputTokens: 128,
    });
    assert.ok(e.basis.assumptions.some((a) => /llama\.cpp on Apple GPU \(Metal\) \(fitted on Apple GPU/.test(a)), e.basis.assumptions.join(' | '));
    assert.match(e.basis.engine, /Fit represents llama\.cpp builds/);
  });

  it('quantized prompts run on INT8 tensor cores in current llama.cpp on NVIDIA, unpacked to 16-bit in old builds and on Metal', () => {
    const llama = engineCalibration('llama.cpp');
    const q4 = findWeightFormat('q4_0')!;
    const now = prefillPath(acc('rtx-4090'), q4, llama);
    assert.equal(now.peakTflops, acc('rtx-4090').tflops.int8);
    assert.equal(now.formatEfficiency, 1);
    const old = prefillPath(acc('rtx-4090'), q4, llama, '2023-12-15');
    assert.equal(old.peakTflops, acc('rtx-4090').tflops.fp16);
    assert.equal(old.formatEfficiency, q4.prefillEfficiency);
    const metal = prefillPath(acc('m2-ultra'), q4, llama);
    assert.equal(metal.peakTflops, acc('m2-ultra').tflops.fp16);
    // vLLM runs FP8 on FP8 tensor cores where the chip has them.
    assert.equal(prefillPath(acc('h100-sxm'), findWeightFormat('fp8')!, engineCalibration('vllm')).peakTflops, acc('h100-sxm').tflops.fp8);
  });

  it('tensor parallel over PCIe slows single-stream decode of a small model, and gains less than over NVLink', () => {
    assert.equal(linkKindOf(acc('rtx-4090')), 'pcie');
    assert.equal(linkKindOf(acc('h100-sxm')), 'nvlink');
    const vllm = engineCalibration('vllm');
    assert.ok((vllm.pcieAllReduceUs ?? 0) > vllm.allReduceUs, 'a PCIe all-reduce costs more than an NVLink one');
    const decode = (gpu: string, n: number, model = 'llama-3.2-1b') =>
      estimateHardware({
        model: openModelArchitecture(model)!,
        accelerator: acc(gpu),
        format: findWeightFormat('bf16')!,
        engine: 'vllm',
        accelerators: n,
        batch: 1,
        inputTokens: 256,
        outputTokens: 256,
      }).decodeTokensPerSecond.perUser;
    assert.ok(decode('rtx-4090', 4) < decode('rtx-4090', 1), `PCIe TP4 ${decode('rtx-4090', 4)} vs TP1 ${decode('rtx-4090', 1)}`);
    // Same device class, different link: H100 PCIe cards vs H100 SXM on NVLink.
    const speedup = (gpu: string) => decode(gpu, 4, 'llama-3.1-8b') / decode(gpu, 1, 'llama-3.1-8b');
    assert.equal(linkKindOf(acc('h100-pcie')), 'pcie');
    assert.ok(speedup('h100-sxm') > 1, `NVLink TP4 speedup ${speedup('h100-sxm')}`);
    assert.ok(speedup('h100-pcie') < speedup('h100-sxm'), `PCIe ${speedup('h100-pcie')} vs NVLink ${speedup('h100-sxm')}`);
  });

  it('under load TTFT grows with concurrency and jumps once requests queue beyond the scheduler capacity', () => {
    const req: PerfRequest = {
      model: openModelArchitecture('llama-3.3-70b')!,
      format: findWeightFormat('fp8')!,
      kvBytesPerElement: 1,
      accelerator: acc('h100-sxm'),
      engine: engineCalibration('trtllm'),
      accelerators: 2,
      batch: 1,
      inputTokens: 5000,
      outputTokens: 500,
    };
    const one = servingAtConcurrency(req, 1, 80);
    const busy = servingAtConcurrency(req, 50, 80);
    const queued = servingAtConcurrency(req, 100, 80);
    assert.ok(busy.ttftMs > one.ttftMs);
    assert.equal(queued.running, 80);
    assert.equal(queued.queued, 20);
    assert.ok(queued.ttftMs > 5 * busy.ttftMs, `${queued.ttftMs} vs ${busy.ttftMs}`);
    assert.ok(busy.outputTokensPerSecond > 10 * one.outputTokensPerSecond);
    // The estimate reports the same load: 100 clients on 2 × H100 queue beyond what the KV cache holds.
    const est = estimateHardware({
      model: req.model,
      accelerator: req.accelerator,
      format: req.format,
      engine: 'trtllm',
      kvPrecision: 'fp8',
      accelerators: 2,
      batch: 100,
      inputTokens: 5000,
      outputTokens: 500,
    });
    assert.ok(est.underLoad.queued > 0 && est.underLoad.running === est.underLoad.capacity, JSON.stringify(est.underLoad));
    assert.ok(est.underLoad.ttftMs > 5 * est.ttftMs);
    // A burst of 8 prompts prefilled together takes longer than one, but less than 8 lone prefills.
    const b1 = burstTtftMs(req, 1);
    const b8 = burstTtftMs(req, 8);
    assert.ok(b8 > b1 && b8 < 8 * b1);
  });
});
