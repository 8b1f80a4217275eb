/** The shared formatting of the core (same figures in hover, CLI and webviews). */
export { formatDuration, formatInteger, formatMultiplier, formatPercent, formatPerMillion, formatPrice, formatTokens, formatUsd } from '../../core/format';
