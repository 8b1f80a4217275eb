/**
 * `model-fit`: a premium model on a short, simple request (small prompt, short
 * reply, no tools or other needs) where a cheaper model of the same vendor and
 * family fits the context. The saving is the difference at the site's traffic,
 * priced by the same cost model. It is an option to weigh against quality: it
 * is never applied, and no quick fix swaps the model silently.
 */
import { contextWindowOf } from '../../estimate/lookup';
import { formatTokens, formatUsd } from '../../format';
import type { DiagnosticReport } from '../types';
import { modelById, offeringById, unitsPerMonth, unitUsd } from './pricing';
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
  for (const call of ctx.report.calls) {
    if (call.stepOf || call.role === 'binding' || call.costPerCall.kind !== 'priced') continue;
    const detected = ctx.detected.calls.find((d) => d.id === call.id);
    // Only where the code chooses the model: a default model is a setting, not this site's choice.
    if (!detected || detected.agent || call.model === undefined || call.tools.length > 0) continue;
    if (call.needs && (call.needs.tools || call.needs.vision || call.needs.reasoning || call.needs.structuredOutput)) continue;
    if (call.inputTokens > MAX_INPUT || call.outputTokens > MAX_OUTPUT) continue;
    const model = modelById(ctx.catalog, call.modelResolved);
    const offering = offeringById(ctx.catalog, call.offering);
    if (!model || !offering || (offering.prices.input ?? 0) < PREMIUM_INPUT_PER_M) continue;
    const now = unitUsd(ctx.catalog, offering, call.workload);
    if (now === undefined || now <= 0) continue;
    let best: { id: string; usd: number } | undefined;
    for (const m of ctx.catalog.models) {
      if (m.id === model.id || m.vendor !== model.vendor || m.family !== model.family || Boolean(m.reasoning) !== Boolean(model.reasoning)) continue;
      const o = ctx.catalog.offerings.find((x) => x.model === m.id && x.provider === offering.provider);
      // A model whose window is not known is not said to fit.
      const window = contextWindowOf(m, o);
      if (window === undefined || window < call.inputTokens + call.outputTokens) continue;
      const usd = o ? unitUsd(ctx.catalog, o, call.workload) : undefined;
      if (usd === undefined || usd > MAX_SHARE * now) continue;
      // The closest step down: the most capable (dearest) model that is still a clear saving.
      if (!best || usd > best.usd) best = { id: m.id, usd };
    }
    if (!best) continue;
    const saving = (now - best.usd) * unitsPerMonth(call.workload);
    out.push({
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      severity: 'information',
      code: 'model-fit',
      siteId: call.id,
      message:
        `${model.id} on a short request (${formatTokens(call.inputTokens)} in → ${formatTokens(call.outputTokens)} out, no tools): ${best.id}, same vendor and family, ` +
        `fits its context for ${formatUsd(best.usd)} instead of ${formatUsd(now)} per call, ${formatUsd(saving)} a month less. An option to weigh against quality, not applied.`,
      savings: { monthly: { usd: saving, low: saving, high: saving } },
    });
  }
  return out;
}
