/**
 * `no-output-cap`: a call that sets no output limit on a model whose maximum
 * output is large. The expected cost uses the assumed reply length; the
 * exposure is what one reply at the model's maximum would cost instead, at the
 * site's traffic. Capping saves nothing on an ordinary day: the saving's range
 * (0 to the exposure a cap removes) is the point. The cap suggested is twice
 * the assumed reply, rounded up to 256 tokens: room for a long answer, not for
 * a runaway one.
 */
import { formatInteger, formatUsd } from '../../format';
import type { DiagnosticReport, FindingFix } from '../types';
import { pricedSites, reprice, savingsFinding } from './pricing';
import type { FindingContext } from './types';

/** Below this maximum output, or this multiple of the assumed reply, a missing cap exposes little. */
const MIN_MAX_OUTPUT = 8192;
const MIN_HEADROOM = 4;
const CAP_STEP = 256;

/** The cap the quick fix writes: twice the assumed reply, in 256-token steps, never above the model's maximum. */
export function suggestedCap(assumedOutput: number, maxOutput: number): number {
  return Math.min(maxOutput, Math.max(CAP_STEP, Math.ceil((2 * assumedOutput) / CAP_STEP) * CAP_STEP));
}

/**
 * The SDK's own output-limit option for this request, where adding it is a plain keyword or property
 * of the call: OpenAI chat completions `max_completion_tokens` (`max_tokens` is deprecated there),
 * the Responses API `max_output_tokens`, Anthropic `max_tokens`, Vercel AI SDK `maxOutputTokens`
 * (AI SDK 5; 4.x spelled it `maxTokens`). Google's sits inside `config`: no mechanical edit.
 */
export function outputCapOption(framework: string, callee: string): string | undefined {
  if (framework === 'openai') {
    if (/responses\.(create|stream|parse)$/.test(callee)) return 'max_output_tokens';
    if (/chat\.completions\.(create|parse|stream)$/.test(callee)) return 'max_completion_tokens';
    if (/completions\.create$/.test(callee)) return 'max_tokens';
    return undefined;
  }
  if (framework === 'anthropic') return 'max_tokens';
  if (framework === 'vercel-ai') return 'maxOutputTokens';
  if (framework === 'litellm') return 'max_tokens';
  return undefined;
}

export function noOutputCap(ctx: FindingContext): DiagnosticReport[] {
  const out: DiagnosticReport[] = [];
  for (const { call, detected, offering, model } of pricedSites(ctx)) {
    if (detected.agent || detected.maxOutputTokens !== undefined || detected.annotation?.output !== undefined) continue;
    const max = model?.maxOutput;
    if (!model || max === undefined || max < MIN_MAX_OUTPUT || max < MIN_HEADROOM * call.outputTokens) continue;
    const worst = reprice(ctx.catalog, offering, call.workload, { workload: { outputTokens: max } });
    if (!worst || worst.savedPerUnit >= 0) continue;
    const cap = suggestedCap(call.outputTokens, max);
    const capped = reprice(ctx.catalog, offering, { ...call.workload, outputTokens: cap }, { workload: { outputTokens: max } });
    // The exposure a cap removes: replies between the cap and the maximum.
    const removed = capped ? -capped.savedPerMonth : -worst.savedPerMonth;
    const option = outputCapOption(call.framework, detected.callee);
    const fix: FindingFix | undefined = option ? { kind: 'output-cap', option, value: cap } : undefined;
    out.push(
      savingsFinding(
        call,
        'no-output-cap',
        call.id,
        `No output limit: ${model.id} can reply with up to ${formatInteger(max)} tokens, so one call can cost ${formatUsd(worst.then)} instead of ${formatUsd(worst.now)} ` +
          `(up to ${formatUsd(-worst.savedPerMonth)} a month more at ${formatInteger(call.workload.callsPerDay)} calls a day). ` +
          `Set ${option ?? 'max_tokens (max_output_tokens, maxOutputTokens)'} to what the task needs, e.g. ${formatInteger(cap)} (twice the assumed ${formatInteger(call.outputTokens)}-token reply).`,
        { usd: 0, low: 0, high: removed },
        fix,
      ),
    );
  }
  return out;
}
