/**
 * Fits the engine constants, their per-device-class overrides and the GGUF kernel
 * efficiencies on the FIT SET only (sources marked "fit" in measurements.json), by
 * coordinate descent on the mean absolute log error, each source weighted by
 * 1/√rows so one large table cannot drown the rest. `--write` stores the result,
 * rounded, in src/core/hardware/data/engines.json and formats.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceClassOf, deviceFitClassOf, findAccelerator, type DeviceCalibration, type DeviceFitClass, type EngineCalibration, type WeightFormat } from '../../src/core/hardware';
import { predict, setOf, type Calibration, type Dataset, type Measurement } from './calibrate';

type EngineKey = 'bandwidthEfficiency' | 'flopsEfficiency' | 'stepOverheadMs' | 'layerOverheadUs' | 'moeLayerOverheadUs' | 'prefillTokenLayerUs' | 'prefillOverheadMs' | 'allReduceUs' | 'pcieAllReduceUs' | 'layerSplitHopUs';
type DeviceKey = keyof DeviceCalibration;
const ENGINE_KEYS: readonly EngineKey[] = ['bandwidthEfficiency', 'flopsEfficiency', 'stepOverheadMs', 'layerOverheadUs', 'moeLayerOverheadUs', 'prefillTokenLayerUs', 'prefillOverheadMs', 'allReduceUs', 'pcieAllReduceUs', 'layerSplitHopUs'];
const DEVICE_KEYS: readonly DeviceKey[] = ['bandwidthEfficiency', 'flopsEfficiency', 'stepOverheadMs', 'layerOverheadUs', 'prefillTokenLayerUs', 'quantizedPrefillEfficiency', 'moeLayerOverheadUs', 'allReduceUs'];
const BOUNDS: Record<EngineKey | DeviceKey, [number, number]> = {
  quantizedPrefillEfficiency: [0.2, 1.2],
  bandwidthEfficiency: [0.3, 1],
  flopsEfficiency: [0.03, 0.95],
  stepOverheadMs: [0, 30],
  layerOverheadUs: [0, 300],
  moeLayerOverheadUs: [0, 500],
  prefillTokenLayerUs: [0, 20],
  prefillOverheadMs: [0, 300],
  // An NVLink all-reduce costs a few µs of launch and synchronisation at the least; without a
  // floor the fit trades it away for step overhead it cannot tell apart in TP8 rows.
  allReduceUs: [5, 500],
  pcieAllReduceUs: [0, 2000],
  layerSplitHopUs: [0, 5000],
};
/** ln(2): errors beyond a factor of two count as a factor of two. */
const LOSS_CAP = Math.log(2);
const FACTORS = [0.6, 0.8, 0.9, 0.95, 1.05, 1.1, 1.25, 1.6];

interface Weighted {
  readonly m: Measurement;
  readonly w: number;
}

function loss(rows: readonly Weighted[], cal: Calibration): number {
  let sum = 0;
  let total = 0;
  for (const { m, w } of rows) {
    const p = predict(m, cal);
    // Capped so one gross outlier (a benchmark limited by its client) cannot drag every constant.
    sum += w * (p === undefined || !(p > 0) ? 10 : Math.min(LOSS_CAP, Math.abs(Math.log(p / m.measured))));
    total += w;
  }
  return sum / Math.max(1e-9, total);
}

const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));
const step = (cur: number, f: number, b: [number, number]) => clamp(cur === 0 ? (f > 1 ? b[1] / 100 : 0) : cur * f, b);

function engineClassOfRow(m: Measurement): string {
  return m.engine === 'sglang' ? 'vllm' : m.engine;
}

/** Rows of the fit set with their weights; throws if a validation source would leak in. */
export function fitRows(dataset: Dataset): Weighted[] {
  const sets = setOf(dataset);
  const rows = dataset.measurements.filter((m) => sets.get(m.sourceId) === 'fit');
  const perSource = new Map<string, number>();
  for (const m of rows) perSource.set(m.sourceId, (perSource.get(m.sourceId) ?? 0) + 1);
  return rows.map((m) => ({ m, w: 1 / Math.sqrt(perSource.get(m.sourceId) ?? 1) }));
}

/** Mean weighted |log error| on the fit set after the last fit (for reports). */
export let lastFitLoss = NaN;

