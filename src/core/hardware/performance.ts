/**
 * Speed of serving: a roofline per decode step and per prompt, plus the costs
 * real engines add (a fixed step overhead, a per-layer overhead, tensor-parallel
 * all-reduces) and the engine's multi-accelerator scheme:
 *
 *   step = max(bytes / (bw · eff_bw · eff_kernel), flops / (peak · eff_flops))
 *          + step_overhead + layers · layer_overhead + comm
 *
 * The efficiencies and overheads are the engine's, per device class (datacenter
 * CUDA, consumer CUDA, ROCm, Apple, unified-memory SoCs). Tensor parallel divides
 * bytes and FLOPs by N and pays 2 all-reduces per layer, whose latency depends on the
 * link (NVLink or PCIe); a layer split (llama.cpp) runs the layers one accelerator
 * after another, so a step costs what it costs on one accelerator plus a hop per boundary.
 */
import { deviceClassOf, effectiveCalibration, linkKindOf, peakTflops, prefillPath } from './device-class';
import { kvBytesForContext } from './memory';
import type {
  AcceleratorSpec,
  EngineCalibration,
  OpenModelArchitecture,
  SpeculativeOptions,
  WeightFormat,
} from './types';

export const ACCELERATORS_PER_NODE = 8;
const CROSS_NODE_LINK_GBS = 50;
/**
 * One all-reduce across nodes over InfiniBand, µs: assumed, not fitted (no fit row spans two
 * nodes). It is the value the model used before the fit split datacenter generations (four
 * times the NVLink latency then fitted); network latency does not shrink with faster kernels.
 */
const CROSS_NODE_ALL_REDUCE_US = 78;

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
  /** Tokens already in the KV cache before the prompt (a follow-up turn, a long document). */
  readonly priorTokens?: number;
  /** Engine build date (ISO); absent = a current build. Selects llama.cpp's prompt-processing kernels. */
  readonly buildDate?: string;
  /** Tokens per prompt-processing pass (llama.cpp -ub, vLLM max_num_batched_tokens); absent = the engine's. */
  readonly prefillChunkTokens?: number;
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

export { peakTflops };

/** Parameters read from memory when `tokens` tokens pass through the model at once (MoE: experts touched). */
export function paramsTouchedB(model: OpenModelArchitecture, tokens: number): number {
  const moe = model.moe;
  if (!moe) return model.totalParamsB;
  const pickShare = moe.expertsPerToken / moe.experts;
  const touchedShare = 1 - Math.pow(1 - pickShare, Math.max(1, tokens));
  return model.totalParamsB - moe.routedParamsB + moe.routedParamsB * touchedShare;
}

/**
 * Token rows of a matrix-multiply tile (llama.cpp MMQ on CUDA, grouped-GEMM kernels): an expert
 * that receives fewer tokens than this in a pass leaves most of each tile empty. Kernel
 * geometry, not fitted.
 */
export const EXPERT_GEMM_TILE_ROWS = 64;

/**
 * Token rows of llama.cpp's Metal matrix-multiply tile (kernel_mul_mm / mul_mm_id in
 * ggml-metal.metal: BLOCK_SIZE_N 32, four 8×8 simdgroup matrices of the activations). Half the
 * CUDA tile, so an expert that sees few tokens wastes less of it. Kernel geometry, not fitted.
 */
export const METAL_EXPERT_GEMM_TILE_ROWS = 32;

/** The token rows of the tile an accelerator's prompt GEMMs run in. */
export function expertTileRows(accelerator: AcceleratorSpec): number {
  return deviceClassOf(accelerator) === 'apple' ? METAL_EXPERT_GEMM_TILE_ROWS : EXPERT_GEMM_TILE_ROWS;
}

/**
 * Time-equivalent parameters for a pass of `tokens` tokens: the routed experts' share counts
 * more when each expert sees few tokens (tokens · k / E), because their GEMM tiles of
 * `tileRows` token rows run part-empty. Dense models: the active parameters.
 */
