/**
 * Savings findings for one analysed file: every rule that is on, its findings
 * appended to the file's diagnostics. Rules read the detected sites and the
 * priced report, and re-price with the catalog: no I/O.
 */
import type { Catalog } from '../../catalog/types';
import type { DetectedFile } from '../../detect/types';
import type { Assumptions } from '../../workload';
import type { DiagnosticReport, FileReport } from '../types';
import { batchable } from './batchable';
import { cacheBreaker } from './cache-breaker';
import { cacheOpportunity } from './cache-opportunity';
import { modelFit } from './model-fit';
import { noOutputCap } from './no-output-cap';
import type { FindingContext, SavingsRule, SavingsSwitches } from './types';

export { SAVINGS_RULES, type Savings, type SavingsRule, type SavingsSwitches } from './types';
export { topSavings, savingsTable, type RankedSaving } from './summary';

/** The rules there are, each turned off by `"savings": { "<rule>": false }`. */
const RULES: Readonly<Record<SavingsRule, (ctx: FindingContext) => DiagnosticReport[]>> = {
  'cache-opportunity': cacheOpportunity,
  'cache-breaker': cacheBreaker,
  'no-output-cap': noOutputCap,
  batchable,
  'model-fit': modelFit,
};

export function savingsFindings(detected: DetectedFile, report: FileReport, catalog: Catalog, assumptions: Assumptions & { readonly savings?: SavingsSwitches }): DiagnosticReport[] {
  const ctx: FindingContext = { detected, report, catalog, assumptions };
  const out: DiagnosticReport[] = [];
  for (const [rule, run] of Object.entries(RULES) as [SavingsRule, (c: FindingContext) => DiagnosticReport[]][]) {
    if (assumptions.savings?.[rule] === false) continue;
    out.push(...run(ctx));
  }
  return out;
}

/** The report with its savings findings appended to the diagnostics (the same object when there are none). */
export function withSavingsFindings(detected: DetectedFile, report: FileReport, catalog: Catalog, assumptions: Assumptions): FileReport {
  const found = savingsFindings(detected, report, catalog, assumptions);
  return found.length === 0 ? report : { ...report, diagnostics: [...report.diagnostics, ...found] };
}
