/**
 * The status bar entry's text and tooltip, from core estimates. Pure. The glue decides
 * what is measured: the selection (a whole site selected shows that site's figure; other
 * text is priced as one call's input), else the site under the cursor, else the file.
 * A site's figure is `formatFigure`, the same text as its CodeLens and hover.
 */
import type { Price } from '../../core/cost/types';
import type { SiteEstimate } from '../../core/estimate/types';
import { formatEstimateInput, formatFigure } from '../../core/format/estimate';
import { formatModelWithSource } from '../../core/format/provenance';
import { formatTokens, integerText, priceText } from '../present/format';

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
}

const CLICK = 'Click for the Tokenomics menu (compare providers, default model, cost report).';

/** Nothing to measure in this editor: the extension's name; the default model in the tooltip. */
export function idleStatus(defaultModel: string): StatusView {
  return { text: '$(symbol-number) Tokenomics', tooltip: `Tokenomics: nothing priced in this editor. Default model: ${defaultModel}. ${CLICK}` };
}

/** The active file's runtime cost: `Tokenomics: $42/mo in this file`. */
export function fileStatus(monthly: Price, sites: number, callsPerDay: number): StatusView {
  const text = `$(symbol-number) Tokenomics: ${priceText(monthly)}/mo in this file`;
  const tooltip = `${integerText(sites)} priced site${sites === 1 ? '' : 's'} in this file, at ${integerText(callsPerDay)} calls or tasks a day each (tokenomics.callsPerDay). ${CLICK}`;
  return { text, tooltip };
}

/** A site (cursor in it, or the whole of it selected), or a selection priced as one call. */
export function estimateStatus(e: SiteEstimate, scope: 'cursor' | 'selection', exact = true): StatusView {
  const approx = exact ? '' : '≈';
  const text = `$(symbol-number) ${e.inputUnknown ? formatEstimateInput(e) : `${approx}${formatTokens(e.tokens.input)}`} in · ${formatFigure(e)}`;
  const what = e.kind === 'text' ? 'Selection' : scope === 'selection' ? `Selected ${e.kind}` : `${e.kind === 'prompt' ? 'Prompt' : e.kind === 'loop' ? 'Loop' : 'Call'} under the cursor`;
  const share = e.prompt ? ` This prompt: ${integerText(e.prompt.tokens)} tokens, ${priceText(e.prompt.price)} of it as input.` : '';
  const tooltip = `${what}: ${formatFigure(e)}, ${e.basis}, on ${formatModelWithSource(e.model.id, e.model.source, e.path)}; ${e.inputUnknown ? `input ${formatEstimateInput(e)} tokens: ${e.inputUnknown.why}` : `${approx}${integerText(e.tokens.input)} input tokens`}.${share} ${CLICK}`;
  return { text, tooltip };
}
