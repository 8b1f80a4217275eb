/**
 * Self-hosted inference: memory fit, prefill/decode speed, $/M tokens and
 * break-even against APIs for open models on accelerators at a precision.
 * See docs/hardware.md for the formulas and their calibration.
 */
export * from './types';
export {
  ACCELERATORS,
  OPEN_MODELS,
  WEIGHT_FORMATS,
  KV_FORMATS,
  ENGINE_CALIBRATIONS,
  findAccelerator,
  findWeightFormat,
  findKvFormat,
  openModelArchitecture,
  engineCalibration,
  engineClassOf,
  parseEngine,
} from './catalog';
export { weightBytes, kvBytesPerToken, kvBytesForContext, memoryFit, acceleratorsNeeded, candidateCounts, usableMemoryGB, memoryLimitedBatch } from './memory';
export type { MemoryFit, FitRequest } from './memory';
export { estimatePerformance, decodeStep, prefillTiming, paramsTouchedB, effectiveActiveParamsB, expectedTokensPerStep, peakTflops, EXPERT_GEMM_TILE_ROWS, METAL_EXPERT_GEMM_TILE_ROWS, expertTileRows } from './performance';
export { servingAtConcurrency, burstTtftMs } from './serving';
export type { ServingLoad } from './serving';
export { deviceClassOf, deviceFitClassOf, fittedClassOf, linkKindOf, effectiveCalibration, hasDeviceFit, prefillPath, DEVICE_CLASS_NAMES } from './device-class';
export type { PrefillPath } from './device-class';
export type { PerfRequest, PerformanceEstimate, StepTiming } from './performance';
export { servingCost, breakEven, apiUsdPerToken, HOURS_PER_MONTH } from './economics';
export type { ServingCost, BreakEven } from './economics';
export { estimateHardware, DEFAULT_UTILIZATION } from './estimate';
export type { HardwareRequest, HardwareEstimate } from './estimate';
export { selfHostedOptions, DEFAULT_OPTION_PRECISIONS } from './options';
export type { SelfHostedOptions, SelfHostedOptionsOptions } from './options';
export { selfHostedCompareRows, selfHostedCandidates, selfHostedUsdPerMillion, selfHostedMonthlyUsd } from './compare-rows';
export type { SelfHostedRows, SelfHostedCandidate, CandidateOptions } from './compare-rows';
export { customArchitecture, customAccelerator, moeFromTotals, withDate, ASSUMED_EXPERTS, ASSUMED_EXPERTS_PER_TOKEN } from './custom';
export type { CustomModelSpec, CustomAcceleratorSpec } from './custom';
