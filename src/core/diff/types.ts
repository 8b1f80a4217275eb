/**
 * The diff contract (`tokenomics diff --format json`, version 1): two scans of
 * the same code at two revisions, their totals as `tokenomics scan` prints them,
 * and the sites that were added, removed or changed, with monthly deltas and the
 * reasons. Money is in US dollars; `null` where a figure is unpriced.
 */
import type { ReportTotals, SiteScope } from '../report/types';

export const DIFF_VERSION = 1;

export type SiteChange = 'added' | 'removed' | 'changed' | 'unchanged';

export type DiffSiteKind = 'call' | 'loop' | 'instructions';

export interface DiffSide {
  /** The revision as given (`origin/main`), or `working tree`. */
  readonly ref: string;
  /** The commit it names; for the working tree, HEAD's commit (null before the first commit). */
  readonly commit: string | null;
  readonly workingTree?: boolean;
  /** Exactly the `totals` of `tokenomics scan --format json` on that revision. */
  readonly totals: ReportTotals;
}

export interface SiteDelta {
  readonly change: SiteChange;
  /** Where the site is in the head (for a removed site: where it was in the base). */
  readonly path: string;
  readonly line: number;
  /** Where it was in the base; null for an added site. */
  readonly basePath: string | null;
  readonly baseLine: number | null;
  readonly kind: DiffSiteKind;
  readonly framework: string;
  readonly scope?: SiteScope;
  readonly unit: 'call' | 'task' | 'request';
  readonly model: { readonly base: string | null; readonly head: string | null };
  readonly perUnit: { readonly base: number | null; readonly head: number | null };
  readonly monthly: { readonly base: number | null; readonly head: number | null; readonly delta: number | null };
  /** Why it changed, in words: `model swap gpt-4o-mini → gpt-4.1`, `prompt +1.2k tokens`, `loop bound removed`. */
  readonly reasons: readonly string[];
}

export interface DiffReport {
  readonly version: typeof DIFF_VERSION;
  readonly command: 'diff';
  readonly base: DiffSide;
  readonly head: DiffSide;
  readonly delta: {
    /** head − base of the scans' headline monthly totals; low/high: the same difference of their ranges. */
    readonly monthlyCost: { readonly usd: number; readonly low: number; readonly high: number };
    /** Percent of the base's monthly total; null when the base costs nothing. */
    readonly percent: number | null;
  };
  /** Ranked by the size of the monthly delta, largest first; unchanged sites only with `--all`. */
  readonly sites: readonly SiteDelta[];
  readonly catalog: { readonly asOf: string; readonly source: string };
}
