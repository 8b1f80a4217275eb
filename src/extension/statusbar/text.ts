/**
 * The status bar entry's text and tooltip. Pure. The glue decides what is
 * measured (the selection, else the prompt under the cursor, else nothing).
 */
import type { Price } from '../../core/cost/types';
import { formatTokens, integerText, priceText } from '../present/format';

export interface StatusFigures {
  readonly scope: 'selection' | 'prompt';
  readonly tokens: number;
  readonly exact: boolean;
  readonly price: Price;
  readonly model: string;
}

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
}

/** Shown when nothing is measured: the model new estimates use, so the picker is one click away. */
export function idleStatus(defaultModel: string): StatusView {
  return { text: `$(symbol-number) ${defaultModel}`, tooltip: `Tokenomics: default model ${defaultModel}. Click to pick another.` };
}

export function measuredStatus(f: StatusFigures): StatusView {
  const approx = f.exact ? '' : '≈';
  const text = `$(symbol-number) ${approx}${formatTokens(f.tokens)} tokens · ${priceText(f.price)}`;
  const what = f.scope === 'selection' ? 'Selection' : 'Prompt under the cursor';
  const tooltip = `${what}: ${approx}${integerText(f.tokens)} input tokens, ${priceText(f.price)} per call on ${f.model}. Click to pick the default model.`;
  return { text, tooltip };
}
