/**
 * Every accelerator × precision that can serve an open model for a workload:
 * the self-hosted rows of `compare` and the Compare Providers panel.
 */
import type { Offering } from '../catalog/types';
import type { Workload } from '../workload';
import { ACCELERATORS, engineCalibration, findAccelerator, findWeightFormat, openModelArchitecture } from './catalog';
import { estimateHardware, type HardwareEstimate } from './estimate';
import type { AcceleratorSpec, EngineId, OpenModelArchitecture, SpeculativeOptions, WeightFormat } from './types';

export const DEFAULT_OPTION_PRECISIONS = ['bf16', 'fp8', 'int4', 'fp4', 'q8_0', 'q4_k_m'] as const;

export interface SelfHostedOptionsOptions {
  /** Accelerator ids to consider; default: all in the bundled data. */
  readonly accelerators?: readonly string[];
  /** Precision ids to consider; default: DEFAULT_OPTION_PRECISIONS. */
  readonly precisions?: readonly string[];
  /** Force one engine; default: llama.cpp for GGUF formats and Apple, vLLM otherwise. */
  readonly engine?: EngineId;
  /** API offerings of the same model for break-even (e.g. `offeringsForModel(catalog, id)`). */
  readonly offerings?: readonly Offering[];
  readonly utilization?: number;
  readonly batch?: number;
  /** Skip configurations needing more accelerators than this (one node: 8). */
  readonly maxAccelerators?: number;
  readonly speculative?: SpeculativeOptions;
  readonly kvPrecision?: string;
  /**
   * Daily tokens the batch is derived from (Little's law) and the month is priced at. Default: the
   * workload's calls per day × tokens per call; `null`: no volume (engine-default batch, no at-volume cost).
   */
  readonly tokensPerDay?: number | null;
}

export interface SelfHostedOptions {
  readonly model: string;
  /** False when the model has no open-weight architecture in the data. */
  readonly known: boolean;
  /** Configurations that fit, cheapest $/M tokens first (unpriced last). */
  readonly rows: readonly HardwareEstimate[];
  readonly issues: readonly string[];
}

function defaultEngine(acc: AcceleratorSpec, format: WeightFormat): EngineId | undefined {
  if (format.engines.length === 1 && format.engines[0] === 'llama.cpp') return 'llama.cpp';
  if (acc.kind === 'apple') return undefined; // Apple runs GGUF through llama.cpp here
  if (acc.kind === 'tpu' && format.compute !== 'bf16' && format.compute !== 'int8') return undefined;
  return 'vllm';
}

/**
 * Formats that make sense for hardware: FP4 where the chip computes in it, or for models published
 * in MXFP4 (gpt-oss) on any GPU; GGUF off TPUs.
 */
function sensible(acc: AcceleratorSpec, format: WeightFormat, model: OpenModelArchitecture): boolean {
  const nativeFp4 = model.nativeFormat !== undefined && findWeightFormat(model.nativeFormat)?.id === 'fp4';
  const gpu = acc.kind === 'datacenter-gpu' || acc.kind === 'consumer-gpu';
  if (format.compute === 'fp4' && acc.tflops.fp4 === undefined && !(nativeFp4 && gpu)) return false;
  if (format.compute === 'fp8' && acc.tflops.fp8 === undefined && acc.kind !== 'datacenter-gpu') return false;
  if (acc.kind === 'tpu' && format.engines.includes('llama.cpp') && !format.engines.includes('vllm')) return false;
  return true;
}

export function selfHostedOptions(
  modelId: string,
  workload: Pick<Workload, 'inputTokens' | 'outputTokens' | 'reasoningTokens' | 'callsPerDay'> & Partial<Workload>,
  opts: SelfHostedOptionsOptions = {},
): SelfHostedOptions {
  const issues: string[] = [];
  const model = openModelArchitecture(modelId);
  if (!model) {
    return { model: modelId, known: false, rows: [], issues: [`no open-weight architecture for '${modelId}'`] };
  }
  const accs = (opts.accelerators ?? ACCELERATORS.map((a) => a.id)).flatMap((id) => {
    const a = findAccelerator(id);
    if (!a) issues.push(`unknown accelerator '${id}'`);
    return a ? [a] : [];
  });
  const formats = (opts.precisions ?? DEFAULT_OPTION_PRECISIONS).flatMap((id) => {
    const f = findWeightFormat(id);
    if (!f) issues.push(`unknown precision '${id}'`);
    return f ? [f] : [];
  });
  const output = Math.max(1, workload.outputTokens + workload.reasoningTokens);
  const input = Math.max(1, workload.inputTokens);
  const steps = Math.max(1, workload.steps ?? 1);
  const tokensPerDay = opts.tokensPerDay === null ? undefined : (opts.tokensPerDay ?? workload.callsPerDay * steps * (input + output));
  const maxAcc = opts.maxAccelerators ?? 8;
  const rows: HardwareEstimate[] = [];
  for (const acc of accs) {
    for (const format of formats) {
      if (!sensible(acc, format, model)) continue;
      const engine = opts.engine ?? defaultEngine(acc, format);
      if (!engine) continue;
      const estimateAt = (accelerators?: number) =>
        estimateHardware({
          model,
          accelerator: acc,
          format,
          engine,
          accelerators,
          inputTokens: input,
          outputTokens: output,
          batch: opts.batch,
          utilization: opts.utilization,
          offerings: opts.offerings,
          tokensPerDay,
          speculative: opts.speculative,
          kvPrecision: opts.kvPrecision,
        });
      const fewest = estimateAt();
      if (!fewest.fits || fewest.accelerators > maxAcc) continue;
      // The fewest accelerators can leave little room for KV cache (small batches, dear tokens):
      // try up to two doublings and keep the cheapest per token.
      let best = fewest;
      for (let n = fewest.accelerators * 2; n <= Math.min(maxAcc, fewest.accelerators * 4); n *= 2) {
        if (engineCalibration(engine).multiGpu === 'tensor-parallel' && model.heads % n !== 0) break;
        const more = estimateAt(n);
        if (more.fits && (more.usdPerMillionTokens ?? Infinity) < (best.usdPerMillionTokens ?? Infinity)) best = more;
      }
      rows.push(best);
    }
  }
  rows.sort((a, b) => (a.usdPerMillionTokens ?? Infinity) - (b.usdPerMillionTokens ?? Infinity));
  return { model: model.id, known: true, rows, issues };
}
