import type { CallReport, FileReport, PromptReport } from '../../core/report/types';
import { DEFAULT_ASSUMPTIONS, type Workload } from '../../core/workload';
import type { TokenomicsContext } from '../context';
import { cheapestAndFastest, type Alternative } from '../core-api';

/** Alternatives per report and site: computed once per analysed version, so repeated hovers are instant. */
const cache = new WeakMap<FileReport, Map<string, readonly Alternative[]>>();

/** The workload a prompt stands for: its call's, else one call with the prompt as the whole input. */
export function workloadOfPrompt(prompt: PromptReport, call: CallReport | undefined, outputTokens: number): Workload {
  if (call) return call.workload;
  return {
    inputTokens: prompt.tokens,
    cachedInputTokens: 0,
    outputTokens,
    reasoningTokens: 0,
    steps: 1,
    toolResultTokens: 0,
    caching: DEFAULT_ASSUMPTIONS.caching,
    batch: false,
    callsPerDay: DEFAULT_ASSUMPTIONS.callsPerDay,
  };
}

export function alternativesFor(ctx: TokenomicsContext, report: FileReport, prompt: PromptReport, call: CallReport | undefined): readonly Alternative[] {
  let perSite = cache.get(report);
  if (!perSite) cache.set(report, (perSite = new Map()));
  const hit = perSite.get(prompt.id);
  if (hit) return hit;
  const outputTokens = ctx.config.settings().assumptions.outputTokens;
  let rows: readonly Alternative[] = [];
  try {
    rows = cheapestAndFastest(ctx.catalog.current(), workloadOfPrompt(prompt, call, outputTokens), call?.offering, { tokenizer: prompt.tokenizer, model: call?.modelResolved ?? prompt.model });
  } catch (err) {
    ctx.log.error(`Comparing offerings for ${report.path} (${prompt.id}) failed`, err);
  }
  perSite.set(prompt.id, rows);
  return rows;
}
