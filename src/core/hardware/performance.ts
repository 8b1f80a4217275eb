/**
 * Speed of serving: a roofline per decode step and per prompt, plus the costs
 * real engines add (a fixed step overhead, a per-layer overhead, tensor-parallel
 * all-reduces) and the engine's multi-accelerator scheme:
 *
 *   step = max(bytes / (bw · eff_bw · eff_kernel), flops / (peak · eff_flops))
 *          + step_overhead + layers · layer_overhead + comm
 *
 * Tensor parallel divides bytes and FLOPs by N and pays 2 all-reduces per layer;
 * a layer split (llama.cpp) runs the layers one accelerator after another, so a
 * step costs what it costs on one accelerator plus a hop per boundary.
 */
import { kvBytesForContext } from './memory';
import type {
  AcceleratorSpec,
  ComputeClass,
  EngineCalibration,
  OpenModelArchitecture,
  SpeculativeOptions,
  WeightFormat,
} from './types';

export const ACCELERATORS_PER_NODE = 8;
const CROSS_NODE_LINK_GBS = 50;
const CROSS_NODE_LATENCY_FACTOR = 4;

export interface PerfRequest {
  readonly model: OpenModelArchitecture;
  readonly format: WeightFormat;
  readonly kvBytesPerElement: number;
  readonly accelerator: AcceleratorSpec;
  readonly engine: EngineCalibration;
  readonly accelerators: number;
  readonly batch: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly speculative?: SpeculativeOptions;
}

export interface StepTiming {
  readonly ms: number;
  readonly memoryMs: number;
  readonly computeMs: number;
  readonly overheadMs: number;
  readonly commMs: number;
  readonly bound: 'memory' | 'compute';
}

export interface PerformanceEstimate {
  readonly decode: StepTiming & {
    /** Decode step time under steady load: the other sequences' prefills are interleaved between steps. */
    readonly loadedStepMs: number;
    readonly perUserTokensPerSecond: number;
    /** Per-user speed between prefill stalls (what a lone stream or a pure decode phase sees). */
    readonly perUserNoStallsTokensPerSecond: number;
    readonly totalTokensPerSecond: number;
  };
  readonly prefill: StepTiming & { readonly tokensPerSecond: number };
  readonly ttftMs: number;
  readonly totalLatencyMs: number;
  readonly speculative?: { readonly expectedTokensPerStep: number; readonly speedup: number };
}

/** Peak TFLOPS for a compute class; formats the hardware cannot run natively fall back to 16-bit. */
export function peakTflops(acc: AcceleratorSpec, compute: ComputeClass, engine: EngineCalibration): number {
  const t = acc.tflops;
  const sixteen = engine.engine === 'llama.cpp' ? (t.fp16 ?? t.bf16) : (t.bf16 ?? t.fp16);
  const native = compute === 'bf16' || compute === 'fp16' ? sixteen : t[compute];
  return native ?? sixteen ?? 1;
}

/** Parameters read from memory when `tokens` tokens pass through the model at once (MoE: experts touched). */
export function paramsTouchedB(model: OpenModelArchitecture, tokens: number): number {
  const moe = model.moe;
  if (!moe) return model.totalParamsB;
  const pickShare = moe.expertsPerToken / moe.experts;
  const touchedShare = 1 - Math.pow(1 - pickShare, Math.max(1, tokens));
  return model.totalParamsB - moe.routedParamsB + moe.routedParamsB * touchedShare;
}

/** Attention FLOPs of one new token against `context` earlier tokens (QKᵀ and AV: 4·h·d per key per layer). */
function attentionFlopsPerToken(model: OpenModelArchitecture, context: number): number {
  const sw = model.slidingWindow;
  const swLayers = sw ? Math.min(sw.layers, model.layers) : 0;
  const keys = (model.layers - swLayers) * context + swLayers * Math.min(context, sw?.window ?? context);
  return 4 * model.heads * model.headDim * keys;
}

function bytesPerParam(format: WeightFormat): number {
  return format.bitsPerWeight / 8;
}

function tensorParallelComm(req: PerfRequest, tokens: number): number {
  const n = req.accelerators;
  if (n <= 1) return 0;
  const { engine, model, accelerator } = req;
  if (engine.multiGpu === 'layer-split') return ((n - 1) * engine.allReduceUs) / 1000;
  // Beyond one 8-accelerator node the all-reduce crosses the network (assumed, not fitted:
  // 400 Gb/s InfiniBand per GPU = 50 GB/s, and four times the in-node latency).
  const crossNode = n > ACCELERATORS_PER_NODE;
  const link = Math.min(accelerator.interconnectGBs ?? 32, crossNode ? CROSS_NODE_LINK_GBS : Infinity) * 1e9;
  const latencyUs = engine.allReduceUs * (crossNode ? CROSS_NODE_LATENCY_FACTOR : 1);
  const bytes = tokens * model.hiddenSize * 2 * ((2 * (n - 1)) / n);
  return (2 * model.layers * (latencyUs / 1e6 + bytes / link)) * 1000;
}

/** Split factor for bytes and FLOPs: tensor parallel shares the work, a layer split does not. */
function parallelShare(req: PerfRequest): number {
  return req.engine.multiGpu === 'tensor-parallel' ? req.accelerators : 1;
}

