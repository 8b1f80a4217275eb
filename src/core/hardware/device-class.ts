/**
 * Device classes and the compute path a prompt takes on them. The same engine reaches a
 * different share of the datasheet on a GeForce card, an H100, a Mac or a GB10 (kernels are
 * tuned for some, launch overheads differ, unified memory behaves differently), so the
 * fitted constants are looked up per class; and quantized prompt processing runs on integer
 * tensor cores only where the engine has kernels for them.
 */
import type {
  AcceleratorSpec,
  ComputeClass,
  DeviceCalibration,
  DeviceClass,
  DeviceFitClass,
  EngineCalibration,
  LinkKind,
  WeightFormat,
} from './types';

export const DEVICE_CLASS_NAMES: Record<DeviceFitClass, string> = {
  'datacenter-cuda': 'datacenter CUDA',
  'datacenter-cuda-ampere': 'datacenter CUDA without FP8 (Ampere)',
  'consumer-cuda': 'consumer CUDA',
  rocm: 'ROCm',
  apple: 'Apple GPU (Metal)',
  'unified-soc': 'unified-memory SoC',
  tpu: 'TPU',
  other: 'other accelerator',
};

export function deviceClassOf(acc: AcceleratorSpec): DeviceClass {
  if (acc.kind === 'apple') return 'apple';
  if (acc.kind === 'soc') return 'unified-soc';
  if (acc.kind === 'tpu') return 'tpu';
  if (acc.vendor === 'amd') return 'rocm';
  if (acc.vendor === 'nvidia') return acc.kind === 'datacenter-gpu' ? 'datacenter-cuda' : 'consumer-cuda';
  return 'other';
}

/**
 * The class an engine's constants are fitted under. Datacenter CUDA splits by generation: the
 * public vLLM MoE measurements on A100 (mid-2025 builds) pay several times the per-step cost
 * measured on H100/H200, where the MoE kernels and async scheduling of the same era differ.
 * FP8 tensor cores (Ada, Hopper, Blackwell) mark the newer generations.
 */
export function deviceFitClassOf(acc: AcceleratorSpec): DeviceFitClass {
  const cls = deviceClassOf(acc);
  if (cls === 'datacenter-cuda' && acc.tflops.fp8 === undefined) return 'datacenter-cuda-ampere';
  return cls;
}

/** The fitted overrides that apply to an accelerator: its refined class's, else its class's. */
function deviceOverride(engine: EngineCalibration, acc: AcceleratorSpec): { key: DeviceFitClass; over: DeviceCalibration } | undefined {
  for (const key of [deviceFitClassOf(acc), deviceClassOf(acc)]) {
    const over = engine.byDevice?.[key];
    if (over) return { key, over };
  }
  return undefined;
}

/** NVLink-class links move 100+ GB/s per direction to a peer; anything slower is PCIe. */
export function linkKindOf(acc: AcceleratorSpec): LinkKind {
  return (acc.interconnectGBs ?? 32) >= 100 ? 'nvlink' : 'pcie';
}

/** The engine's constants with the device class's fitted overrides applied. */
export function effectiveCalibration(engine: EngineCalibration, acc: AcceleratorSpec): EngineCalibration {
  const over = deviceOverride(engine, acc)?.over;
  if (!over) return engine;
  return {
    ...engine,
    bandwidthEfficiency: over.bandwidthEfficiency ?? engine.bandwidthEfficiency,
    flopsEfficiency: over.flopsEfficiency ?? engine.flopsEfficiency,
    stepOverheadMs: over.stepOverheadMs ?? engine.stepOverheadMs,
    layerOverheadUs: over.layerOverheadUs ?? engine.layerOverheadUs,
    prefillTokenLayerUs: over.prefillTokenLayerUs ?? engine.prefillTokenLayerUs,
    moeLayerOverheadUs: over.moeLayerOverheadUs ?? engine.moeLayerOverheadUs,
    allReduceUs: over.allReduceUs ?? engine.allReduceUs,
  };
}

/** The class whose fitted constants apply (the refined class, the broad class), or undefined when the engine's defaults do. */
export function fittedClassOf(engine: EngineCalibration, acc: AcceleratorSpec): DeviceFitClass | undefined {
  return deviceOverride(engine, acc)?.key;
}

/** Whether the engine's constants for this class were fitted (rather than inherited). */
export function hasDeviceFit(engine: EngineCalibration, acc: AcceleratorSpec): boolean {
  return fittedClassOf(engine, acc) !== undefined;
}

/** Peak TFLOPS for a compute class; formats the hardware cannot run natively fall back to 16-bit. */
export function peakTflops(acc: AcceleratorSpec, compute: ComputeClass, engine: EngineCalibration): number {
  const t = acc.tflops;
  const sixteen = engine.engine === 'llama.cpp' ? (t.fp16 ?? t.bf16) : (t.bf16 ?? t.fp16);
  const native = compute === 'bf16' || compute === 'fp16' ? sixteen : t[compute];
  return native ?? sixteen ?? 1;
}

/** How a prompt's matrix multiplies run for this format, engine, device and build date. */
export interface PrefillPath {
  /** Peak TFLOPS/TOPS of the units that do the work. */
  readonly peakTflops: number;
  /** Multiplier for unpacking overhead (1 where the kernels read the packed weights directly). */
  readonly formatEfficiency: number;
  readonly label: string;
}

/**
 * llama.cpp on NVIDIA (Turing and later) multiplies quantized GGUF weights on the INT8 tensor
 * cores (MMQ) since mid-2024 builds; older builds, Metal and ROCm unpack to 16-bit first and pay
 * the format's prefillEfficiency. vLLM/TensorRT-LLM run FP8/INT8/FP4 natively where the chip
 * has the units, W4A16 formats at 16-bit.
 */
export function prefillPath(
  acc: AcceleratorSpec,
  format: WeightFormat,
  engine: EngineCalibration,
  buildDate?: string,
): PrefillPath {
  // llama.cpp's quantized types (GGUF k-quants, Q8_0, MXFP4) all go through the same MMQ kernels.
  const ggufQuantized = engine.engine === 'llama.cpp' && format.id !== 'bf16';
  if (!ggufQuantized) {
    return { peakTflops: peakTflops(acc, format.compute, engine), formatEfficiency: format.prefillEfficiency, label: `${format.compute} matrix units` };
  }
  const cls = deviceClassOf(acc);
  const nvidia = cls === 'datacenter-cuda' || cls === 'consumer-cuda' || (cls === 'unified-soc' && acc.vendor === 'nvidia');
  const sixteen = peakTflops(acc, 'fp16', engine);
  if (nvidia) {
    const since = engine.integerPrefillSince;
    const current = since === undefined || buildDate === undefined || buildDate >= since;
    if (current) return { peakTflops: acc.tflops.int8 ?? sixteen, formatEfficiency: 1, label: 'INT8 tensor cores (MMQ)' };
    return { peakTflops: sixteen, formatEfficiency: format.prefillEfficiency, label: 'unpacked to FP16 for cuBLAS (builds before mid-2024)' };
  }
  const device = engine.byDevice?.[cls]?.quantizedPrefillEfficiency ?? 1;
  return { peakTflops: sixteen, formatEfficiency: device, label: 'unpacked inside 16-bit matmul kernels' };
}
