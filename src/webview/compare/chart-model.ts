/**
 * What the cost-vs-latency chart draws, from the host's rows: pure data, no DOM, so it is tested
 * without a browser. Each point carries the range of its price when the host computed one (the
 * site's assumed inputs): the chart draws it as an error bar.
 */
import type { CompareRow } from '../../core/compare/types';

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly id: string;
  /** The catalog has no speed figures for this offering: its latency is the cost layer's assumption. */
  readonly assumed: boolean;
  /** Low and high of the price ($ per unit), when it has a range: the error bar. */
  readonly yLow?: number;
  readonly yHigh?: number;
}

export interface ChartModel {
  readonly others: readonly ChartPoint[];
  /** Sorted by latency, so the line runs left to right. */
  readonly pareto: readonly ChartPoint[];
  readonly current: readonly ChartPoint[];
}

/** Points of the priced rows (a log axis cannot show $0 or unpriced ones); a low of $0 is left off the bar for the same reason. */
export function chartModel(rows: readonly CompareRow[], currentModel: string | undefined): ChartModel {
  const points = rows.flatMap((r) => {
    const p = r.perUnit;
    if (p.kind !== 'priced' || !(p.usd > 0)) return [];
    const bar = p.low !== undefined && p.high !== undefined && p.high > p.low ? { yLow: p.low > 0 ? p.low : p.usd, yHigh: p.high } : {};
    return [{ row: r, p: { x: r.latencyMs / 1000, y: p.usd, id: r.id, assumed: r.latencyBasis === 'assumed', ...bar } }];
  });
  return {
    others: points.filter((x) => !x.row.pareto).map((x) => x.p),
    pareto: points
      .filter((x) => x.row.pareto)
      .map((x) => x.p)
      .sort((a, b) => a.x - b.x || a.y - b.y),
    current: points.filter((x) => currentModel !== undefined && x.row.model === currentModel).map((x) => x.p),
  };
}
