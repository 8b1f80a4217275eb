export type { CallEstimate, CallUsage, CostBreakdown, LatencyEstimate, Price } from './types';
export { priceCall, promptTokens, tierFor, effectivePrices } from './price';
export { estimateLatency, DEFAULT_SPEED } from './latency';
export { sumPrices, scalePrice, picoToUsd, withRange } from './money';
