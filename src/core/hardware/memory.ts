/**
 * Memory fit: weights + KV cache for batch × context + runtime overhead, and how
 * many accelerators a model needs under an engine's multi-GPU scheme.
 */
import type { AcceleratorSpec, EngineCalibration, OpenModelArchitecture, WeightFormat } from './types';

const GIB = 2 ** 30;
const GB = 1e9;

/** Weight bytes: total parameters × bits per weight / 8. */
export function weightBytes(model: OpenModelArchitecture, format: WeightFormat): number {
  return model.totalParamsB * 1e9 * (format.bitsPerWeight / 8);
}

/** Bytes of KV cache one token adds in one full-attention layer. */
function kvBytesPerTokenPerLayer(model: OpenModelArchitecture, kvBytesPerElement: number): number {
  if (model.mla) return (model.mla.kvLoraRank + model.mla.ropeHeadDim) * kvBytesPerElement;
  return 2 * model.kvHeads * model.headDim * kvBytesPerElement;
}

/**
 * KV cache bytes per token of context with every layer attending to the whole
 * context: 2 · layers · kv_heads · head_dim · bytes (MLA: layers · (rank + rope) · bytes).
 */
export function kvBytesPerToken(model: OpenModelArchitecture, kvBytesPerElement: number): number {
  return model.layers * kvBytesPerTokenPerLayer(model, kvBytesPerElement);
}

/** KV cache bytes of one sequence of `contextTokens`; sliding-window layers stop at their window. */
export function kvBytesForContext(model: OpenModelArchitecture, kvBytesPerElement: number, contextTokens: number): number {
  const perLayer = kvBytesPerTokenPerLayer(model, kvBytesPerElement);
  const sw = model.slidingWindow;
  const swLayers = sw ? Math.min(sw.layers, model.layers) : 0;
  const fullLayers = model.layers - swLayers;
  const swTokens = sw ? Math.min(contextTokens, sw.window) : 0;
  return perLayer * (fullLayers * contextTokens + swLayers * swTokens);
}

/** Usable memory of one accelerator under an engine, in GB (1e9 bytes). */
export function usableMemoryGB(acc: AcceleratorSpec, engine: EngineCalibration): number {
  return ((acc.memoryGiB * GIB) / GB) * (acc.usableMemoryFraction ?? 1) * engine.memoryFraction;
}

export interface MemoryFit {
  readonly weightsGB: number;
  readonly kvCacheGB: number;
  readonly kvBytesPerToken: number;
  /** Runtime overhead over all accelerators. */
  readonly runtimeGB: number;
  readonly requiredGB: number;
  readonly availableGB: number;
  readonly perAccelerator: { readonly requiredGB: number; readonly availableGB: number };
  readonly accelerators: number;
  readonly fits: boolean;
}

export interface FitRequest {
  readonly model: OpenModelArchitecture;
  readonly format: WeightFormat;
  readonly kvBytesPerElement: number;
  readonly accelerator: AcceleratorSpec;
  readonly engine: EngineCalibration;
  readonly batch: number;
  /** Context each sequence holds at its longest (input + output). */
  readonly contextTokens: number;
}

/** Tensor parallelism replicates KV heads when there are more GPUs than KV heads. */
function kvReplication(model: OpenModelArchitecture, engine: EngineCalibration, n: number): number {
  if (engine.multiGpu !== 'tensor-parallel' || model.mla) return 1;
  return Math.max(1, n / model.kvHeads);
}

export function memoryFit(req: FitRequest, accelerators: number): MemoryFit {
  const n = Math.max(1, Math.floor(accelerators));
  const weights = weightBytes(req.model, req.format) / GB;
  const kvPerSeq = kvBytesForContext(req.model, req.kvBytesPerElement, req.contextTokens);
  const kv = (kvPerSeq * req.batch * kvReplication(req.model, req.engine, n)) / GB;
  const runtime = req.engine.runtimeOverheadGB * n;
  const perAccRequired = (weights + kv) / n + req.engine.runtimeOverheadGB;
  const perAccAvailable = usableMemoryGB(req.accelerator, req.engine);
  return {
    weightsGB: weights,
    kvCacheGB: kv,
    kvBytesPerToken: kvBytesPerToken(req.model, req.kvBytesPerElement),
    runtimeGB: runtime,
    requiredGB: weights + kv + runtime,
    availableGB: perAccAvailable * n,
    perAccelerator: { requiredGB: perAccRequired, availableGB: perAccAvailable },
    accelerators: n,
    fits: perAccRequired <= perAccAvailable,
  };
}

/** Accelerator counts an engine can use: tensor parallel needs a power of two dividing the head count. */
export function candidateCounts(model: OpenModelArchitecture, engine: EngineCalibration, max = 64): number[] {
  const out: number[] = [];
  if (engine.multiGpu === 'layer-split') {
    for (let n = 1; n <= Math.min(max, model.layers); n++) out.push(n);
    return out;
  }
  for (let n = 1; n <= max; n *= 2) if (model.heads % n === 0) out.push(n);
  return out;
}

/** The smallest usable accelerator count whose memory holds the request, or undefined. */
export function acceleratorsNeeded(req: FitRequest, max = 64): number | undefined {
  return candidateCounts(req.model, req.engine, max).find((n) => memoryFit(req, n).fits);
}

/** The most sequences whose KV cache fits beside the weights on `accelerators` (0 when not even one fits). */
export function memoryLimitedBatch(req: FitRequest, accelerators: number, limit = 4096): number {
  if (!memoryFit({ ...req, batch: 1 }, accelerators).fits) return 0;
  let lo = 1;
  let hi = limit;
  if (memoryFit({ ...req, batch: hi }, accelerators).fits) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (memoryFit({ ...req, batch: mid }, accelerators).fits) lo = mid;
    else hi = mid;
  }
  return lo;
}
