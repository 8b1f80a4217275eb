/**
 * The editor's view of numbers: thin names over `src/core/format`, so a
 * hover, a CodeLens, the panel and the CLI print the same figures.
 */
import { formatInteger, formatMultiplier, formatPercent, formatPerMillion, formatPrice } from './core-format';

export { formatDuration, formatTokens, formatUsd } from './core-format';

/** `$0.0042`, or `unpriced` — never `$0` for a price we do not know. */
export const priceText = formatPrice;
/** A per-million-token catalog price: `$2.50/M`, or `—` when the catalog has none. */
export const perMillionText = formatPerMillion;
/** A 0..1 share as a percentage: `0.4%`, `12%`. */
export const shareText = formatPercent;
/** Thousands-separated integer: `1,047,576`. */
export const integerText = formatInteger;
/** `×31.2` */
export const multiplierText = formatMultiplier;
