/**
 * Predictions of the hardware model beside public measurements, and the error
 * table per category. Pure functions over bench/hardware/measurements.json; the
 * unit test `calibration.test.ts` recomputes the same table and asserts targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ENGINE_CALIBRATIONS,
  WEIGHT_FORMATS,
  engineClassOf,
  estimatePerformance,
  findAccelerator,
  findKvFormat,
  openModelArchitecture,
  parseEngine,
  type EngineCalibration,
  type WeightFormat,
} from '../../src/core/hardware';

export type Metric = 'decodePerUser' | 'decodeTotal' | 'outputThroughput' | 'prefillTokensPerSecond' | 'ttftMs';
export type Category = 'decode' | 'prefill' | 'batched' | 'ttft';

export interface Measurement {
  readonly id: string;
  readonly category: Category;
  readonly engine: string;
  readonly accelerator: string;
  readonly accelerators: number;
  readonly model: string;
  readonly precision: string;
  readonly kvPrecision: string;
  readonly batch: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly metric: Metric;
  readonly measured: number;
  readonly source: string;
  readonly asOf: string;
  readonly note?: string;
}

export interface Calibration {
  readonly engines: readonly EngineCalibration[];
  readonly formats: readonly WeightFormat[];
}

export const SHIPPED: Calibration = { engines: ENGINE_CALIBRATIONS, formats: WEIGHT_FORMATS };

/** Targets from the issue: single-stream decode tighter than the rest. */
export const TARGETS: Record<Category, { median: number; p90: number }> = {
  decode: { median: 0.12, p90: 0.3 },
  prefill: { median: 0.25, p90: 0.5 },
  batched: { median: 0.25, p90: 0.5 },
  ttft: { median: 0.25, p90: 0.5 },
};

export function loadMeasurements(root: string): Measurement[] {
  const raw = JSON.parse(readFileSync(join(root, 'bench', 'hardware', 'measurements.json'), 'utf8'));
  return raw.measurements as Measurement[];
}

/** The model's prediction for one measurement, or undefined when an id is unknown. */
export function predict(m: Measurement, cal: Calibration = SHIPPED): number | undefined {
  const model = openModelArchitecture(m.model);
  const accelerator = findAccelerator(m.accelerator);
  const engineId = parseEngine(m.engine);
  const format = cal.formats.find((f) => f.id === m.precision);
  const kv = findKvFormat(m.kvPrecision);
  if (!model || !accelerator || !engineId || !format || !kv) return undefined;
  const engine = cal.engines.find((e) => e.engine === engineClassOf(engineId));
  if (!engine) return undefined;
  const perf = estimatePerformance({
    model,
    format,
    kvBytesPerElement: kv.bytesPerElement,
    accelerator,
    engine,
    accelerators: m.accelerators,
    batch: m.batch,
    inputTokens: m.inputTokens,
    outputTokens: m.outputTokens,
  });
  switch (m.metric) {
    case 'decodePerUser':
      return perf.decode.perUserTokensPerSecond;
    case 'decodeTotal':
      return perf.decode.totalTokensPerSecond;
    case 'outputThroughput': {
      // Benchmark output tok/s: each request's life is its own TTFT plus its loaded decode steps.
      const lifeMs = perf.ttftMs + m.outputTokens * perf.decode.loadedStepMs;
      return (m.batch * m.outputTokens * 1000) / lifeMs;
    }
    case 'prefillTokensPerSecond':
      return perf.prefill.tokensPerSecond;
    case 'ttftMs':
      return perf.ttftMs;
  }
}

export interface ErrorRow {
  readonly m: Measurement;
  readonly predicted?: number;
  /** |predicted − measured| / measured */
  readonly ape?: number;
  readonly fitSet: boolean;
}

export function errorRows(ms: readonly Measurement[], cal: Calibration = SHIPPED): ErrorRow[] {
  return ms.map((m, i) => {
    const predicted = predict(m, cal);
    const ape = predicted === undefined ? undefined : Math.abs(predicted - m.measured) / m.measured;
    return { m, predicted, ape, fitSet: i % 2 === 0 };
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo] + (s[hi] - s[lo]) * (rank - lo);
}

export interface CategorySummary {
  readonly category: Category;
  readonly subset: 'all' | 'fit' | 'holdout';
  readonly n: number;
  readonly median: number;
  readonly p90: number;
}

export function summarize(rows: readonly ErrorRow[]): CategorySummary[] {
  const out: CategorySummary[] = [];
  for (const category of Object.keys(TARGETS) as Category[]) {
    for (const subset of ['all', 'fit', 'holdout'] as const) {
      const apes = rows
        .filter((r) => r.m.category === category && r.ape !== undefined)
        .filter((r) => subset === 'all' || (subset === 'fit') === r.fitSet)
        .map((r) => r.ape as number);
      out.push({ category, subset, n: apes.length, median: percentile(apes, 50), p90: percentile(apes, 90) });
    }
  }
  return out;
}

/**
 * The plain roofline the issue warns about, for contrast: decode = N · bandwidth / weight bytes
 * (no efficiencies, no overheads, every accelerator assumed to add bandwidth).
 */
export function naiveDecode(m: Measurement): number | undefined {
  const model = openModelArchitecture(m.model);
  const accelerator = findAccelerator(m.accelerator);
  const format = WEIGHT_FORMATS.find((f) => f.id === m.precision);
  if (!model || !accelerator || !format) return undefined;
  return (m.accelerators * accelerator.bandwidthGBs * 1e9) / (model.totalParamsB * 1e9 * (format.bitsPerWeight / 8));
}
