/**
 * The estimate of text that is not a detected site: a selection in the editor, or a prompt
 * no detected call sends. Both are priced on one basis, said in `basis`: the text as the
 * whole input of one call on the default (or given) model, plus the assumed output.
 */
import { estimateWorkload } from '../agent';
import { resolveModel } from '../catalog/resolve';
import type { Catalog } from '../catalog/types';
import type { Price } from '../cost/types';
import { scalePrice } from '../cost/money';
import { callsPerDayNote, defaultModelNote, outputNote, reasoningNote } from '../report/assumption-notes';
import type { ModelSource, SiteAssumption } from '../report/types';
import { countTokensForModel } from '../tokenize';
import { DAYS_PER_MONTH, type Assumptions, type Workload } from '../workload';
import { contextWindowOf } from './lookup';
import type { AppliedPrices, ModelFinding, SiteEstimate } from './types';

export interface OneCallInput {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly inputTokens: number;
  /** The model to price on; the default model when absent. */
  readonly model?: string;
  readonly modelSource?: ModelSource;
  readonly kind: 'text' | 'prompt';
  readonly basis: string;
}

/** One call whose whole input is `inputTokens`, with the assumed output: the basis of selections and lone prompts. */
export function oneCallEstimate(catalog: Catalog, a: Assumptions, input: OneCallInput): SiteEstimate {
  const id = input.model ?? a.defaultModel;
  const resolution = resolveModel(catalog, id);
  const offering = resolution.kind === 'resolved' ? resolution.offering : undefined;
  const entry = resolution.kind === 'resolved' ? resolution.model : undefined;
  const workload: Workload = {
    inputTokens: input.inputTokens,
    cachedInputTokens: 0,
    outputTokens: a.outputTokens,
    reasoningTokens: a.reasoningTokens,
    steps: 1,
    toolResultTokens: 0,
    caching: a.caching,
    batch: false,
    callsPerDay: a.callsPerDay,
  };
  const estimate = offering ? estimateWorkload(catalog, offering, workload) : undefined;
  const price: Price = estimate?.perUnit ?? { kind: 'unpriced', missing: [entry ? `offering for ${id}` : `model ${id} (not in the catalog)`] };
  const assumptions: SiteAssumption[] = [];
  if (!input.model) assumptions.push(defaultModelNote(id, a));
  assumptions.push(outputNote(undefined, a.outputTokens, undefined, a));
  const reasoning = reasoningNote(undefined, a.reasoningTokens, a);
  if (reasoning) assumptions.push(reasoning);
  assumptions.push(callsPerDayNote(undefined, a));
  const window = contextWindowOf(entry, offering);
  const model: ModelFinding = {
    id: entry?.id ?? id,
    known: Boolean(entry),
    ...(offering ? { offering: offering.id } : {}),
    source: input.modelSource ?? (input.model ? { from: 'code' } : { from: 'default', detail: 'the default model' }),
  };
  const applied: AppliedPrices | undefined = offering ? { offering: offering.id, provider: offering.provider, prices: offering.prices, source: offering.source, asOf: offering.asOf } : undefined;
  return {
    siteId: input.kind,
    kind: input.kind,
    unit: 'call',
    path: input.path,
    line: input.line,
    column: input.column,
    price,
    monthly: scalePrice(price, a.callsPerDay * DAYS_PER_MONTH),
    callsPerDay: a.callsPerDay,
    ...(estimate ? { latencyMs: estimate.latencyMs } : {}),
    tokens: { input: input.inputTokens, output: a.outputTokens },
    model,
    ...(applied ? { applied } : {}),
    ...(window ? { contextWindow: window, contextShare: input.inputTokens / window } : {}),
    assumptions,
    basis: input.basis,
  };
}

/** A selection of text in the editor: counted for the default model, priced as one call's input. */
export function estimateText(catalog: Catalog, a: Assumptions, text: string, where: { path: string; line: number; column: number }): SiteEstimate & { readonly exact: boolean } {
  const resolution = resolveModel(catalog, a.defaultModel);
  const count = countTokensForModel(text, resolution.kind === 'resolved' ? resolution.model : a.defaultModel);
  const estimate = oneCallEstimate(catalog, a, { ...where, inputTokens: count.tokens, kind: 'text', basis: `the selection as the input of one call, plus ${a.outputTokens} output tokens (assumed)` });
  return { ...estimate, exact: count.exact };
}
