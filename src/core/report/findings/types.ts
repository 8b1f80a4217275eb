/**
 * Savings findings: places where the code pays more than it needs to, each with
 * the monthly saving computed by the same cost model as the site's price. They
 * are diagnostics (editor, `scan`, SARIF) with a `savings` figure, and each rule
 * can be turned off in settings (`"savings": { "model-fit": false }`).
 */
import type { Catalog } from '../../catalog/types';
import type { DetectedFile } from '../../detect/types';
import type { Assumptions } from '../../workload';
import type { FileReport } from '../types';

export const SAVINGS_RULES = ['cache-opportunity', 'cache-breaker', 'no-output-cap', 'batchable', 'model-fit'] as const;

export type SavingsRule = (typeof SAVINGS_RULES)[number];

/** Per rule, false turns it off; absent rules are on. */
export type SavingsSwitches = Readonly<Partial<Record<SavingsRule, boolean>>>;

/** US dollars a month: `usd` the expected saving, `low`..`high` its range (for an exposure, usd is 0 and high the exposure). */
export interface Savings {
  readonly monthly: { readonly usd: number; readonly low: number; readonly high: number };
}

export interface FindingContext {
  readonly detected: DetectedFile;
  readonly report: FileReport;
  readonly catalog: Catalog;
  readonly assumptions: Assumptions;
}
