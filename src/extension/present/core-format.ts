/**
 * Stand-in for `src/core/format` until the cost helper's module lands; then this
 * file becomes a re-export. Same outputs as documented there: `$0.0042`, `1.8k`, `2.1 s`.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '$?';
  const abs = Math.abs(usd);
  if (abs === 0) return '$0';
  if (abs >= 100) return `$${usd.toFixed(0)}`;
  if (abs >= 1) return `$${usd.toFixed(2)}`;
  const digits = Math.min(8, Math.max(2, 1 - Math.floor(Math.log10(abs))));
  // Two significant digits, but never fewer than two decimals: $0.0042, $0.38, $0.02.
  return `$${usd.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

export function formatTokens(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  if (abs < 1_000_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}M`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const min = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  return `${min} min ${s} s`;
}
