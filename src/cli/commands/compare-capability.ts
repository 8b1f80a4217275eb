/**
 * `compare --needs` and `--show-all`: the site's needs as the core takes them, and
 * the notes that say what the capability filter hid and why. Formatting only: the
 * verdicts come from core `checkCapabilities` through `compareOfferings`.
 */
import type { CompareResult } from '../../core/compare/types';
import type { SiteNeeds } from '../../core/report/types';
import { UsageError } from '../command';

const NEEDS: Readonly<Record<string, keyof SiteNeeds>> = {
  tools: 'tools',
  'structured-output': 'structuredOutput',
  vision: 'vision',
  reasoning: 'reasoning',
};

export function siteNeedsOf(values: readonly string[]): SiteNeeds {
  const needs: Partial<Record<keyof SiteNeeds, boolean>> = {};
  for (const v of values) {
    const key = NEEDS[v];
    if (!key) throw new UsageError(`--needs must be one of ${Object.keys(NEEDS).join(', ')} (got '${v}')`);
    needs[key] = true;
  }
  return needs;
}

export function capabilityNotes(result: CompareResult): string[] {
  const f = result.capabilityFilter;
  if (!f) return [];
  const hidden = result.excluded.filter((e) => e.reason === 'capability');
  const unknown = hidden.filter((e) => e.capability?.verdict === 'unknown').length;
  const needs = f.needs.length > 0 ? f.needs.join(', ') : 'text output';
  if (f.showAll) {
    const marked = result.rows.filter((r) => r.capability && r.capability.verdict !== 'can').length;
    return [`needs: ${needs}; showing all offerings, ${marked} marked as unable (✗) or not stated (?)`];
  }
  if (hidden.length === 0) return [`needs: ${needs}; every offering shown can do the job`];
  return [`needs: ${needs}; hidden: ${hidden.length} offerings that cannot do the job${unknown > 0 ? ` (${unknown} because no source states a needed capability)` : ''}; --show-all lists them`];
}
