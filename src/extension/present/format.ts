/**
 * The editor's view of numbers. Money, token and duration formatting is
 * shared with the CLI and the webviews through `src/core/format`; this module
 * only adds the editor-specific phrasings (unpriced, per-million prices,
 * context shares) on top, so a hover and the CLI print the same figures.
 */
import type { Price } from '../../core/cost/types';
import { formatDuration, formatTokens, formatUsd } from './core-format';

export { formatDuration, formatTokens, formatUsd };

/** `$0.0042`, or `unpriced` — never `$0` for a price we do not know. */
export function priceText(price: Price): string {
  return price.kind === 'priced' ? formatUsd(price.usd) : 'unpriced';
}

/** A per-million-token catalog price: `$2.50/M`, or `n/a` when the catalog has none. */
export function perMillionText(usdPerMillion: number | undefined): string {
  return usdPerMillion === undefined ? 'n/a' : `${formatUsd(usdPerMillion)}/M`;
}

/** A 0..1 share as a percentage with sensible precision: `0.4%`, `12%`, `<0.1%`. */
export function shareText(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  if (pct < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

/** Thousands-separated integer: `1,047,576`. */
export function integerText(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