/** One decode step for `batch` sequences, each feeding `tokensPerSeq` tokens (1, or k+1 when verifying drafts). */
export function decodeStep(req: PerfRequest, tokensPerSeq = 1): StepTiming {
  const { model, format, accelerator, engine } = req;
  const tokens = req.batch * tokensPerSeq;
  const context = req.inputTokens + req.outputTokens / 2;
  const weight = paramsTouchedB(model, tokens) * 1e9 * bytesPerParam(format);
  const kv = req.batch * kvBytesForContext(model, req.kvBytesPerElement, context);
  const share = parallelShare(req);
  const bandwidth = accelerator.bandwidthGBs * 1e9 * engine.bandwidthEfficiency;
  const memoryMs = ((weight / format.kernelEfficiency + kv) / share / bandwidth) * 1000;
  const flops = tokens * (2 * model.activeParamsB * 1e9 + attentionFlopsPerToken(model, context));
  const computeMs =
    (flops / share / (peakTflops(accelerator, format.compute, engine) * 1e12 * engine.flopsEfficiency)) * 1000;
  // Unpacking quantized weights runs on the shader cores once per weight per step: on GPUs
  // with little vector throughput (Apple, older cards) it, not memory, sets the pace.
  const vector = accelerator.vectorTflops;
  const dequantMs = vector ? ((weight / bytesPerParam(format)) * format.dequantOpsPerWeight / share / (vector * 1e12)) * 1000 : 0;
  const work = Math.max(computeMs, dequantMs);
  const moeLayers = model.moe ? (model.moe.moeLayers ?? model.layers) : 0;
  const overheadMs = engine.stepOverheadMs + (model.layers * engine.layerOverheadUs + moeLayers * engine.moeLayerOverheadUs) / 1000;
  const commMs = tensorParallelComm(req, tokens);
  const ms = Math.max(memoryMs, work) + overheadMs + commMs;
  return { ms, memoryMs, computeMs: work, overheadMs, commMs, bound: memoryMs >= work ? 'memory' : 'compute' };
}

/** Processing one prompt of `promptTokens` (causal attention: on average half the prompt is visible). */
export function prefillTiming(req: PerfRequest, promptTokens = req.inputTokens): StepTiming {
  const { model, format, accelerator, engine } = req;
  const p = Math.max(1, promptTokens);
  const share = parallelShare(req);
  const flops = p * (2 * model.activeParamsB * 1e9 + attentionFlopsPerToken(model, p / 2));
  // Dequantizing formats pay for unpacking in prompt processing too (fitted per format).
  const computeMs =
    (flops / share / (peakTflops(accelerator, format.compute, engine) * 1e12 * engine.flopsEfficiency * format.prefillEfficiency)) *
    1000;
  const weight = paramsTouchedB(model, p) * 1e9 * bytesPerParam(format);
  const memoryMs = (weight / share / (accelerator.bandwidthGBs * 1e9 * engine.bandwidthEfficiency)) * 1000;
  // Attention and the other per-token kernels split across tensor-parallel ranks like the GEMMs do.
  const overheadMs = (model.layers * (engine.layerOverheadUs + (p * engine.prefillTokenLayerUs) / share)) / 1000;
  const commMs = tensorParallelComm(req, p);
  const ms = Math.max(memoryMs, computeMs) + overheadMs + commMs;
  return { ms, memoryMs, computeMs, overheadMs, commMs, bound: memoryMs >= computeMs ? 'memory' : 'compute' };
}

/** Expected tokens per verification step with acceptance α and draft length k: (1 − α^(k+1)) / (1 − α). */
export function expectedTokensPerStep(acceptanceRate: number, draftLength: number): number {
  const a = Math.min(Math.max(acceptanceRate, 0), 0.999);
  return (1 - Math.pow(a, draftLength + 1)) / (1 - a);
}

export function estimatePerformance(req: PerfRequest): PerformanceEstimate {
  const plain = decodeStep(req, 1);
  let stepMs = plain.ms;
  let tokensPerStep = 1;
  let speculative: PerformanceEstimate['speculative'];
  const spec = req.speculative;
  if (spec && spec.draftLength > 0) {
    const verify = decodeStep(req, spec.draftLength + 1);
    const specStep = verify.ms + spec.draftLength * spec.draftCostRatio * plain.ms;
    const expected = expectedTokensPerStep(spec.acceptanceRate, spec.draftLength);
    const speedup = expected / (specStep / plain.ms);
    speculative = { expectedTokensPerStep: expected, speedup };
    if (speedup > 1) {
      stepMs = specStep;
      tokensPerStep = expected;
    }
  }
  const prefill = prefillTiming(req);
  // Continuous batching: while one sequence decodes its output, each of the other
  // batch − 1 slots is refilled about once, and each refill's prefill stalls the step.
  const loadedStepMs = stepMs + ((req.batch - 1) * prefill.ms) / Math.max(1, req.outputTokens);
  const perUser = (1000 / loadedStepMs) * tokensPerStep;
  const ttftMs = prefill.ms + req.engine.prefillOverheadMs;
  const totalLatencyMs = ttftMs + (Math.max(0, req.outputTokens - 1) / perUser) * 1000;
  return {
    decode: { ...plain, ms: stepMs, loadedStepMs, perUserTokensPerSecond: perUser, perUserNoStallsTokensPerSecond: (1000 / stepMs) * tokensPerStep, totalTokensPerSecond: perUser * req.batch },
    prefill: { ...prefill, tokensPerSecond: (Math.max(1, req.inputTokens) / prefill.ms) * 1000 },
    ttftMs,
    totalLatencyMs,
    speculative,
  };
}