export function fitCalibration(dataset: Dataset, start: Calibration, rounds = 30): Calibration {
  const rows = fitRows(dataset);
  // Per-device overrides exist for the (engine, fit class) pairs the fit set covers; a refined
  // class (datacenter CUDA without FP8) starts from its broad class's constants.
  const classesOf = new Map<string, Set<DeviceFitClass>>();
  const broadOf = new Map<DeviceFitClass, DeviceFitClass>();
  for (const { m } of rows) {
    const acc = findAccelerator(m.accelerator);
    if (!acc) continue;
    const e = engineClassOfRow(m);
    if (!classesOf.has(e)) classesOf.set(e, new Set());
    (classesOf.get(e) as Set<DeviceFitClass>).add(deviceFitClassOf(acc));
    broadOf.set(deviceFitClassOf(acc), deviceClassOf(acc));
  }
  let cal: Calibration = {
    engines: start.engines.map((e) => {
      const byDevice: Partial<Record<DeviceFitClass, DeviceCalibration>> = { ...(e.byDevice ?? {}) };
      const classes = [...(classesOf.get(e.engine) ?? [])].sort((a, b) => (broadOf.get(a) === a ? 0 : 1) - (broadOf.get(b) === b ? 0 : 1));
      for (const cls of classes) {
        const broad = broadOf.get(cls);
        const inherited = broad && broad !== cls ? (byDevice[broad] ?? {}) : {};
        byDevice[cls] = { ...Object.fromEntries(DEVICE_KEYS.map((k) => [k, k === 'quantizedPrefillEfficiency' ? 1 : e[k]])), ...inherited, ...(byDevice[cls] ?? {}) };
      }
      return { ...e, byDevice };
    }),
    formats: start.formats.map((f) => ({ ...f })),
  };
  let best = loss(rows, cal);
  const tryCal = (trial: Calibration): boolean => {
    const l = loss(rows, trial);
    if (l < best - 1e-7) {
      best = l;
      cal = trial;
      return true;
    }
    return false;
  };
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (let ei = 0; ei < cal.engines.length; ei++) {
      if (!rows.some(({ m }) => engineClassOfRow(m) === cal.engines[ei].engine)) continue;
      for (const key of ENGINE_KEYS) {
        for (const f of FACTORS) {
          const cur = cal.engines[ei][key] ?? 0;
          const engines = cal.engines.map((e, i): EngineCalibration => (i === ei ? { ...e, [key]: step(cur, f, BOUNDS[key]) } : e));
          improved = tryCal({ ...cal, engines }) || improved;
        }
      }
      for (const cls of Object.keys(cal.engines[ei].byDevice ?? {}) as DeviceFitClass[]) {
        for (const key of DEVICE_KEYS) {
          for (const f of FACTORS) {
            const e0 = cal.engines[ei];
            const dev = (e0.byDevice ?? {})[cls] ?? {};
            const cur = dev[key] ?? (key === 'quantizedPrefillEfficiency' ? 1 : e0[key]);
            const next = { ...dev, [key]: step(cur, f, BOUNDS[key]) };
            const engines = cal.engines.map((e, i): EngineCalibration => (i === ei ? { ...e, byDevice: { ...e.byDevice, [cls]: next } } : e));
            improved = tryCal({ ...cal, engines }) || improved;
          }
        }
      }
    }
    for (let fi = 0; fi < cal.formats.length; fi++) {
      const id = cal.formats[fi].id;
      if (id === 'bf16' || !rows.some(({ m }) => m.precision === id)) continue;
      // A format's prompt efficiency is fitted only on rows that time prompts: otherwise it
      // becomes a free knob on the prefill stalls of served rows (gpt-oss MXFP4 under load).
      const timesPrompts = rows.some(({ m }) => m.precision === id && (m.category === 'prefill' || m.category === 'ttft'));
      const keys = timesPrompts ? (['kernelEfficiency', 'dequantOpsPerWeight', 'prefillEfficiency'] as const) : (['kernelEfficiency', 'dequantOpsPerWeight'] as const);
      for (const key of keys) {
        for (const f of FACTORS) {
          const cur = cal.formats[fi][key];
          const next = key === 'dequantOpsPerWeight' ? step(cur, f, [0, 100]) : clamp(cur * f, [0.2, 1]);
          const formats = cal.formats.map((x, i): WeightFormat => (i === fi ? { ...x, [key]: next } : x));
          improved = tryCal({ ...cal, formats }) || improved;
        }
      }
    }
    if (!improved) break;
  }
  lastFitLoss = best;
  return cal;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function rounded<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round3(v) : v])) as T;
}

/** Stores fitted constants (rounded to 3 decimals) in the shipped data files. */
export function writeCalibration(root: string, cal: Calibration): void {
  const enginesPath = join(root, 'src', 'core', 'hardware', 'data', 'engines.json');
  const engines = JSON.parse(readFileSync(enginesPath, 'utf8'));
  engines.engines = cal.engines.map((e) => {
    const byDevice = Object.fromEntries(Object.entries(e.byDevice ?? {}).map(([k, v]) => [k, rounded(v as DeviceCalibration)]));
    return { ...rounded(e), byDevice };
  });
  writeFileSync(enginesPath, JSON.stringify(engines, null, 2) + '\n');
  const formatsPath = join(root, 'src', 'core', 'hardware', 'data', 'formats.json');
  const formats = JSON.parse(readFileSync(formatsPath, 'utf8'));
  formats.weightFormats = formats.weightFormats.map((f: WeightFormat) => {
    const fitted = cal.formats.find((x) => x.id === f.id);
    return fitted ? { ...f, kernelEfficiency: round3(fitted.kernelEfficiency), dequantOpsPerWeight: round3(fitted.dequantOpsPerWeight), prefillEfficiency: round3(fitted.prefillEfficiency) } : f;
  });
  writeFileSync(formatsPath, JSON.stringify(formats, null, 2) + '\n');
}
