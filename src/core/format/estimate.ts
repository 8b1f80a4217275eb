/**
 * The headline of a site estimate, written the same way on every surface: the CodeLens,
 * the hover, the status bar, Compare's pinned row, the report sidebar and the CLI tables.
 * Agreement tests compare these strings across surfaces.
 */
import type { SiteEstimate } from '../estimate/types';
import type { UnknownInput } from '../report/types';
import { formatPrice, formatPriceWithRange, formatTokens } from './index';

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

/**
 * A site's input tokens: the count (`1.8k`), or `unknown (50–800)` when the scan could not read what the site
 * sends (report/unknown-input.ts): the range its price assumes, never a count of 0. The same on every surface.
 */
export function formatInputTokens(tokens: number, unknown: UnknownInput | undefined): string {
  return unknown ? `unknown (${formatTokens(unknown.low)}–${formatTokens(unknown.high)})` : formatTokens(tokens);
}

/** The input of an estimate as the CodeLens, hover and status bar write it; a task's unknown input is a step's. */
export function formatEstimateInput(e: Pick<SiteEstimate, 'tokens' | 'inputUnknown' | 'steps'>): string {
  return `${formatInputTokens(e.tokens.input, e.inputUnknown)}${e.inputUnknown && e.steps ? ' a step' : ''}`;
}
