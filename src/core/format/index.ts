/**
 * Number formatting shared by every surface (CLI, hover, CodeLens, status bar,
 * webviews), so the same figure reads the same everywhere. Locale-independent on
 * purpose: a CI log, a snapshot test and a hover must agree byte for byte.
 *
 * Surfaces format; they never compute. These functions only round for display.
 */
import type { Price } from '../cost/types';

/** Smallest amount shown as a figure; anything positive below it reads `<$0.0001`. */
const SMALLEST_USD = 0.0001;

/** Thousands separators on the integer part of a plain decimal string: `12345.6` → `12,345.6`. */
function groupThousands(decimal: string): string {
  const [whole, fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * US dollars for people: `$0`, `<$0.0001`, `$0.0042`, `$0.024`, `$0.12`, `$1.23`, `$123`, `$12,345`.
 * Below a dollar two significant digits are kept (at least two decimals), up to $100 two decimals,
 * above that whole dollars.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '$?';
  if (usd < 0) return `-${formatUsd(-usd)}`;
  if (usd === 0) return '$0';
  if (usd < SMALLEST_USD) return `<$${SMALLEST_USD}`;
  if (usd < 1) {
    // Two significant digits: 0.0042 has its first digit at 10^-3, so 4 decimals.
    const decimals = Math.max(2, 1 - Math.floor(Math.log10(usd)));
    // Zeros past the cents are noise ($0.0040 → $0.004); the cents themselves stay ($0.50).
    return `$${usd.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
  }
  if (usd < 99.995) return `$${usd.toFixed(2)}`;
  return `$${groupThousands(usd.toFixed(0))}`;
}

/** A price as a figure, or the word `unpriced` (never `$0` for a price we do not know). */
export function formatPrice(price: Price): string {
  return price.kind === 'priced' ? formatUsd(price.usd) : 'unpriced';
}

/** A bound of a range, as `formatUsd` writes it without the dollar sign: `0.21`, `1,902`, `<0.0001`. */
function bound(usd: number): string {
  return formatUsd(usd).replace('$', '');
}

/** How far a range must reach past the expected value before the compact form shows it (±10%). */
const COMPACT_MIN_SPREAD = 0.1;

/**
 * A price with the range its assumed inputs allow: `$0.38 (0.21–0.95)`. The one function every
 * surface uses for a figure with its range, so a table, a hover and a CodeLens read alike.
 * Without a range (every input came from code) it is `formatPrice`: `$0.38`, or `unpriced`.
 * `unit` goes after the figure: `$0.11/task (0.025–0.28)`. `compact` (CodeLens, status bar)
 * leaves out a range that stays within ±10% of the figure.
 */
export function formatPriceWithRange(price: Price, options: { readonly compact?: boolean; readonly unit?: string } = {}): string {
  const figure = `${formatPrice(price)}${options.unit ? `/${options.unit}` : ''}`;
  if (price.kind !== 'priced' || price.low === undefined || price.high === undefined) return figure;
  const low = bound(price.low);
  const high = bound(price.high);
  if (low === high) return figure;
  if (options.compact && price.usd > 0 && price.low >= price.usd * (1 - COMPACT_MIN_SPREAD) && price.high <= price.usd * (1 + COMPACT_MIN_SPREAD)) return figure;
  return `${figure} (${low}–${high})`;
}

/** A per-million-token list price: `$3.00/M`, `$0.075/M`, `$0.0375/M` (2 to 4 decimals, trailing zeros trimmed). */
export function formatPerMillion(usdPerMillion: number | undefined): string {
  if (usdPerMillion === undefined || !Number.isFinite(usdPerMillion)) return '—';
  if (usdPerMillion >= 99.995) return `${formatUsd(usdPerMillion)}/M`;
  const text = usdPerMillion.toFixed(4).replace(/(\.\d\d\d?)0+$/, '$1').replace(/(\.\d\d)0$/, '$1');
  return `$${text}/M`;
}

/** Token counts, compact: `850`, `1.8k`, `12k`, `1.2M`, `15M`. */
export function formatTokens(tokens: number): string {
  if (!Number.isFinite(tokens)) return '?';
  if (tokens < 0) return `-${formatTokens(-tokens)}`;
  const whole = Math.round(tokens);
  if (whole < 1000) return String(whole);
  const compact = (value: number, unit: string): string =>
    value < 9.95 ? `${value.toFixed(1).replace(/\.0$/, '')}${unit}` : `${Math.round(value)}${unit}`;
  // Promote at the boundary so 999,999 reads 1M, not 1000k.
  if (whole < 999_500) return compact(whole / 1000, 'k');
  return compact(whole / 1_000_000, 'M');
}

/** Exact integers with separators: `12,345`. */
export function formatInteger(n: number): string {
  if (!Number.isFinite(n)) return '?';
  return (n < 0 ? '-' : '') + groupThousands(String(Math.round(Math.abs(n))));
}

/** Durations: `<1 ms`, `850 ms`, `2.1 s`, `48 s`, `3.2 min`, `1.5 h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms === 0) return '0 ms';
  if (ms < 0.5) return '<1 ms';
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 9.95) return `${s.toFixed(1)} s`;
  if (s < 59.5) return `${Math.round(s)} s`;
  const min = s / 60;
  if (min < 59.95) return `${min.toFixed(1)} min`;
  return `${(min / 60).toFixed(1)} h`;
}

/** Output speed: `85 tok/s`, `1.2k tok/s`. */
export function formatTokensPerSecond(tps: number): string {
  return `${formatTokens(tps)} tok/s`;
}

/** The agent tax and other ratios: `×1.0`, `×12.4`, `×140`. */
export function formatMultiplier(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return ratio < 99.5 ? `×${ratio.toFixed(1)}` : `×${groupThousands(ratio.toFixed(0))}`;
}

/** A share 0..1 as a percentage: `0.4%`, `12%`, `100%`. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '?';
  const pct = share * 100;
  if (pct !== 0 && Math.abs(pct) < 9.95) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}
