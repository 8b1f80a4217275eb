/**
 * Vocabulary of the self-hosted inference model: accelerators, open-model
 * architectures, weight formats, serving engines, and what an estimate says.
 *
 * Units: memory in GB of 1e9 bytes (accelerator memory is stored as the vendor's
 * marketed figure in GiB and converted), bandwidth in GB/s (1e9 bytes/s), compute
 * in dense (non-sparse) TFLOPS/TOPS, prices in US dollars.
 */
import type { Provenance } from '../catalog/types';

/** Compute precision a matrix multiply runs in. */
export type ComputeClass = 'bf16' | 'fp16' | 'fp8' | 'int8' | 'int4' | 'fp4';

/** Dense tensor throughput per precision, TFLOPS (TOPS for integers). Absent = not supported in hardware. */
export type TflopsByPrecision = Partial<Record<ComputeClass, number>>;

export interface HourlyPrice extends Provenance {
  /** Typical on-demand price of one accelerator for one hour. */
  readonly usd: number;
}

export type AcceleratorKind = 'datacenter-gpu' | 'consumer-gpu' | 'apple' | 'soc' | 'tpu' | 'other';

/**
 * Device classes that reach different shares of their datasheet figures under the same engine
 * (fitted separately): datacenter CUDA (A100/H100/H200/B200), consumer CUDA (GeForce and RTX
 * workstation cards), ROCm (AMD), Apple GPUs (Metal), unified-memory SoCs (GB10, Jetson).
 */
export type DeviceClass = 'datacenter-cuda' | 'consumer-cuda' | 'rocm' | 'apple' | 'unified-soc' | 'tpu' | 'other';

/**
 * The key engine constants are fitted under: the device class, refined where one class spans
 * GPU generations the engines treat differently. Datacenter CUDA without FP8 tensor cores
 * (Ampere: A100, A10G) is fitted apart from Ada/Hopper/Blackwell; where an engine has no
 * fit for the refinement, the class's constants apply.
 */
export type DeviceFitClass = DeviceClass | 'datacenter-cuda-ampere';

/** How two accelerators exchange tensor-parallel all-reduces. */
export type LinkKind = 'nvlink' | 'pcie';

/** Per-device-class overrides of an engine's fitted constants (absent = the engine's value). */
export interface DeviceCalibration {
  readonly bandwidthEfficiency?: number;
  readonly flopsEfficiency?: number;
  readonly stepOverheadMs?: number;
  readonly layerOverheadUs?: number;
  readonly prefillTokenLayerUs?: number;
  /** llama.cpp off NVIDIA (Metal, ROCm): prompt speed of quantized weights relative to 16-bit (unpacked in the matmul kernels). */
  readonly quantizedPrefillEfficiency?: number;
  /** Extra time per mixture-of-experts layer per decode step on this class (MoE kernels differ by GPU generation), µs. */
  readonly moeLayerOverheadUs?: number;
  /** Tensor-parallel all-reduce latency over NVLink-class links on this class, µs. */
  readonly allReduceUs?: number;
}

export interface AcceleratorSpec extends Provenance {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  readonly kind: AcceleratorKind;
  /** Marketed memory size; treated as GiB (that is what the devices report). */
  readonly memoryGiB: number;
  readonly bandwidthGBs: number;
  readonly tflops: TflopsByPrecision;
  /** Half-precision rate of the non-tensor (shader/CUDA) cores, which unpack quantized weights in decode. */
  readonly vectorTflops?: number;
  /** Per-direction bandwidth to a peer for tensor-parallel all-reduce (NVLink, Infinity Fabric, PCIe). */
  readonly interconnectGBs?: number;
  /** Share of memory the runtime may use (Apple: the GPU working-set limit). Default 1. */
  readonly usableMemoryFraction?: number;
  readonly price?: HourlyPrice;
  readonly aliases?: readonly string[];
}

export interface MoeSpec {
  readonly experts: number;
  readonly expertsPerToken: number;
  /** Parameters (billions) in the routed experts of all layers together; the rest is always read. */
  readonly routedParamsB: number;
  /** Layers with routed experts, when not every layer has them (DeepSeek: 58 of 61). */
  readonly moeLayers?: number;
}

/** Sliding-window attention on some layers: their KV cache stops growing at `window` tokens. */
export interface SlidingWindowSpec {
  readonly window: number;
  readonly layers: number;
}

/** Multi-head latent attention (DeepSeek): one compressed latent per token per layer. */
export interface MlaSpec {
  readonly kvLoraRank: number;
  readonly ropeHeadDim: number;
}