export function effectiveActiveParamsB(model: OpenModelArchitecture, tokens: number, tileRows = EXPERT_GEMM_TILE_ROWS): number {
  const moe = model.moe;
  if (!moe) return model.activeParamsB;
  const routedActive = (moe.routedParamsB * moe.expertsPerToken) / moe.experts;
  const perExpert = (Math.max(1, tokens) * moe.expertsPerToken) / moe.experts;
  const occupancy = perExpert / (perExpert + tileRows);
  return model.activeParamsB - routedActive + routedActive / occupancy;
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

/**
 * Time spent moving activations between accelerators per pass. Tensor parallel: two
 * all-reduces per layer, latency by link (NVLink, or PCIe where consumer cards stage through
 * host memory) plus bytes over the link. Layer split: one hop per boundary.
 */
function multiGpuComm(req: PerfRequest, engine: EngineCalibration, tokens: number): number {
  const n = req.accelerators;
  if (n <= 1) return 0;
  const { model, accelerator } = req;
  if (engine.multiGpu === 'layer-split') return ((n - 1) * (engine.layerSplitHopUs ?? engine.allReduceUs)) / 1000;
  // Beyond one 8-accelerator node the all-reduce crosses the network (assumed, not fitted:
  // 400 Gb/s InfiniBand per GPU = 50 GB/s, and CROSS_NODE_ALL_REDUCE_US at the least).
  const crossNode = n > ACCELERATORS_PER_NODE;
  const link = Math.min(accelerator.interconnectGBs ?? 32, crossNode ? CROSS_NODE_LINK_GBS : Infinity) * 1e9;
  const pcie = linkKindOf(accelerator) === 'pcie';
  const base = pcie ? (engine.pcieAllReduceUs ?? engine.allReduceUs) : engine.allReduceUs;
  const latencyUs = crossNode ? Math.max(base, CROSS_NODE_ALL_REDUCE_US) : base;
  const bytes = tokens * model.hiddenSize * 2 * ((2 * (n - 1)) / n);
  return 2 * model.layers * (latencyUs / 1e6 + bytes / link) * 1000;
}

/** Split factor for bytes and FLOPs: tensor parallel shares the work, a layer split does not. */
function parallelShare(req: PerfRequest): number {
  return req.engine.multiGpu === 'tensor-parallel' ? req.accelerators : 1;
}

/** One decode step for `batch` sequences, each feeding `tokensPerSeq` tokens (1, or k+1 when verifying drafts). */
export function decodeStep(req: PerfRequest, tokensPerSeq = 1): StepTiming {
  const { model, format, accelerator } = req;
  const engine = effectiveCalibration(req.engine, accelerator);
  const tokens = req.batch * tokensPerSeq;
  const context = (req.priorTokens ?? 0) + req.inputTokens + req.outputTokens / 2;
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
  const commMs = multiGpuComm(req, engine, tokens);
  const ms = Math.max(memoryMs, work) + overheadMs + commMs;
  return { ms, memoryMs, computeMs: work, overheadMs, commMs, bound: memoryMs >= work ? 'memory' : 'compute' };
}

/**
 * Processing `sequences` prompts of `promptTokens` each in one pass (1 for a lone request; a
 * burst of arrivals is prefilled together), after `priorTokens` already cached: causal
 * attention sees on average the prior context plus half the prompt. Quantized weights run on
 * the units `prefillPath` picks for the format, engine, device and build.
 */
export function prefillTiming(req: PerfRequest, promptTokens = req.inputTokens, sequences = 1): StepTiming {
  const { model, format, accelerator } = req;
  const engine = effectiveCalibration(req.engine, accelerator);
  const p = Math.max(1, promptTokens);
  const seqs = Math.max(1, sequences);
  const tokens = p * seqs;
  // Engines process long or many prompts in passes of at most `chunk` tokens: each pass reads
  // the weights again, and an MoE expert sees only that pass's share of the tokens.
  const chunk = Math.max(1, req.prefillChunkTokens ?? req.engine.prefillChunkTokens ?? tokens);
  const passes = Math.ceil(tokens / chunk);
  const perPass = tokens / passes;
  const prior = req.priorTokens ?? 0;
  const share = parallelShare(req);
  const flops = tokens * (2 * effectiveActiveParamsB(model, perPass, expertTileRows(accelerator)) * 1e9 + attentionFlopsPerToken(model, prior + p / 2));
  const path = prefillPath(accelerator, format, req.engine, req.buildDate);
  const computeMs = (flops / share / (path.peakTflops * 1e12 * engine.flopsEfficiency * path.formatEfficiency)) * 1000;
  const weight = passes * paramsTouchedB(model, perPass) * 1e9 * bytesPerParam(format);
  const memoryMs = (weight / share / (accelerator.bandwidthGBs * 1e9 * engine.bandwidthEfficiency)) * 1000;
  // Attention and the other per-token kernels split across tensor-parallel ranks like the GEMMs do.
  const overheadMs = (model.layers * (passes * engine.layerOverheadUs + (tokens * engine.prefillTokenLayerUs) / share)) / 1000;
  const commMs = passes * multiGpuComm(req, engine, perPass);
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
