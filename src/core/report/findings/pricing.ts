/**
 * What the savings rules share: the sites they look at, with their catalog
 * entries, and one way to price a site again with a change (another workload,
 * another offering) and take the difference, by the same cost model as the
 * site's own price.
 */
import { estimateWorkload } from '../../agent/estimate';
import type { Catalog, ModelEntry, Offering, ProviderEntry } from '../../catalog/types';
import type { Price } from '../../cost/types';
import type { DetectedCall } from '../../detect/types';
import { DAYS_PER_MONTH, type Workload } from '../../workload';
import { billedRole } from '../roles';
import type { CallReport, DiagnosticReport, FindingFix, Span } from '../types';
import type { FindingContext, Savings, SavingsRule } from './types';

export function offeringById(catalog: Catalog, id: string | undefined): Offering | undefined {
  return id ? catalog.offerings.find((o) => o.id === id) : undefined;
}

export function modelById(catalog: Catalog, id: string | undefined): ModelEntry | undefined {
  return id ? catalog.models.find((m) => m.id === id) : undefined;
}

export function providerOf(catalog: Catalog, offering: Offering): ProviderEntry | undefined {
  return catalog.providers.find((p) => p.id === offering.provider);
}

/** The price of one unit (call or task) of `workload` on `offering`; undefined when unpriced. */
export function unitUsd(catalog: Catalog, offering: Offering, workload: Workload): number | undefined {
  const p: Price = estimateWorkload(catalog, offering, workload).perUnit;
  return p.kind === 'priced' ? p.usd : undefined;
}

/** Units a month at the workload's traffic. */
export function unitsPerMonth(workload: Workload): number {
  return workload.callsPerDay * DAYS_PER_MONTH;
}

/** A priced request of the file with what the rules look up about it. */
export interface PricedSite {
  readonly call: CallReport;
  readonly detected: DetectedCall;
  readonly offering: Offering;
  readonly model: ModelEntry | undefined;
  readonly provider: ProviderEntry | undefined;
}

/**
 * The requests a rule looks at: priced, with a catalog offering, not a binding. `billed` (the
 * default) leaves out calls priced as a step of a task (the task is the unit there); `steps` keeps them.
 */
export function pricedSites(ctx: FindingContext, which: 'billed' | 'steps' = 'billed'): PricedSite[] {
  const out: PricedSite[] = [];
  for (const call of ctx.report.calls) {
    if ((which === 'billed' && call.stepOf) || !billedRole(call.role) || call.costPerCall.kind !== 'priced') continue;
    const detected = ctx.detected.calls.find((d) => d.id === call.id);
    const offering = offeringById(ctx.catalog, call.offering);
    if (!detected || !offering) continue;
    out.push({ call, detected, offering, model: modelById(ctx.catalog, call.modelResolved), provider: providerOf(ctx.catalog, offering) });
  }
  return out;
}

/** A unit priced as it is (`now`) and again with a change (`then`), in US dollars, and what the change saves. */
export interface Repricing {
  readonly now: number;
  readonly then: number;
  /** now − then: negative when the change costs more (an exposure). */
  readonly savedPerUnit: number;
  readonly savedPerMonth: number;
}

/**
 * Prices `workload` on `offering`, then again with `change` applied (workload fields replaced,
 * or another offering), at the workload's traffic. Undefined when either side is unpriced:
 * a saving we cannot price is not said to be zero.
 */
export function reprice(catalog: Catalog, offering: Offering, workload: Workload, change: { readonly workload?: Partial<Workload>; readonly offering?: Offering }): Repricing | undefined {
  const now = unitUsd(catalog, offering, workload);
  const then = unitUsd(catalog, change.offering ?? offering, { ...workload, ...change.workload });
  if (now === undefined || then === undefined) return undefined;
  return { now, then, savedPerUnit: now - then, savedPerMonth: (now - then) * unitsPerMonth(workload) };
}

/** A savings finding: an information diagnostic on `span` with its monthly figure (and the quick fix's edit, when mechanical). */
export function savingsFinding(span: Span, code: SavingsRule, siteId: string, message: string, monthly: Savings['monthly'], fix?: FindingFix): DiagnosticReport {
  return {
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
    severity: 'information',
    code,
    siteId,
    message,
    savings: { monthly },
    ...(fix ? { fix } : {}),
  };
}
