/**
 * One self-hosted configuration, end to end: memory fit → accelerators needed →
 * prefill / decode speed → $/M tokens → break-even against API offerings.
 * Never throws on bad input: problems are returned as `issues`.
 */
import type { Offering } from '../catalog/types';
import { DAYS_PER_MONTH } from '../workload';
import { engineCalibration, findKvFormat } from './catalog';
import { withDate } from './custom';
import { DEVICE_CLASS_NAMES, deviceFitClassOf, effectiveCalibration, fittedClassOf, prefillPath } from './device-class';
import { breakEven, servingCost, type BreakEven } from './economics';
import { acceleratorsNeeded, memoryFit, memoryLimitedBatch, type FitRequest, type MemoryFit } from './memory';
import { servingAtConcurrency } from './serving';
import { estimatePerformance, type PerformanceEstimate } from './performance';
import type {
  AcceleratorSpec,
  EngineCalibration,
  EngineId,
  OpenModelArchitecture,
  SpeculativeOptions,
  WeightFormat,
} from './types';

export const DEFAULT_UTILIZATION = 0.5;

export interface HardwareRequest {
  readonly model: OpenModelArchitecture;
  readonly accelerator: AcceleratorSpec;
  readonly format: WeightFormat;
  readonly engine: EngineId;
  /** KV cache precision id (`bf16`, `fp8`, `q8_0`…); default bf16. */
  readonly kvPrecision?: string;
  /** Accelerator count; default: the fewest that hold the model. */
  readonly accelerators?: number;
  /** Concurrent sequences; default: the engine's, reduced until it fits. */
  readonly batch?: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly speculative?: SpeculativeOptions;
  readonly utilization?: number;
  /** Overrides the accelerator's catalog price. */
  readonly usdPerHour?: number;
  readonly tokensPerDay?: number;
  /** API offerings of the same model, for break-even. */
  readonly offerings?: readonly Offering[];
  /** Assumptions made before the estimate (a custom model's expert layout), carried into the basis. */
  readonly assumptions?: readonly string[];
  /** Calibration table override (tests, fitting). */
  readonly calibration?: EngineCalibration;
}

export interface HardwareEstimate {
  readonly model: string;
  readonly accelerator: string;
  readonly precision: string;
  readonly kvPrecision: string;
  readonly engine: EngineId;
  readonly multiGpu: EngineCalibration['multiGpu'];
  /** Accelerators this estimate runs on. */
  readonly accelerators: number;
  /** The fewest accelerators that hold weights + KV cache; undefined when not even 64 do. */
  readonly acceleratorsNeeded?: number;
  readonly fits: boolean;
  readonly batch: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly memory: MemoryFit;
  /** perUser: steady state with the other slots' prefills interleaved; perUserNoStalls: between prefills. */
  readonly decodeTokensPerSecond: { readonly perUser: number; readonly perUserNoStalls: number; readonly total: number };
  readonly prefillTokensPerSecond: number;
  readonly ttftMs: number;
  readonly totalLatencyMs: number;
  /**
   * With `batch` clients in a closed loop: sequences the scheduler runs (max batch and KV cache
   * permitting), requests queued, TTFT including others' prompts and queueing, output tok/s.
   */
  readonly underLoad: {
    readonly concurrency: number;
    readonly running: number;
    readonly queued: number;
    readonly capacity: number;
    readonly ttftMs: number;
    readonly outputTokensPerSecond: number;
  };
  readonly decodeBound: 'memory' | 'compute';
  readonly speculative?: PerformanceEstimate['speculative'];
  readonly usdPerHour?: number;
  readonly monthlyUsd?: number;
  readonly usdPerMillionTokens?: number;
  readonly usdPerMillionOutputTokens?: number;
  readonly capacityTokensPerDay: number;
  readonly utilization: number;
  /** With a stated daily volume: deployments needed, their monthly price and the effective $/M tokens. */
  readonly atVolume?: {
    readonly tokensPerDay: number;
    readonly deployments: number;
    readonly monthlyUsd?: number;
    readonly usdPerMillionTokens?: number;
    /** Share of the deployments' capacity the volume uses. */
    readonly busyShare: number;
  };
  readonly breakEven: readonly BreakEven[];
  readonly quality: { readonly note: string; readonly source: string };
  readonly basis: {
    readonly model: string;
    readonly accelerator: string;
    readonly price?: string;
    readonly engine: string;
    readonly assumptions: readonly string[];
  };
  readonly issues: readonly string[];
}

/** A whole number ≥ 1 from any input (NaN, negatives and fractions included); `fallback` when absent or not finite. */
function count(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(1, Math.round(value)) : fallback;
}

