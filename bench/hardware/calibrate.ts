/**
 * Predictions of the hardware model beside public measurements, and the error
 * tables per category and device class. Pure functions over
 * bench/hardware/measurements.json, whose rows are split BY SOURCE into a fit set
 * (read by fit.ts) and a validation set the fit never sees; the unit test
 * `calibration.test.ts` recomputes the validation table and checks the split.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ENGINE_CALIBRATIONS,
  WEIGHT_FORMATS,
  burstTtftMs,
  decodeStep,
  deviceClassOf,
  engineClassOf,
  estimatePerformance,
  findAccelerator,
  findKvFormat,
  memoryLimitedBatch,
  openModelArchitecture,
  parseEngine,
  prefillTiming,
  servingAtConcurrency,
  type DeviceClass,
  type EngineCalibration,
  type PerfRequest,
  type WeightFormat,
} from '../../src/core/hardware';

export type Metric =
  | 'decodePerUser'
  | 'decodeTotal'
  | 'batchDecodeTotal'
  | 'outputThroughput'
  | 'prefillTokensPerSecond'
  | 'ttftMs'
  | 'burstTtftMs'
  | 'requestLatencyMs';
/** decode = single-stream decode; batched = served throughput and per-user speed under load. */
export type Category = 'decode' | 'prefill' | 'batched' | 'ttft';
export type DataSet = 'fit' | 'validation';

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
  /** Tokens already cached before the prompt (llama-bench `@ dN`). */
  readonly contextTokens?: number;
  /** Prompt tokens per pass when the run set it (llama.cpp -ub). */
  readonly ubatch?: number;
  readonly metric: Metric;
  readonly measured: number;
  readonly source: string;
  readonly sourceId: string;
  readonly asOf: string;
  readonly note?: string;
}

export interface SourceInfo {
  readonly id: string;
  readonly set: DataSet;
  readonly url: string;
  readonly engineEra: string;
  readonly covers: string;
  readonly rows: number;
}

export interface Dataset {
  readonly measurements: readonly Measurement[];
  readonly sources: readonly SourceInfo[];
}

export interface Calibration {
  readonly engines: readonly EngineCalibration[];
  readonly formats: readonly WeightFormat[];
}

export const SHIPPED: Calibration = { engines: ENGINE_CALIBRATIONS, formats: WEIGHT_FORMATS };

/** Targets on the validation set (issue 16). */
export const TARGETS: Record<Category, { median: number; p90: number }> = {
  decode: { median: 0.1, p90: 0.25 },
  prefill: { median: 0.2, p90: 0.4 },
  batched: { median: 0.3, p90: 0.8 },
  ttft: { median: 0.3, p90: 0.8 },
};

export const CATEGORY_NAMES: Record<Category, string> = {
  decode: 'single-stream decode',
  prefill: 'prefill',
  batched: 'served throughput',
  ttft: 'TTFT',
};

export function loadDataset(root: string): Dataset {
  const raw = JSON.parse(readFileSync(join(root, 'bench', 'hardware', 'measurements.json'), 'utf8'));
  return { measurements: raw.measurements as Measurement[], sources: raw.sources as SourceInfo[] };
}

/** Kept for callers that only need the rows. */
export function loadMeasurements(root: string): Measurement[] {
  return [...loadDataset(root).measurements];
}

function requestFor(m: Measurement, cal: Calibration): { req: PerfRequest; capacity: number } | undefined {
  const model = openModelArchitecture(m.model);
  const accelerator = findAccelerator(m.accelerator);
  const engineId = parseEngine(m.engine);
  const format = cal.formats.find((f) => f.id === m.precision);
  const kv = findKvFormat(m.kvPrecision);
  if (!model || !accelerator || !engineId || !format || !kv) return undefined;
  const engine = cal.engines.find((e) => e.engine === engineClassOf(engineId));
  if (!engine) return undefined;
  const req: PerfRequest = {
    model,
    format,
    kvBytesPerElement: kv.bytesPerElement,
    accelerator,
    engine,
    accelerators: m.accelerators,
    batch: m.batch,
    inputTokens: Math.max(1, m.inputTokens),
    outputTokens: Math.max(1, m.outputTokens),
    priorTokens: m.contextTokens,
    buildDate: m.asOf,
    prefillChunkTokens: m.ubatch,
  };
  const context = (m.contextTokens ?? 0) + m.inputTokens + m.outputTokens;
  const capacity = memoryLimitedBatch(
    { model, format, kvBytesPerElement: kv.bytesPerElement, accelerator, engine, batch: 1, contextTokens: context },
    m.accelerators,
  );
  return { req, capacity: Math.max(1, capacity) };
}

