/**
 * The headline of a site estimate, written the same way on every surface: the CodeLens,
 * the hover, the status bar, Compare's pinned row, the report sidebar and the CLI tables.
 * Agreement tests compare these strings across surfaces.
 */
import type { SiteEstimate } from '../estimate/types';
import { formatPrice, formatPriceWithRange } from './index';

/**
 * `$0.0042/call`, `$0.38/task (0.21–0.95)`, `unpriced/call`: the figure with its range in the
 * compact form (a range within ±10% of the figure is left out), the same on every surface.
 */
export function formatFigure(estimate: Pick<SiteEstimate, 'price' | 'unit'>): string {
  return formatPriceWithRange(estimate.price, { unit: estimate.unit, compact: true });
}

/** `$126/mo`, or undefined when the site is priced as a step of a task (its cost is in the task's figure). */
export function formatMonthly(estimate: Pick<SiteEstimate, 'monthly'>): string | undefined {
  return estimate.monthly ? `${formatPrice(estimate.monthly)}/mo` : undefined;
}
