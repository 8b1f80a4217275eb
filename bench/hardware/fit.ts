/**
 * Fits the engine constants and the GGUF kernel efficiencies to the fit half of
 * the measurements (even positions) by coordinate descent on the mean absolute
 * log error. Prints the fitted values; they are copied, rounded, into
 * src/core/hardware/data/engines.json and formats.json by hand, so the shipped
 * numbers are always visible in review.
 */
import type { EngineCalibration, WeightFormat } from '../../src/core/hardware';
import { errorRows, predict, type Calibration, type Measurement } from './calibrate';

type EngineKey = 'bandwidthEfficiency' | 'flopsEfficiency' | 'stepOverheadMs' | 'layerOverheadUs' | 'prefillOverheadMs' | 'allReduceUs' | 'prefillTokenLayerUs' | 'moeLayerOverheadUs';
const ENGINE_KEYS: readonly EngineKey[] = ['bandwidthEfficiency', 'flopsEfficiency', 'stepOverheadMs', 'layerOverheadUs', 'prefillOverheadMs', 'allReduceUs', 'prefillTokenLayerUs', 'moeLayerOverheadUs'];
const BOUNDS: Record<EngineKey, [number, number]> = {
  bandwidthEfficiency: [0.3, 1],
  flopsEfficiency: [0.05, 0.95],
  stepOverheadMs: [0, 30],
  layerOverheadUs: [0, 300],
  prefillOverheadMs: [0, 300],
  allReduceUs: [0, 500],
  prefillTokenLayerUs: [0, 20],
  moeLayerOverheadUs: [0, 500],
};

function loss(ms: readonly Measurement[], cal: Calibration): number {
  let sum = 0;
  for (const m of ms) {
    const p = predict(m, cal);
    sum += p === undefined || !(p > 0) ? 10 : Math.abs(Math.log(p / m.measured));
  }
  return sum / Math.max(1, ms.length);
}

function clamp(v: number, [lo, hi]: [number, number]): number {
  return Math.min(hi, Math.max(lo, v));
}

export function fitCalibration(all: readonly Measurement[], start: Calibration, rounds = 25): Calibration {
  const fitSet = errorRows(all, start).filter((r) => r.fitSet).map((r) => r.m);
  let cal: Calibration = { engines: start.engines.map((e) => ({ ...e })), formats: start.formats.map((f) => ({ ...f })) };
  let best = loss(fitSet, cal);
  const factors = [0.6, 0.8, 0.9, 0.95, 1.05, 1.1, 1.25, 1.6];
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (let ei = 0; ei < cal.engines.length; ei++) {
      const subset = fitSet.filter((m) => (m.engine === 'sglang' ? 'vllm' : m.engine) === cal.engines[ei].engine);
      if (subset.length === 0) continue;
      for (const key of ENGINE_KEYS) {
        for (const f of factors) {
          const cur = cal.engines[ei][key];
          const next = clamp(cur === 0 ? (f > 1 ? 1 : 0) : cur * f, BOUNDS[key]);
          const engines = cal.engines.map((e, i): EngineCalibration => (i === ei ? { ...e, [key]: next } : e));
          const trial = { ...cal, engines };
          const l = loss(fitSet, trial);
          if (l < best - 1e-6) {
            best = l;
            cal = trial;
            improved = true;
          }
        }
      }
    }
    for (let fi = 0; fi < cal.formats.length; fi++) {
      if (!fitSet.some((m) => m.precision === cal.formats[fi].id) || cal.formats[fi].id === 'bf16') continue;
      for (const key of ['kernelEfficiency', 'dequantOpsPerWeight', 'prefillEfficiency'] as const) {
        for (const f of factors) {
          const cur = cal.formats[fi][key];
          const next = key !== 'dequantOpsPerWeight' ? clamp(cur * f, [0.3, 1]) : clamp(cur === 0 ? (f > 1 ? 1 : 0) : cur * f, [0, 100]);
          const formats = cal.formats.map((x, i): WeightFormat => (i === fi ? { ...x, [key]: next } : x));
          const trial = { ...cal, formats };
          const l = loss(fitSet, trial);
          if (l < best - 1e-6) {
            best = l;
            cal = trial;
            improved = true;
          }
        }
      }
    }
    if (!improved) break;
  }
  return cal;
}