/** The model's prediction for one measurement, or undefined when an id is unknown. */
export function predict(m: Measurement, cal: Calibration = SHIPPED): number | undefined {
  const built = requestFor(m, cal);
  if (!built) return undefined;
  const { req, capacity } = built;
  const load = () => servingAtConcurrency(req, m.batch, capacity);
  switch (m.metric) {
    case 'decodePerUser':
      return m.batch === 1 ? estimatePerformance(req).decode.perUserNoStallsTokensPerSecond : load().perUserTokensPerSecond;
    case 'decodeTotal':
      return m.batch * load().perUserTokensPerSecond;
    case 'batchDecodeTotal':
      return (m.batch * 1000) / decodeStep(req).ms;
    case 'outputThroughput':
      return load().outputTokensPerSecond;
    case 'prefillTokensPerSecond':
      return (req.inputTokens / prefillTiming(req).ms) * 1000;
    case 'ttftMs':
      return load().ttftMs;
    case 'burstTtftMs':
      return burstTtftMs(req, m.batch);
    case 'requestLatencyMs': {
      const l = load();
      return l.requestMs + l.queueWaitMs;
    }
  }
}

export interface ErrorRow {
  readonly m: Measurement;
  readonly predicted?: number;
  /** |predicted − measured| / measured */
  readonly ape?: number;
  /** Signed log error ln(predicted / measured): > 0 over-predicts. */
  readonly logError?: number;
  readonly set: DataSet;
  readonly deviceClass: DeviceClass | 'unknown';
}

export function setOf(dataset: Dataset): Map<string, DataSet> {
  return new Map(dataset.sources.map((s) => [s.id, s.set]));
}

export function errorRows(dataset: Dataset, cal: Calibration = SHIPPED): ErrorRow[] {
  const sets = setOf(dataset);
  return dataset.measurements.map((m) => {
    const predicted = predict(m, cal);
    const ok = predicted !== undefined && predicted > 0;
    const acc = findAccelerator(m.accelerator);
    return {
      m,
      predicted,
      ape: ok ? Math.abs(predicted - m.measured) / m.measured : undefined,
      logError: ok ? Math.log(predicted / m.measured) : undefined,
      set: sets.get(m.sourceId) ?? 'validation',
      deviceClass: acc ? deviceClassOf(acc) : 'unknown',
    };
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

export interface Summary {
  readonly category: Category;
  readonly set: DataSet;
  /** Device class, or 'all'. */
  readonly group: DeviceClass | 'unknown' | 'all';
  readonly n: number;
  readonly median: number;
  readonly p90: number;
}

function summary(rows: readonly ErrorRow[], category: Category, set: DataSet, group: Summary['group']): Summary {
  const apes = rows
    .filter((r) => r.m.category === category && r.set === set && r.ape !== undefined)
    .filter((r) => group === 'all' || r.deviceClass === group)
    .map((r) => r.ape as number);
  return { category, set, group, n: apes.length, median: percentile(apes, 50), p90: percentile(apes, 90) };
}

/** Per category: fit and validation over all rows. */
export function summarize(rows: readonly ErrorRow[]): Summary[] {
  const out: Summary[] = [];
  for (const category of Object.keys(TARGETS) as Category[]) {
    for (const set of ['fit', 'validation'] as const) out.push(summary(rows, category, set, 'all'));
  }
  return out;
}

/** Per category and device class, on one set (rows present only). */
export function summarizeByDevice(rows: readonly ErrorRow[], set: DataSet = 'validation'): Summary[] {
  const classes = [...new Set(rows.map((r) => r.deviceClass))].sort();
  const out: Summary[] = [];
  for (const category of Object.keys(TARGETS) as Category[]) {
    for (const group of classes) {
      const s = summary(rows, category, set, group);
      if (s.n > 0) out.push(s);
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
