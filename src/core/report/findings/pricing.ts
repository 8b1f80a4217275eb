/** The catalog lookups and re-pricings the savings rules share: the same cost model as the site's price. */
import { estimateWorkload } from '../../agent/estimate';
import type { Catalog, ModelEntry, Offering, ProviderEntry } from '../../catalog/types';
import type { Price } from '../../cost/types';
import { DAYS_PER_MONTH, type Workload } from '../../workload';

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
