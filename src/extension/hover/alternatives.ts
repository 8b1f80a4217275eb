import type { FileReport } from '../../core/report/types';
import type { TokenomicsContext } from '../context';
import { cheapestAndFastest, type Alternative } from '../core-api';
import type { HoverTarget } from './targets';
import { workloadOfPrompt } from './workload';

/** Alternatives per report and site: computed once per analysed version, so repeated hovers are instant. */
const cache = new WeakMap<FileReport, Map<string, readonly Alternative[]>>();

/** Cheapest, fastest and balanced offerings for the site's workload, without the offering it is priced on. */
export function alternativesFor(ctx: TokenomicsContext, report: FileReport, target: HoverTarget): readonly Alternative[] {
  let perSite = cache.get(report);
  if (!perSite) cache.set(report, (perSite = new Map()));
  const hit = perSite.get(target.site.id);
  if (hit) return hit;
  const call = target.kind === 'call' ? target.site : report.calls.find((c) => (target.kind === 'loop' ? c.id === target.site.callId : c.promptIds.includes(target.site.id)));
  const prompt = target.kind === 'prompt' ? target.site : report.prompts.find((p) => call?.promptIds.includes(p.id));
  const workload = target.kind === 'loop' ? target.site.workload : call ? call.workload : prompt ? workloadOfPrompt(prompt, undefined, ctx.config.settings().assumptions.outputTokens) : undefined;
  let rows: readonly Alternative[] = [];
  try {
    const model = call?.modelResolved ?? (target.kind === 'prompt' ? target.site.model : undefined);
    if (workload) rows = cheapestAndFastest(ctx.catalog.current(), workload, call?.offering, prompt ? { tokenizer: prompt.tokenizer, model } : undefined, call?.needs);
  } catch (err) {
    ctx.log.error(`Comparing offerings for ${report.path} (${target.site.id}) failed`, err);
  }
  perSite.set(target.site.id, rows);
  return rows;
}
