/** Pieces shared by the estimate, agent and compare commands. */
import type { Catalog } from '../../core/catalog/types';
import type { Price } from '../../core/cost/types';
import { formatInteger } from '../../core/format';
import type { FlagSpec } from '../args';
import { OUTPUT_FORMATS } from '../output';

export const FORMAT_FLAG = {
  type: 'string',
  valueName: 'FMT',
  choices: OUTPUT_FORMATS,
  description: 'output format',
  defaultText: 'table',
} as const satisfies FlagSpec;

export const CONFIG_FLAG = {
  type: 'string',
  valueName: 'PATH',
  description: 'settings file: custom models, price overrides and default assumptions (output, steps, calls/day); flags win',
  defaultText: './tokenomics.json if present',
} as const satisfies FlagSpec;

/** Tier and batch facts of a price, as note lines. */
export function describePrice(price: Price): string[] {
  if (price.kind !== 'priced') return [];
  const lines: string[] = [];
  if (price.tierAboveInputTokens !== undefined) lines.push(`long-context tier: prompt above ${formatInteger(price.tierAboveInputTokens)} tokens, whole request at the tier's prices`);
  if (price.batchDiscount !== undefined) lines.push(`batch discount ${Math.round(price.batchDiscount * 100)}% applied`);
  return lines;
}

/** Why a price is unpriced, and how to fix it. */
export function unpricedLines(price: Price, extra?: string): string[] {
  if (price.kind !== 'unpriced') return extra ? [extra] : [];
  return [`unpriced: missing ${price.missing.join(', ')}${extra ? `; ${extra}` : ''}`, 'add the missing prices in tokenomics.json (priceOverrides / customModels) to price it'];
}

/** Where the catalog came from, as the last line of every table. */
export function catalogLine(catalog: Pick<Catalog, 'source' | 'asOf'>): string {
  return `catalog: ${catalog.source}; prices as of ${catalog.asOf}`;
}
