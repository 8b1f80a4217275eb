/**
 * `model-fit`: a premium model on a short, simple request (small prompt, short
 * reply, no tools or other needs) where a cheaper model of the same vendor and
 * family fits the context. The saving is the difference at the site's traffic,
 * priced by the same cost model. It is an option to weigh against quality: it
 * is never applied, and its quick fix (replace the model literal) is offered,
 * never preferred.
 */
import { contextWindowOf } from '../../estimate/lookup';
import { formatTokens, formatUsd } from '../../format';
import type { DiagnosticReport } from '../types';
import { pricedSites, reprice, savingsFinding, type Repricing } from './pricing';
import type { FindingContext } from './types';

/** A "short, simple" request: at most this much in and out, and no tools. */
const MAX_INPUT = 2000;
const MAX_OUTPUT = 1000;
/** Premium: input priced at or above this many US dollars per million tokens. */
const PREMIUM_INPUT_PER_M = 1;
/** A candidate must cost at most this share of the current model: a clear step down, not a rounding error. */
const MAX_SHARE = 0.4;

export function modelFit(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const { call, detected, offering, model } of pricedSites(ctx)) {
    // Only where the code chooses the model: a default model is a setting, not this site's choice.
    if (detected.agent || call.model === undefined || call.tools.length > 0) continue;
    if (call.needs && (call.needs.tools || call.needs.vision || call.needs.reasoning || call.needs.structuredOutput)) continue;
    if (call.inputTokens > MAX_INPUT || call.outputTokens > MAX_OUTPUT) continue;
    if (!model || (offering.prices.input ?? 0) < PREMIUM_INPUT_PER_M) continue;
    let best: { id: string; apiId: string; r: Repricing } | undefined;
    for (const m of ctx.catalog.models) {
      if (m.id === model.id || m.vendor !== model.vendor || m.family !== model.family || Boolean(m.reasoning) !== Boolean(model.reasoning)) continue;
      const o = ctx.catalog.offerings.find((x) => x.model === m.id && x.provider === offering.provider);
      // A model whose window is not known is not said to fit.
      const window = contextWindowOf(m, o);
      if (!o || window === undefined || window < call.inputTokens + call.outputTokens) continue;
      const r = reprice(ctx.catalog, offering, call.workload, { offering: o });
      if (!r || r.now <= 0 || r.then > MAX_SHARE * r.now) continue;
      // The closest step down: the most capable (dearest) model that is still a clear saving.
      if (!best || r.then > best.r.then) best = { id: m.id, apiId: o.providerModelId ?? m.id, r };
    }
    if (!best) continue;
    const { now, then, savedPerMonth } = best.r;
    out.push(
      savingsFinding(
        call,
        'model-fit',
        call.id,
        `${model.id} on a short request (${formatTokens(call.inputTokens)} in → ${formatTokens(call.outputTokens)} out, no tools): ${best.id}, same vendor and family, ` +
          `fits its context for ${formatUsd(then)} instead of ${formatUsd(now)} per call, ${formatUsd(savedPerMonth)} a month less. An option to weigh against quality, not applied.`,
        { usd: savedPerMonth, low: savedPerMonth, high: savedPerMonth },
        { kind: 'model', model: best.apiId },
      ),
    );
  }
  return out;
}
