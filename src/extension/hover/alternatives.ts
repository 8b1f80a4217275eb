import type { CallReport, FileReport, PromptReport } from '../../core/report/types';
import type { TokenomicsContext } from '../context';
import { cheapestAndFastest, type Alternative } from '../core-api';
import { workloadOfPrompt } from './workload';

/** Alternatives per report and site: computed once per analysed version, so repeated hovers are instant. */
const cache = new WeakMap<FileReport, Map<string, readonly Alternative[]>>();

/** `currentOffering`: the offering the prompt is priced on, left out of its alternatives. */
export function alternativesFor(ctx: TokenomicsContext, report: FileReport, prompt: PromptReport, call: CallReport | undefined, currentOffering: string | undefined): readonly Alternative[] {
  let perSite = cache.get(report);
  if (!perSite) cache.set(report, (perSite = new Map()));
  const hit = perSite.get(prompt.id);
  if (hit) return hit;
  const outputTokens = ctx.config.settings().assumptions.outputTokens;
  let rows: readonly Alternative[] = [];
  try {
    rows = cheapestAndFastest(ctx.catalog.current(), workloadOfPrompt(prompt, call, outputTokens), currentOffering, { tokenizer: prompt.tokenizer, model: call?.modelResolved ?? prompt.model }, call?.needs);
  } catch (err) {
    ctx.log.error(`Comparing offerings for ${report.path} (${prompt.id}) failed`, err);
  }
  perSite.set(prompt.id, rows);
  return rows;
}
