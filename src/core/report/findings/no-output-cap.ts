/**
 * `no-output-cap`: a call that sets no output limit on a model whose maximum
 * output is large. The expected cost uses the assumed reply length; the
 * exposure is what one reply at the model's maximum would cost instead, at the
 * site's traffic. Capping saves nothing on an ordinary day: the saving's range
 * (0 to the exposure) is the point.
 */
import { formatInteger, formatUsd } from '../../format';
import type { DiagnosticReport } from '../types';
import { modelById, offeringById, unitsPerMonth, unitUsd } from './pricing';
import type { FindingContext } from './types';

/** Below this maximum output, or this multiple of the assumed reply, a missing cap exposes little. */
const MIN_MAX_OUTPUT = 8192;
const MIN_HEADROOM = 4;

export function noOutputCap(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const call of ctx.report.calls) {
    if (call.stepOf || call.role === 'binding' || call.costPerCall.kind !== 'priced') continue;
    const detected = ctx.detected.calls.find((d) => d.id === call.id);
    if (!detected || detected.agent || detected.maxOutputTokens !== undefined || detected.annotation?.output !== undefined) continue;
    const model = modelById(ctx.catalog, call.modelResolved);
    const offering = offeringById(ctx.catalog, call.offering);
    const max = model?.maxOutput;
    if (!model || !offering || max === undefined || max < MIN_MAX_OUTPUT || max < MIN_HEADROOM * call.outputTokens) continue;
    const now = unitUsd(ctx.catalog, offering, call.workload);
    const worst = unitUsd(ctx.catalog, offering, { ...call.workload, outputTokens: max });
    if (now === undefined || worst === undefined || worst <= now) continue;
    const exposure = (worst - now) * unitsPerMonth(call.workload);
    out.push({
      line: call.line,
      column: call.column,
      endLine: call.endLine,
      endColumn: call.endColumn,
      severity: 'information',
      code: 'no-output-cap',
      siteId: call.id,
      message:
        `No output limit: ${model.id} can reply with up to ${formatInteger(max)} tokens, so one call can cost ${formatUsd(worst)} instead of ${formatUsd(now)} ` +
        `(up to ${formatUsd(exposure)} a month more at ${formatInteger(call.workload.callsPerDay)} calls a day). Set max_tokens (max_output_tokens, maxTokens) to what the task needs.`,
      savings: { monthly: { usd: 0, low: 0, high: exposure } },
    });
  }
  return out;
}
