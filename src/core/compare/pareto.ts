/** Cost-vs-latency Pareto front over priced rows; unpriced rows are never on it. */
import type { Price } from '../cost/types';

export interface ParetoPoint {
  readonly perUnit: Price;
  readonly latencyMs: number;
}

/** True when `a` is at least as good as `b` on both axes and strictly better on one. */
export function dominates(a: ParetoPoint, b: ParetoPoint): boolean {
  if (a.perUnit.kind !== 'priced' || b.perUnit.kind !== 'priced') return false;
  const ca = a.perUnit.usd;
  const cb = b.perUnit.usd;
  return ca <= cb && a.latencyMs <= b.latencyMs && (ca < cb || a.latencyMs < b.latencyMs);
}

/** One flag per point: on the front or not. Ties (same cost and latency) are all on the front. */
export function paretoFlags(points: readonly ParetoPoint[]): boolean[] {
  // Sort by cost then latency; sweep keeping the best latency seen so far.
  const order = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.perUnit.kind === 'priced' && Number.isFinite(p.latencyMs))
    .sort((x, y) => usdOf(x.p) - usdOf(y.p) || x.p.latencyMs - y.p.latencyMs);
  const flags = points.map(() => false);
  let bestLatency = Infinity;
  let prev: { p: ParetoPoint; onFront: boolean } | undefined;
  for (const { p, i } of order) {
    const duplicateOfFront = prev !== undefined && prev.onFront && usdOf(prev.p) === usdOf(p) && prev.p.latencyMs === p.latencyMs;
    flags[i] = p.latencyMs < bestLatency || duplicateOfFront;
    bestLatency = Math.min(bestLatency, p.latencyMs);
    prev = { p, onFront: flags[i] };
  }
  return flags;
}

function usdOf(p: ParetoPoint): number {
  return p.perUnit.kind === 'priced' ? p.perUnit.usd : Infinity;
}