export interface OpenModelArchitecture extends Provenance {
  /** Same id as the main catalog's model where one exists (`llama-3.3-70b`). */
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly totalParamsB: number;
  /** Parameters used per token (equal to total for dense models). */
  readonly activeParamsB: number;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly contextWindow: number;
  readonly moe?: MoeSpec;
  readonly mla?: MlaSpec;
  readonly slidingWindow?: SlidingWindowSpec;
  /** Format the weights are published in, when it is not BF16 (gpt-oss: MXFP4). */
  readonly nativeFormat?: string;
}

export type EngineId = 'llama.cpp' | 'vllm' | 'sglang' | 'trtllm';
/** Engines that share fitted constants. */
export type EngineClass = 'llama.cpp' | 'vllm' | 'trtllm';

export interface QualityNote extends Provenance {
  readonly note: string;
}

export interface WeightFormat {
  readonly id: string;
  readonly name: string;
  /** Stored bits per weight, scales and zero points included. */
  readonly bitsPerWeight: number;
  /** Precision the matrix multiplies run in (W4A16 formats dequantize to 16-bit). */
  readonly compute: ComputeClass;
  /** Engine classes that serve this format. */
  readonly engines: readonly EngineClass[];
  /** Share of peak bandwidth the dequantizing kernels reach relative to 16-bit weights (fitted, ≤ 1). */
  readonly kernelEfficiency: number;
  /** Shader-core operations to unpack one weight in a decode step (0 for formats the tensor cores read directly; fitted). */
  readonly dequantOpsPerWeight: number;
  /** Prompt-processing speed relative to 16-bit weights (unpacking before the matrix multiplies; fitted, ≤ 1). */
  readonly prefillEfficiency: number;
  readonly quality: QualityNote;
  readonly aliases?: readonly string[];
}

export interface KvFormat {
  readonly id: string;
  readonly bytesPerElement: number;
}

/** Achieved-vs-peak constants of one engine class, fitted to public measurements. */
export interface EngineCalibration {
  readonly engine: EngineClass;
  /** Share of peak memory bandwidth reached while streaming weights in decode. */
  readonly bandwidthEfficiency: number;
  /** Share of peak dense FLOPS reached in large matrix multiplies (prefill, big batches). */
  readonly flopsEfficiency: number;
  /** Fixed time per decode step (scheduling, sampling, launches), milliseconds. */
  readonly stepOverheadMs: number;
  /** Extra time per layer per decode step (kernel launches, syncs), microseconds. */
  readonly layerOverheadUs: number;
  /** Extra time per mixture-of-experts layer per decode step (routing, token gather/scatter, grouped GEMM launches), microseconds. */
  readonly moeLayerOverheadUs: number;
  /** Prompt processing time per token per layer outside the big matrix multiplies (norms, RoPE, attention kernels), microseconds. */
  readonly prefillTokenLayerUs: number;
  /** Fixed time before the first token besides the prompt's compute (queueing, tokenization), ms. */
  readonly prefillOverheadMs: number;
  /** Latency of one all-reduce in tensor parallel over NVLink-class links, microseconds (two per layer). */
  readonly allReduceUs: number;
  /** The same over PCIe (consumer cards: staged through host memory), microseconds. */
  readonly pcieAllReduceUs?: number;
  /** llama.cpp layer split: time to hand activations to the next accelerator, per boundary per step, microseconds. */
  readonly layerSplitHopUs?: number;
  /** Tokens per prompt-processing pass (llama.cpp n_ubatch 512; vLLM max_num_batched_tokens 8192). */
  readonly prefillChunkTokens?: number;
  /** Most sequences the scheduler runs at once (vLLM max_num_seqs); beyond it requests queue. */
  readonly maxBatch?: number;
  /**
   * Build date from which quantized prompt processing runs on integer tensor cores (llama.cpp MMQ
   * on CUDA from Turing on); builds before it unpack to 16-bit and pay the format's prefillEfficiency.
   */
  readonly integerPrefillSince?: string;
  /** Per-device-class constants (fitted); the engine's own values apply where a class has none. */
  readonly byDevice?: Partial<Record<DeviceFitClass, DeviceCalibration>>;
  /** How the engine spreads a model over several accelerators. */
  readonly multiGpu: 'tensor-parallel' | 'layer-split';
  /** Batch assumed when none is given. */
  readonly defaultBatch: number;
  /** Share of accelerator memory the engine claims (vLLM gpu_memory_utilization). */
  readonly memoryFraction: number;
  /** Per-accelerator runtime memory besides weights and KV cache (context, activations, graphs), GB. */
  readonly runtimeOverheadGB: number;
  readonly note: string;
  /** Which engine versions the fitted constants represent (the measurements' era). */
  readonly era?: string;
}

export interface SpeculativeOptions {
  /** Probability that the target model accepts a drafted token, 0..1. */
  readonly acceptanceRate: number;
  /** Tokens drafted per verification step. */
  readonly draftLength: number;
  /** Time of one draft token as a share of one target decode step. */
  readonly draftCostRatio: number;
}