function defaultBatch(req: FitRequest, n: number, wanted: number): number {
  let b = Math.max(1, wanted);
  while (b > 1 && !memoryFit({ ...req, batch: b }, n).fits) b = Math.floor(b / 2);
  return b;
}

/** The device class, whether the engine was fitted on it, the constants that apply, and the prompt's compute path. */
function deviceAssumption(engine: EngineCalibration, acc: AcceleratorSpec, format: WeightFormat): string {
  const cls = DEVICE_CLASS_NAMES[deviceFitClassOf(acc)];
  const eff = effectiveCalibration(engine, acc);
  const fittedOn = fittedClassOf(engine, acc);
  const fitted = fittedOn ? `fitted on ${DEVICE_CLASS_NAMES[fittedOn]}` : `not fitted on ${cls}: ${engine.engine} defaults`;
  return `${engine.engine} on ${cls} (${fitted}): bandwidth ${eff.bandwidthEfficiency}, FLOPs ${eff.flopsEfficiency}, step overhead ${eff.stepOverheadMs} ms; prompt matmuls on ${prefillPath(acc, format, engine).label}`;
}

export function estimateHardware(request: HardwareRequest): HardwareEstimate {
  const issues: string[] = [];
  const engine = request.calibration ?? engineCalibration(request.engine);
  const kvId = request.kvPrecision ?? 'bf16';
  const kvFormat = findKvFormat(kvId);
  if (!kvFormat) issues.push(`unknown KV precision '${kvId}', assumed bf16`);
  const kvBytes = kvFormat?.bytesPerElement ?? 2;
  const engineClass = engine.engine;
  if (!request.format.engines.includes(engineClass)) {
    issues.push(`${request.engine} does not serve ${request.format.id} weights; the estimate assumes it could`);
  }
  const inputTokens = count(request.inputTokens, 1);
  const outputTokens = count(request.outputTokens, 1);
  if (inputTokens + outputTokens > request.model.contextWindow) {
    issues.push(`input + output (${inputTokens + outputTokens}) exceeds the context window (${request.model.contextWindow})`);
  }
  const fitBase: FitRequest = {
    model: request.model,
    format: request.format,
    kvBytesPerElement: kvBytes,
    accelerator: request.accelerator,
    engine,
    batch: count(request.batch, 1),
    contextTokens: inputTokens + outputTokens,
  };
  const needed = acceleratorsNeeded(fitBase);
  const n = count(request.accelerators ?? needed, 1);
  const capBatch = request.batch !== undefined ? fitBase.batch : defaultBatch(fitBase, n, engine.defaultBatch);
  const perfRequest = (b: number) => ({
    model: request.model,
    format: request.format,
    kvBytesPerElement: kvBytes,
    accelerator: request.accelerator,
    engine,
    accelerators: n,
    batch: b,
    inputTokens,
    outputTokens,
    speculative: request.speculative,
  });
  const perfAt = (b: number) =>
    estimatePerformance({
      model: request.model,
      format: request.format,
      kvBytesPerElement: kvBytes,
      accelerator: request.accelerator,
      engine,
      accelerators: n,
      batch: b,
      inputTokens,
      outputTokens,
      speculative: request.speculative,
    });
  // With a stated traffic and no stated batch, the batch is what the traffic keeps in flight
  // (Little's law: arrivals per second × seconds per request), capped by memory and the engine.
  let batch = capBatch;
  let batchFrom = request.batch !== undefined ? 'given' : 'engine default, reduced to fit';
  if (request.batch === undefined && request.tokensPerDay !== undefined && request.tokensPerDay > 0) {
    const arrivalsPerSecond = request.tokensPerDay / (inputTokens + outputTokens) / 86400;
    let b = 1;
    for (let i = 0; i < 4; i++) b = Math.min(capBatch, Math.max(1, Math.ceil(arrivalsPerSecond * (perfAt(b).totalLatencyMs / 1000))));
    batch = b;
    batchFrom = `from your traffic: ${arrivalsPerSecond.toFixed(3)} requests/s × latency, capped at ${capBatch}`;
  }
  const fitReq = { ...fitBase, batch };
  const memory = memoryFit(fitReq, n);
  const neededAtBatch = acceleratorsNeeded(fitReq);
  if (!memory.fits) {
    issues.push(
      neededAtBatch === undefined
        ? `does not fit: needs more than 64 × ${request.accelerator.id}`
        : `does not fit on ${n} × ${request.accelerator.id}: needs ${neededAtBatch}`,
    );
  }
  if (engine.multiGpu === 'tensor-parallel' && request.model.heads % n !== 0) {
    issues.push(`tensor parallel over ${n} needs a divisor of the ${request.model.heads} attention heads`);
  }
  const perf = perfAt(batch);
  const capacity = Math.max(1, memoryLimitedBatch(fitReq, n));
  const load = servingAtConcurrency(perfRequest(batch), batch, capacity);
  const userPrice = request.usdPerHour !== undefined && Number.isFinite(request.usdPerHour) && request.usdPerHour >= 0 ? request.usdPerHour : undefined;
  const price = userPrice ?? request.accelerator.price?.usd;
  // Capacity and $/M tokens assume the deployment batches as much as memory allows,
  // whatever batch today's traffic needs.
  const full = batch === capBatch ? perf : perfAt(capBatch);
  const cost = servingCost({
    usdPerHourPerAccelerator: price,
    accelerators: n,
    inputTokens,
    outputTokens,
    batch: capBatch,
    prefillMs: full.prefill.ms,
    decodeStepMs: full.decode.ms,
    tokensPerStep: full.decode.perUserNoStallsTokensPerSecond * (full.decode.ms / 1000),
    utilization: request.utilization !== undefined && Number.isFinite(request.utilization) ? request.utilization : DEFAULT_UTILIZATION,
  });
  if (price === undefined) issues.push(`no hourly price for ${request.accelerator.id}: $/M tokens is unpriced (pass --usd-per-hour)`);
  let atVolume: HardwareEstimate['atVolume'];
  if (request.tokensPerDay !== undefined && request.tokensPerDay > 0) {
    const deployments = Math.max(1, Math.ceil(request.tokensPerDay / (cost.capacityTokensPerDay * cost.utilization)));
    const monthlyUsd = cost.monthlyUsd === undefined ? undefined : cost.monthlyUsd * deployments;
    atVolume = {
      tokensPerDay: request.tokensPerDay,
      deployments,
      monthlyUsd,
      usdPerMillionTokens: monthlyUsd === undefined ? undefined : (monthlyUsd / (request.tokensPerDay * DAYS_PER_MONTH)) * 1e6,
      busyShare: request.tokensPerDay / (cost.capacityTokensPerDay * deployments),
    };
  }
  const breakEvens = (request.offerings ?? []).map((o) => breakEven(cost, o, inputTokens, outputTokens, request.tokensPerDay));
  const assumptions = [
    ...(request.assumptions ?? []),
    `batch ${batch} concurrent sequence(s) (${batchFrom})`,
    `${inputTokens} input + ${outputTokens} output tokens per request`,
    `$/M tokens and capacity at batch ${capBatch}, utilization ${(cost.utilization * 100).toFixed(0)}% of a deployment rented 24/7`,
    `KV cache ${kvId}`,
    deviceAssumption(engine, request.accelerator, request.format),
  ];
  if (request.speculative) {
    const s = request.speculative;
    assumptions.push(`speculative decoding: acceptance ${s.acceptanceRate}, draft length ${s.draftLength}, draft cost ${s.draftCostRatio} of a step`);
  }
  return {
    model: request.model.id,
    accelerator: request.accelerator.id,
    precision: request.format.id,
    kvPrecision: kvId,
    engine: request.engine,
    multiGpu: engine.multiGpu,
    accelerators: n,
    acceleratorsNeeded: neededAtBatch,
    fits: memory.fits,
    batch,
    inputTokens,
    outputTokens,
    memory,
    decodeTokensPerSecond: {
      perUser: perf.decode.perUserTokensPerSecond,
      perUserNoStalls: perf.decode.perUserNoStallsTokensPerSecond,
      total: perf.decode.totalTokensPerSecond,
    },
    prefillTokensPerSecond: perf.prefill.tokensPerSecond,
    ttftMs: perf.ttftMs,
    totalLatencyMs: perf.totalLatencyMs,
    underLoad: {
      concurrency: load.concurrency,
      running: load.running,
      queued: load.queued,
      capacity: Math.min(capacity, engine.maxBatch ?? capacity),
      ttftMs: load.ttftMs,
      outputTokensPerSecond: load.outputTokensPerSecond,
    },
    decodeBound: perf.decode.bound,
    speculative: perf.speculative,
    usdPerHour: cost.usdPerHour,
    monthlyUsd: cost.monthlyUsd,
    usdPerMillionTokens: cost.usdPerMillionTokens,
    usdPerMillionOutputTokens: cost.usdPerMillionOutputTokens,
    capacityTokensPerDay: cost.capacityTokensPerDay,
    utilization: cost.utilization,
    atVolume,
    breakEven: breakEvens,
    quality: { note: request.format.quality.note, source: request.format.quality.source },
    basis: {
      model: withDate(request.model),
      accelerator: withDate(request.accelerator),
      price:
        userPrice !== undefined
          ? 'user-supplied --usd-per-hour'
          : request.accelerator.price
            ? withDate(request.accelerator.price)
            : undefined,
      engine: engine.era ? `${engine.note} Fit represents ${engine.era}.` : engine.note,
      assumptions,
    },
    issues,
  };
}
