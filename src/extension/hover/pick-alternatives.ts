/**
 * Two or three alternatives for a hover or a quick fix, picked from the
 * core's comparison: the cheapest offering that fits the workload, the
 * fastest, and a balanced one from the Pareto front. Pure.
 */
import type { CompareResult, CompareRow } from '../../core/compare/types';
import type { Price } from '../../core/cost/types';

export interface Alternative {
  readonly label: string;
  readonly offeringId: string;
  readonly model: string;
  readonly price: Price;
  readonly latencyMs?: number;
}

function usd(row: CompareRow): number {
  return row.perUnit.kind === 'priced' ? row.perUnit.usd : Infinity;
}

function toAlternative(label: string, row: CompareRow): Alternative {
  return { label, offeringId: row.id, model: row.model, price: row.perUnit, latencyMs: row.latencyMs };
}

/** Rows other than the current offering, API rows only, priced. Excluded (too small a context) rows are never in `rows`. */
export function pickAlternatives(result: CompareResult, currentOffering?: string): Alternative[] {
  const candidates = result.rows.filter((r) => r.kind === 'api' && r.id !== currentOffering && r.perUnit.kind === 'priced');
  if (candidates.length === 0) return [];
  const cheapest = candidates.reduce((a, b) => (usd(b) < usd(a) || (usd(b) === usd(a) && b.latencyMs < a.latencyMs) ? b : a));
  const fastest = candidates.reduce((a, b) => (b.latencyMs < a.latencyMs || (b.latencyMs === a.latencyMs && usd(b) < usd(a)) ? b : a));
  const picks = [toAlternative('cheapest that fits', cheapest)];
  if (fastest.id !== cheapest.id) picks.push(toAlternative('fastest', fastest));
  // A third, balanced pick: the Pareto row with the smallest cost × latency product.
  const balanced = candidates
    .filter((r) => r.pareto && r.id !== cheapest.id && r.id !== fastest.id)
    .sort((a, b) => usd(a) * a.latencyMs - usd(b) * b.latencyMs)[0];
  if (balanced) picks.push(toAlternative('balanced', balanced));
  return picks;
}
